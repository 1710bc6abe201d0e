// One HTTP attempt over undici's pooled keep-alive dispatcher. We call `dispatcher.dispatch`
// with our own handler rather than undici's `request()`: the body arrives as Buffer chunks we
// keep (no Readable stream per response, no copy when it fits in one chunk), and aborting needs
// no AbortController: the handler holds undici's per-request controller. The outcome is
// returned, not thrown, so the retry loop decides what to do with timeouts, aborts and failures.
import type { Dispatcher } from "undici";

export interface AttemptInput {
  dispatcher: Dispatcher;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** Covers the whole attempt: queueing, connect, headers and every byte of the body. */
  timeoutMs: number;
  /** The caller's signal, if any (none: no listener is attached at all). */
  signal: AbortSignal | undefined;
  /** A body past this many bytes stops the attempt (outcome "too-large"). */
  maxResponseBytes: number;
}

export type AttemptOutcome =
  | {
      kind: "response";
      status: number;
      headers: Record<string, string>;
      bytes: Buffer;
      durationMs: number;
    }
  | { kind: "timeout"; durationMs: number }
  | { kind: "aborted" }
  | { kind: "too-large"; status: number; headers: Record<string, string>; durationMs: number }
  | { kind: "network"; error: unknown; durationMs: number };

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const EMPTY = Buffer.alloc(0);

function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TIMEOUT_CODES.has(code);
}

/** `https://host:port/path?q` → origin and path; our URLs are built and validated upstream. */
function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  return slash < 0
    ? { origin: url, path: "/" }
    : { origin: url.slice(0, slash), path: url.slice(slash) };
}

/** undici's parsed headers hold arrays for repeated names; we expose one string per header. */
function joinRepeated(headers: Record<string, string | string[] | undefined>) {
  for (const name in headers) {
    const value = headers[name];
    if (typeof value !== "string") {
      if (value === undefined) delete headers[name];
      else headers[name] = value.join(", ");
    }
  }
  return headers as Record<string, string>;
}

class Attempt implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private settled = false;
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly input: AttemptInput,
    private readonly resolve: (outcome: AttemptOutcome) => void,
  ) {
    // Our own timer, not undici's headers/body timeouts alone: those measure idle gaps, so a
    // server trickling a body byte by byte would never time out. (undici's stay as a backstop.)
    this.timer = setTimeout(
      () => this.stop({ kind: "timeout", durationMs: this.elapsed() }),
      input.timeoutMs,
    );
    const { signal } = input;
    if (signal !== undefined) {
      this.onAbort = () => this.stop({ kind: "aborted" });
      signal.addEventListener("abort", this.onAbort, { once: true });
    }
  }

  private elapsed(): number {
    return Math.round(performance.now() - this.started);
  }

  /** Settles once; later callbacks (e.g. the error that follows our own abort) are ignored. */
  private finish(outcome: AttemptOutcome): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (this.onAbort !== undefined) this.input.signal?.removeEventListener("abort", this.onAbort);
    this.resolve(outcome);
  }

  /** Timeout or caller abort: settle now, and make undici drop the request and its socket. */
  private stop(outcome: AttemptOutcome): void {
    if (this.settled) return;
    this.finish(outcome);
    this.controller?.abort(new Error(outcome.kind));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Stopped while still queued for a connection: abort as soon as undici hands us control.
    if (this.settled) controller.abort(new Error("stopped"));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (statusCode < 200) return; // 1xx informational responses precede the real one.
    this.status = statusCode;
    this.headers = joinRepeated(headers);
    // A declared length over the cap is refused before a single byte is buffered.
    const declared = Number(this.headers["content-length"]);
    if (declared > this.input.maxResponseBytes) this.tooLarge();
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size > this.input.maxResponseBytes) {
      this.chunks.length = 0;
      this.tooLarge();
      return;
    }
    this.chunks.push(chunk);
  }

  private tooLarge(): void {
    this.stop({
      kind: "too-large",
      status: this.status,
      headers: this.headers,
      durationMs: this.elapsed(),
    });
  }

  onResponseEnd(): void {
    const { chunks } = this;
    // One chunk (the common small JSON answer) is used as is; more are joined once.
    const bytes =
      chunks.length === 1
        ? chunks[0]!
        : chunks.length === 0
          ? EMPTY
          : Buffer.concat(chunks, this.size);
    this.finish({
      kind: "response",
      status: this.status,
      headers: this.headers,
      bytes,
      durationMs: this.elapsed(),
    });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.settled) return;
    const durationMs = this.elapsed();
    if (this.input.signal?.aborted) this.finish({ kind: "aborted" });
    else if (isUndiciTimeout(error)) this.finish({ kind: "timeout", durationMs });
    else this.finish({ kind: "network", error, durationMs });
  }
}

export function sendAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  if (input.signal?.aborted) return Promise.resolve({ kind: "aborted" });
  return new Promise((resolve) => {
    const attempt = new Attempt(input, resolve);
    const { origin, path } = splitUrl(input.url);
    try {
      input.dispatcher.dispatch(
        {
          origin,
          path,
          method: input.method as Dispatcher.HttpMethod,
          headers: input.headers,
          body: input.body,
          headersTimeout: input.timeoutMs,
          bodyTimeout: input.timeoutMs,
        },
        attempt,
      );
    } catch (error) {
      // dispatch reports most failures through onResponseError; a closed agent may throw.
      attempt.onResponseError(undefined as never, error as Error);
    }
  });
}

// One HTTP attempt over undici's pooled keep-alive dispatcher (`request`, not fetch: it skips
// the WHATWG stream machinery). The outcome is returned, not thrown, so the retry loop can
// decide what to do with timeouts, aborts and network failures.
import { type Dispatcher, request } from "undici";
import { flattenHeaders } from "./headers.js";
import { linkSignals } from "./signals.js";

export interface AttemptInput {
  dispatcher: Dispatcher;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  timeoutMs: number;
  signal: AbortSignal;
}

export type AttemptOutcome =
  | {
      kind: "response";
      status: number;
      headers: Record<string, string>;
      bytes: Uint8Array;
      durationMs: number;
    }
  | { kind: "timeout"; durationMs: number }
  | { kind: "aborted" }
  | { kind: "network"; error: unknown; durationMs: number };

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TIMEOUT_CODES.has(code);
}

export async function sendAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Our own timer covers connect, headers and the whole body, so a server that stalls half
  // way through a body times out too; undici's headers/body timeouts are a backstop.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error("timeout")), input.timeoutMs);
  const linked = linkSignals([input.signal, timeout.signal]);
  try {
    const response = await request(input.url, {
      dispatcher: input.dispatcher,
      method: input.method as Dispatcher.HttpMethod,
      headers: input.headers,
      body: input.body,
      signal: linked.signal,
      headersTimeout: input.timeoutMs,
      bodyTimeout: input.timeoutMs,
    });
    const bytes = new Uint8Array(await response.body.arrayBuffer());
    return {
      kind: "response",
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      bytes,
      durationMs: elapsed(),
    };
  } catch (error) {
    if (input.signal.aborted) return { kind: "aborted" };
    if (timeout.signal.aborted || isUndiciTimeout(error)) {
      return { kind: "timeout", durationMs: elapsed() };
    }
    return { kind: "network", error, durationMs: elapsed() };
  } finally {
    clearTimeout(timer);
    linked.dispose();
  }
}

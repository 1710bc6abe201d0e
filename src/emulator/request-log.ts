// Recent requests for GET /__emulator/requests. Entries hold redacted data only, and the log is
// bounded by bytes as well as by count (issue 12, item 7): it used to keep every parsed body, so
// ~815 unauthenticated 5 MB POSTs took the process from 89 MB to 4.2 GB and killed it, and 120
// of them already made the log too big to serialise (GET answered 500).
import { redactedJsonPreview } from "./json-preview.js";
import { redactBody } from "./redact.js";

export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
  /**
   * The redacted body: parsed JSON or text when its JSON form is at most `BODY_PREVIEW_CHARS`
   * characters, else the first `BODY_PREVIEW_CHARS` characters of that JSON (a string), with
   * `bodyTruncated` and `bodyBytes` set. Binary bodies are `"<N bytes>"`.
   */
  body: unknown;
  /** Set when `body` is a cut preview. */
  bodyTruncated?: true;
  /** The request body's size in bytes (Content-Length), when it was cut. */
  bodyBytes?: number;
  status: number;
}

export type LogInput = Omit<LoggedRequest, "seq" | "body" | "bodyTruncated" | "bodyBytes">;

/** Bodies longer than this (as JSON) are logged as a preview. */
export const BODY_PREVIEW_CHARS = 4096;
/** Default byte budget of the whole log (JSON size of its entries). */
export const DEFAULT_LOG_BYTES = 8 * 1024 * 1024;

/** The log's form of a request body: redacted first, then cut (never the other way round). */
export function loggedBody(
  body: unknown,
  bytes: number,
): Pick<LoggedRequest, "body" | "bodyTruncated" | "bodyBytes"> {
  if (Buffer.isBuffer(body)) return { body: `<${body.length} bytes>` };
  if (body === undefined) return { body: undefined };
  const preview = redactedJsonPreview(body, BODY_PREVIEW_CHARS);
  if (preview.complete) return { body: redactBody(body) };
  return {
    body: preview.text.slice(0, BODY_PREVIEW_CHARS),
    bodyTruncated: true,
    bodyBytes: bytes,
  };
}

interface Stored {
  entry: LoggedRequest;
  bytes: number;
}

export class RequestLog {
  /** Oldest first; `head` is the index of the oldest live entry (amortised O(1) eviction). */
  private entries: Stored[] = [];
  private head = 0;
  private bytes = 0;
  private seq = 0;

  constructor(
    private readonly capacity = 1000,
    private readonly maxBytes = DEFAULT_LOG_BYTES,
  ) {}

  add(input: LogInput, body: unknown, bodyBytes: number): void {
    this.seq += 1;
    const entry: LoggedRequest = { seq: this.seq, ...input, ...loggedBody(body, bodyBytes) };
    // Every part is bounded (headers and URL by the server's header limit, the body by the
    // preview), so measuring the serialised entry is cheap.
    const bytes = Buffer.byteLength(JSON.stringify(entry));
    this.entries.push({ entry, bytes });
    this.bytes += bytes;
    while (this.size > this.capacity || (this.bytes > this.maxBytes && this.size > 1)) {
      this.evictOldest();
    }
  }

  private get size(): number {
    return this.entries.length - this.head;
  }

  private evictOldest(): void {
    const oldest = this.entries[this.head];
    if (oldest === undefined) return;
    this.bytes -= oldest.bytes;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Entries with a sequence number greater than `since`, oldest first. */
  since(since = 0): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const stored = this.entries[i] as Stored;
      if (stored.entry.seq > since) out.push(stored.entry);
    }
    return out;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Bytes currently held (the JSON size of the live entries). */
  get heldBytes(): number {
    return this.bytes;
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
  }
}

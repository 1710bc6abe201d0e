// Typed errors. Every field assigned here is enumerable and therefore may end up in logs
// (JSON.stringify(error)), so callers must pass values that have already been redacted.
import type { V1ErrorBody, V2ErrorBody } from "../types/confluence.js";

/** Options every ConfluenceError takes (the Octokit `RequestError(message, status, options)` shape). */
export interface ConfluenceErrorOptions {
  cause?: unknown;
  /** See ConfluenceError.outcomeUnknown; default false. */
  outcomeUnknown?: boolean;
}

/** Base class of every error the client throws. */
export class ConfluenceError extends Error {
  override name = "ConfluenceError";
  /**
   * True when the request may have changed something on Confluence although no answer says
   * whether it did (a write that timed out, whose connection dropped after sending, whose 2xx
   * body was lost, or that ended on a 5xx): check before sending it again. The one flag the
   * safe-write resolver (writes/resolve.ts) reads. OAuth errors leave it false: their
   * uncertainty is about a token grant, not about a Confluence request.
   */
  readonly outcomeUnknown: boolean;

  constructor(message: string, options: ConfluenceErrorOptions = {}) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }
}

/** A caller input (host, path segment, header, option) was rejected before anything was sent. */
export class ConfluenceValidationError extends ConfluenceError {
  override name = "ConfluenceValidationError";
}

/** Where a request went; shared by the errors raised after a request was attempted. */
export interface RequestTarget {
  method: string;
  /** Path (and query) of the request, without origin; redacted. */
  path: string;
}

export type ConfluenceErrorBody = V2ErrorBody | V1ErrorBody | string | Record<string, unknown>;

export interface ApiErrorDetails extends RequestTarget {
  status: number;
  statusText: string;
  body: ConfluenceErrorBody | undefined;
  traceId: string | undefined;
  /** Delay the server asked for (429/503), when it exceeded the retry budget. */
  retryAfterMs?: number;
  /** An earlier attempt of this request was cut off after it may have reached Confluence. */
  afterUncertainAttempt?: boolean;
  /** A write that ended on a 5xx: a gateway may answer so after Confluence did the work. */
  outcomeUnknown?: boolean;
  message: string;
}

/** Confluence answered with a non-2xx status. */
export class ConfluenceApiError extends ConfluenceError {
  override name = "ConfluenceApiError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: ConfluenceErrorBody | undefined;
  readonly traceId: string | undefined;
  readonly retryAfterMs: number | undefined;
  /**
   * True when an earlier attempt of this (retried) request was cut off after it may have reached
   * Confluence: a 404 on a retried DELETE then most likely means the first attempt deleted it,
   * a 409 on a retried PUT that the first attempt applied the version.
   */
  readonly afterUncertainAttempt: boolean;

  constructor(details: ApiErrorDetails) {
    super(details.message, { outcomeUnknown: details.outcomeUnknown ?? false });
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.body = details.body;
    this.traceId = details.traceId;
    this.retryAfterMs = details.retryAfterMs;
    this.afterUncertainAttempt = details.afterUncertainAttempt ?? false;
  }
}

/** A 200 GraphQL response carried `errors`. */
export class ConfluenceGraphQLError extends ConfluenceError {
  override name = "ConfluenceGraphQLError";
  readonly messages: string[];
  readonly data: unknown;
  readonly traceId: string | undefined;
  constructor(
    message: string,
    details: { messages: string[]; data: unknown; traceId: string | undefined },
  ) {
    super(message);
    this.messages = details.messages;
    this.data = details.data;
    this.traceId = details.traceId;
  }
}

export interface TimeoutErrorDetails extends RequestTarget {
  timeoutMs: number;
  /** True when a write may have been processed by the server. */
  outcomeUnknown: boolean;
  /** Attempts made, retries included (the last one timed out). Default 1. */
  attempts?: number;
}

/** The request (or a stalled response body) exceeded its timeout. */
export class ConfluenceTimeoutError extends ConfluenceError {
  override name = "ConfluenceTimeoutError";
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;
  /** Attempts made, retries included (the last one timed out). */
  readonly attempts: number;
  constructor(message: string, details: TimeoutErrorDetails) {
    super(message, { outcomeUnknown: details.outcomeUnknown });
    this.method = details.method;
    this.path = details.path;
    this.timeoutMs = details.timeoutMs;
    this.attempts = details.attempts ?? 1;
  }
}

export interface NetworkErrorDetails extends RequestTarget {
  code: string | undefined;
  /** Kept non-enumerable (Error's own `cause`) for debugging. */
  cause?: unknown;
  /** Default false; always true for ConfluenceOutcomeUnknownError. */
  outcomeUnknown?: boolean;
}

/** The connection failed (refused, reset, DNS, TLS) and no response was received. */
export class ConfluenceNetworkError extends ConfluenceError {
  override name = "ConfluenceNetworkError";
  readonly method: string;
  readonly path: string;
  readonly code: string | undefined;
  constructor(message: string, details: NetworkErrorDetails) {
    const { method, path, code, ...options } = details;
    super(message, options);
    this.method = method;
    this.path = path;
    this.code = code;
  }
}

/**
 * A non-idempotent request (e.g. POST) failed after it may have reached Confluence, so it was
 * not repeated: the caller must check whether it took effect before trying again. Its
 * `outcomeUnknown` is always true. (Still a ConfluenceNetworkError: callers catching dropped
 * connections by that class keep catching a POST's.)
 */
export class ConfluenceOutcomeUnknownError extends ConfluenceNetworkError {
  override name = "ConfluenceOutcomeUnknownError";
  constructor(message: string, details: NetworkErrorDetails) {
    super(message, { ...details, outcomeUnknown: true });
  }
}

export interface ResponseErrorDetails extends RequestTarget {
  status: number;
  /** True for a write: it was processed, its answer was not read. */
  outcomeUnknown: boolean;
}

/**
 * Confluence answered 2xx but the body could not be read as what it claims to be (JSON that is
 * broken or cut short). Idempotent requests were retried like a network failure first; for a
 * non-idempotent one (e.g. POST) `outcomeUnknown` is true: the write probably happened, but its
 * answer is lost, so check before sending it again.
 */
export class ConfluenceResponseError extends ConfluenceError {
  override name = "ConfluenceResponseError";
  readonly status: number;
  readonly method: string;
  readonly path: string;
  constructor(message: string, details: ResponseErrorDetails) {
    super(message, { outcomeUnknown: details.outcomeUnknown });
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
  }
}

/** The caller's AbortSignal (or the client's) cancelled the request. */
export class ConfluenceAbortError extends ConfluenceError {
  override name = "ConfluenceAbortError";
}

/**
 * The response body grew past `maxResponseBytes`, so the attempt was stopped rather than
 * buffered whole in memory. Not retried (the same answer would come again); for a
 * non-idempotent request `outcomeUnknown` is true: it was processed, its answer was not read.
 */
export class ConfluenceResponseTooLargeError extends ConfluenceResponseError {
  override name = "ConfluenceResponseTooLargeError";
  readonly limitBytes: number;
  constructor(message: string, details: ResponseErrorDetails & { limitBytes: number }) {
    super(message, details);
    this.limitBytes = details.limitBytes;
  }
}

/** A paginated list did not advance: Confluence sent a next link that was already followed. */
export class ConfluencePaginationError extends ConfluenceError {
  override name = "ConfluencePaginationError";
  /** Path of the repeated link, without origin or query (the cursor is opaque). */
  readonly path: string;
  /** Pages fetched before the loop was noticed. */
  readonly pages: number;
  constructor(message: string, details: { path: string; pages: number }) {
    super(message);
    this.path = details.path;
    this.pages = details.pages;
  }
}

// Typed errors. Every field assigned here is enumerable and therefore may end up in logs
// (JSON.stringify(error)), so callers must pass values that have already been redacted.
import type { V1ErrorBody, V2ErrorBody } from "../types/confluence.js";

/** Base class of every error the client throws. */
export class ConfluenceError extends Error {
  override name = "ConfluenceError";
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
    super(details.message);
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
  constructor(
    message: string,
    readonly messages: string[],
    readonly data: unknown,
    readonly traceId: string | undefined,
  ) {
    super(message);
  }
}

/** The request (or a stalled response body) exceeded its timeout. */
export class ConfluenceTimeoutError extends ConfluenceError {
  override name = "ConfluenceTimeoutError";
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    readonly timeoutMs: number,
    /** True when a non-idempotent request may have been processed by the server. */
    readonly outcomeUnknown: boolean,
    /** Attempts made, retries included (the last one timed out). */
    readonly attempts = 1,
  ) {
    super(message);
  }
}

/** The connection failed (refused, reset, DNS, TLS) and no response was received. */
export class ConfluenceNetworkError extends ConfluenceError {
  override name = "ConfluenceNetworkError";
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A non-idempotent request (e.g. POST) failed after it may have reached Confluence, so it was
 * not repeated: the caller must check whether it took effect before trying again.
 */
export class ConfluenceOutcomeUnknownError extends ConfluenceNetworkError {
  override name = "ConfluenceOutcomeUnknownError";
}

/**
 * Confluence answered 2xx but the body could not be read as what it claims to be (JSON that is
 * broken or cut short). Idempotent requests were retried like a network failure first; for a
 * non-idempotent one (e.g. POST) `outcomeUnknown` is true: the write probably happened, but its
 * answer is lost, so check before sending it again.
 */
export class ConfluenceResponseError extends ConfluenceError {
  override name = "ConfluenceResponseError";
  constructor(
    message: string,
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
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
  constructor(
    message: string,
    status: number,
    method: string,
    path: string,
    outcomeUnknown: boolean,
    readonly limitBytes: number,
  ) {
    super(message, status, method, path, outcomeUnknown);
  }
}

/** A paginated list did not advance: Confluence sent a next link that was already followed. */
export class ConfluencePaginationError extends ConfluenceError {
  override name = "ConfluencePaginationError";
  constructor(
    message: string,
    /** Path of the repeated link, without origin or query (the cursor is opaque). */
    readonly path: string,
    /** Pages fetched before the loop was noticed. */
    readonly pages: number,
  ) {
    super(message);
  }
}

// Retry policy. Rate limiting follows Atlassian's guidance
// (https://developer.atlassian.com/cloud/confluence/rate-limiting/): on 429 (and 503) wait for
// Retry-After (seconds or an HTTP date; Beta-Retry-After during the beta rollout) or until
// X-RateLimit-Reset (ISO 8601 timestamp); otherwise exponential backoff with full jitter.

import { REFUSED_ADDRESS_CODE } from "./guarded-lookup.js";

/** OpenSSL's answer when the far side replied to the TLS handshake with plain HTTP. */
export const NOT_TLS_CODES: readonly string[] = [
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_PACKET_LENGTH_TOO_LONG",
];

export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. Default 4. */
  maxRetries?: number;
  /** First backoff step, or the fixed delay when `exponentialBackoff` is false. Default 500. */
  baseDelayMs?: number;
  /** Cap of one wait; a server asking for longer ends the retries. Default 30 000. */
  maxDelayMs?: number;
  /** Cap of all waits of one request together. Default 60 000. */
  maxTotalDelayMs?: number;
  /** Default true; false waits exactly `baseDelayMs` between attempts (Raw Request "Retry Delay"). */
  exponentialBackoff?: boolean;
  /**
   * Retry every failure (any 4xx/5xx, network errors) for any method, including POST
   * (Raw Request "Retry On All Errors"). Off by default: a POST is never silently repeated.
   */
  retryOnAllErrors?: boolean;
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetry = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxTotalDelayMs: 60_000,
  exponentialBackoff: true,
  retryOnAllErrors: false,
};

export function resolveRetry(...layers: (RetryOptions | undefined)[]): ResolvedRetry {
  const out = { ...DEFAULT_RETRY };
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) Object.assign(out, { [key]: value });
    }
  }
  for (const key of ["maxRetries", "baseDelayMs", "maxDelayMs", "maxTotalDelayMs"] as const) {
    if (!Number.isFinite(out[key]) || out[key] < 0) out[key] = DEFAULT_RETRY[key];
  }
  out.maxRetries = Math.floor(out.maxRetries);
  return out;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Methods that change nothing on the server (RFC 9110 §9.2.1): their outcome is never unknown. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** Delay the server asked for, in ms, from Retry-After / Beta-Retry-After / X-RateLimit-Reset. */
export function serverRetryDelayMs(
  headers: Readonly<Record<string, string>>,
  now: number,
): number | undefined {
  for (const name of ["retry-after", "beta-retry-after"]) {
    const value = headers[name]?.trim();
    if (value === undefined || value === "") continue;
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers["x-ratelimit-reset"]?.trim();
  if (reset !== undefined && reset !== "") {
    const date = Date.parse(reset);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return undefined;
}

/** Backoff for retry number `retry` (0-based) when the server gave no delay. */
export function backoffDelayMs(policy: ResolvedRetry, retry: number, random: () => number): number {
  if (!policy.exponentialBackoff) return policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): spreads clients
  // that failed together so they do not retry in lockstep.
  return Math.floor(random() * ceiling);
}

/** Network error codes that prove the request never left this machine, so any method may retry. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  // guarded-lookup.ts refused the resolved address: no socket was opened.
  REFUSED_ADDRESS_CODE,
  // The TLS handshake met a server speaking plain HTTP: no request byte was sent.
  ...NOT_TLS_CODES,
]);

export function networkErrorCode(error: unknown): string | undefined {
  const codes: string[] = [];
  collectCodes(error, codes, new Set());
  // Prefer a code proving the request was not sent (undici may wrap ECONNREFUSED in a cause
  // or, for hosts with several addresses, an AggregateError).
  return codes.find((code) => NOT_SENT_CODES.has(code)) ?? codes[0];
}

function collectCodes(error: unknown, codes: string[], seen: Set<unknown>): void {
  if (!(error instanceof Error) || seen.has(error)) return;
  seen.add(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") codes.push(code);
  if (error instanceof AggregateError) {
    for (const inner of error.errors) collectCodes(inner, codes, seen);
  }
  collectCodes(error.cause, codes, seen);
}

export function surelyNotSent(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code);
}

export type RetryReason =
  | "rate-limit"
  | "server-error"
  | "network"
  | "timeout"
  | "other-status"
  | "invalid-body";

/** Whether a response status is worth retrying; `undefined` means no. */
export function statusRetryReason(
  status: number,
  idempotent: boolean,
  hasServerDelay: boolean,
  policy: ResolvedRetry,
): RetryReason | undefined {
  if (status === 429) return "rate-limit";
  // 503 with Retry-After is Confluence shedding load: the request was not processed.
  if (status === 503 && hasServerDelay) return "rate-limit";
  if (status >= 500 && (idempotent || policy.retryOnAllErrors)) {
    return "server-error";
  }
  if (status >= 300 && policy.retryOnAllErrors) return "other-status";
  return undefined;
}

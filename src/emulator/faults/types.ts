// The JSON format of `POST /__emulator/faults` and `startEmulator({ faults })`. Documented in
// docs/emulator.md ("Fault injection"); parse-config.ts validates it.

/** Rate limiting per rule: at most `requests` per fixed `windowMs`, then 429 with Retry-After. */
export interface RateLimitFault {
  requests: number;
  windowMs: number;
  /** Seconds sent in `Retry-After` (default: until the window ends, rounded up). */
  retryAfter?: number;
  /**
   * From this fraction of the window's budget on, responses carry `X-RateLimit-NearLimit: true`
   * (Atlassian's early warning). Omit to never send it.
   */
  nearLimitAt?: number;
}

/** A share of requests answered with an error status instead of running the handler. */
export interface ErrorFault {
  rate: number;
  /** One status, or several picked at random (default 500). */
  status?: number | number[];
  /** Seconds sent in `Retry-After` with the error (e.g. 503 load shedding); omitted by default. */
  retryAfter?: number;
}

/** Extra delay before the handler runs, uniformly in [ms, ms + jitterMs]. */
export interface LatencyFault {
  ms: number;
  jitterMs?: number;
}

/**
 * A share of requests stalled for `ms`: "headers" waits before the handler runs (the handler
 * still runs afterwards, as a slow server would, even if the client gave up); "body" sends the
 * status, headers and half the body, then waits before sending the rest.
 */
export interface StallFault {
  rate: number;
  ms: number;
  phase?: "headers" | "body";
}

export interface RateFault {
  rate: number;
}

export interface FaultRule {
  /** Names the rule in listings; generated when absent. */
  id?: string;
  /** HTTP method(s) to match; "*" (default) matches all. */
  method?: string | string[];
  /**
   * Path pattern (query excluded): `*` matches within one segment, `**` any number of segments.
   * Default `/**`. Matched against the raw (still percent-encoded) path.
   */
  path?: string;
  rateLimit?: RateLimitFault;
  error?: ErrorFault;
  latency?: LatencyFault;
  stall?: StallFault;
  /** Connection reset before the handler runs: the request is not applied. */
  resetBefore?: RateFault;
  /** Connection reset after the handler ran: the write is applied, the answer is lost. */
  resetAfter?: RateFault;
  /** The handler ran; the response announces its full length but stops half way. */
  truncate?: RateFault;
  /** Apply to at most this many matching requests, then stay inert. */
  times?: number;
}

export interface FaultConfig {
  /** PRNG seed: the same seed and request order give the same faults. Default 1. */
  seed?: number;
  rules: FaultRule[];
}

/** Counters per rule, returned by `GET /__emulator/faults`. */
export interface FaultStats {
  matched: number;
  rateLimited: number;
  errors: number;
  stalls: number;
  resetsBefore: number;
  resetsAfter: number;
  truncated: number;
  nearLimit: number;
}

export const emptyStats = (): FaultStats => ({
  matched: 0,
  rateLimited: 0,
  errors: 0,
  stalls: 0,
  resetsBefore: 0,
  resetsAfter: 0,
  truncated: 0,
  nearLimit: 0,
});

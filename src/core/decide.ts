// The retry control flow of one request as a decision table: given how an attempt ended, what
// the earlier attempts used up, and the policy, decide whether to return, retry after N ms,
// give the auth provider its one chance to refresh, or give up with which error. No I/O: the
// loop in execute.ts performs the decision (sleeps, builds and redacts the error, emits events).
import {
  backoffDelayMs,
  type ResolvedRetry,
  type RetryReason,
  statusRetryReason,
  surelyNotSent,
} from "./retry.js";

/** How one attempt ended, reduced to what the decision needs. */
export type Outcome =
  /** The caller's (or the client's) signal aborted the attempt. */
  | { kind: "aborted" }
  /** The body grew past maxResponseBytes. */
  | { kind: "too-large" }
  /** A 2xx answer whose body was decoded. */
  | { kind: "ok" }
  /** A 2xx answer whose body was cut short or garbled. */
  | { kind: "broken-body" }
  /** Any other status; `serverDelayMs` from Retry-After / X-RateLimit-Reset. */
  | { kind: "status"; status: number; serverDelayMs: number | undefined }
  | { kind: "timeout" }
  | { kind: "network"; code: string | undefined };

/** What the earlier attempts of this request used up. */
export interface AttemptState {
  retries: number;
  totalDelayMs: number;
  /** The auth provider already had its one chance to refresh after 401/403/404. */
  authRefreshed: boolean;
  /**
   * An attempt was cut off (timeout, dropped connection, garbled answer, gateway 5xx) after it
   * may have reached Confluence: a later 404/409 may be that attempt's doing.
   */
  uncertain: boolean;
}

export interface DecisionPolicy {
  retry: ResolvedRetry;
  idempotent: boolean;
  /** The auth provider can react to an auth failure (refresh a token, re-resolve a site). */
  canRefreshAuth: boolean;
  /** Jitter source for the backoff; drawn only when a backoff delay is computed. */
  random: () => number;
}

export type Failure =
  | { error: "aborted" }
  | { error: "too-large" }
  | { error: "broken-body" }
  | {
      error: "api";
      status: number;
      retryAfterMs: number | undefined;
      afterUncertainAttempt: boolean;
    }
  | { error: "timeout" }
  | { error: "network"; code: string | undefined; notSent: boolean };

export type Decision =
  | { action: "return" }
  | { action: "refresh-auth" }
  /** `uncertain`: the failed attempt may have reached Confluence (sets AttemptState.uncertain). */
  | { action: "retry"; delayMs: number; reason: RetryReason; uncertain: boolean }
  | ({ action: "fail" } & Failure);

const AUTH_FAILURE_STATUSES = new Set([401, 403, 404]);

export const INITIAL_STATE: Readonly<AttemptState> = {
  retries: 0,
  totalDelayMs: 0,
  authRefreshed: false,
  uncertain: false,
};

/** The delay before the next retry, or undefined when the retry budget is spent. */
export function nextDelay(
  state: AttemptState,
  policy: DecisionPolicy,
  serverDelayMs: number | undefined,
): number | undefined {
  const { retry } = policy;
  if (state.retries >= retry.maxRetries) return undefined;
  const delay = serverDelayMs ?? backoffDelayMs(retry, state.retries, policy.random);
  if (delay > retry.maxDelayMs || state.totalDelayMs + delay > retry.maxTotalDelayMs) {
    return undefined;
  }
  return delay;
}

export function decide(outcome: Outcome, state: AttemptState, policy: DecisionPolicy): Decision {
  const { idempotent, retry } = policy;
  switch (outcome.kind) {
    case "ok":
      return { action: "return" };
    case "aborted":
      return { action: "fail", error: "aborted" };
    case "too-large":
      // Not retried: the same oversized answer would come again.
      return { action: "fail", error: "too-large" };
    case "broken-body": {
      // The answer was lost on the way (cut short, garbled): like a dropped connection, a
      // repeatable request is sent again; a write may have happened and is not repeated.
      const delay =
        idempotent || retry.retryOnAllErrors ? nextDelay(state, policy, undefined) : undefined;
      if (delay === undefined) return { action: "fail", error: "broken-body" };
      return { action: "retry", delayMs: delay, reason: "invalid-body", uncertain: true };
    }
    case "status": {
      const { status, serverDelayMs } = outcome;
      if (AUTH_FAILURE_STATUSES.has(status) && !state.authRefreshed && policy.canRefreshAuth) {
        return { action: "refresh-auth" };
      }
      const reason = statusRetryReason(status, idempotent, serverDelayMs !== undefined, retry);
      const delay = reason === undefined ? undefined : nextDelay(state, policy, serverDelayMs);
      if (reason !== undefined && delay !== undefined) {
        // 429 and 503 are load shedding (nothing applied); other 5xx may come from a gateway
        // after Confluence did the work.
        const uncertain = status >= 500 && status !== 503;
        return { action: "retry", delayMs: delay, reason, uncertain };
      }
      return {
        action: "fail",
        error: "api",
        status,
        retryAfterMs: serverDelayMs,
        afterUncertainAttempt: state.uncertain,
      };
    }
    case "timeout":
    case "network": {
      // The request may or may not have reached Confluence, unless the error code proves it
      // never left this machine.
      const code = outcome.kind === "network" ? outcome.code : undefined;
      const notSent = surelyNotSent(code);
      const repeatable = notSent || idempotent || retry.retryOnAllErrors;
      const delay = repeatable ? nextDelay(state, policy, undefined) : undefined;
      if (delay !== undefined) {
        return { action: "retry", delayMs: delay, reason: outcome.kind, uncertain: !notSent };
      }
      if (outcome.kind === "timeout") return { action: "fail", error: "timeout" };
      return { action: "fail", error: "network", code, notSent };
    }
  }
}

/** The state after performing a retry decision. */
export function afterRetry(
  state: AttemptState,
  decision: Extract<Decision, { action: "retry" }>,
): AttemptState {
  return {
    ...state,
    retries: state.retries + 1,
    totalDelayMs: state.totalDelayMs + decision.delayMs,
    uncertain: state.uncertain || decision.uncertain,
  };
}

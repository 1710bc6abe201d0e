// The token endpoint's retry control flow, in the same decision shape as the client's
// (decide.ts): given how one POST /oauth/token ended and which try it was, return, retry after
// N ms, or give up with which error. Its own policy, not the client's retry options: a token
// request is retried only when nothing was exchanged (429/5xx, or a connection that failed
// before sending), on fixed short steps, and never waits long inside a request.

export interface TokenRetryPolicy {
  /** Waits between tries; their count + 1 is the number of tries. */
  delaysMs: readonly number[];
  /** A longer Retry-After is not waited for: the error reports it instead. */
  maxServerDelayMs: number;
}

/** Waits between tries after a 429/5xx or an unsent request: 3 tries in all, ~1.25 s at most. */
export const TOKEN_RETRY_POLICY: TokenRetryPolicy = {
  delaysMs: [250, 1000],
  maxServerDelayMs: 5000,
};

export type TokenOutcome =
  | { kind: "not-sent" }
  | { kind: "status"; status: number; serverDelayMs: number | undefined };

export type TokenDecision =
  | { action: "return" }
  | { action: "retry"; delayMs: number }
  /** unreachable: never sent; unavailable: 429/5xx on every try; refused: any other answer. */
  | { action: "fail"; error: "unreachable" | "unavailable" | "refused" };

const isTransientStatus = (status: number) => status === 429 || status >= 500;

/** `attempt` counts from 1. */
export function decideToken(
  outcome: TokenOutcome,
  attempt: number,
  policy: TokenRetryPolicy,
): TokenDecision {
  if (outcome.kind === "status" && outcome.status >= 200 && outcome.status < 300) {
    return { action: "return" };
  }
  const transient = outcome.kind === "not-sent" || isTransientStatus(outcome.status);
  const asked = outcome.kind === "not-sent" ? undefined : outcome.serverDelayMs;
  const delay = policy.delaysMs[attempt - 1];
  if (transient && delay !== undefined && (asked ?? 0) <= policy.maxServerDelayMs) {
    return { action: "retry", delayMs: Math.max(delay, asked ?? 0) };
  }
  if (outcome.kind === "not-sent") return { action: "fail", error: "unreachable" };
  return { action: "fail", error: transient ? "unavailable" : "refused" };
}

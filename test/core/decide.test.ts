// The retry decision table, tested directly: no server, no clock, no sleeping.
import { describe, expect, it } from "vitest";
import {
  type AttemptState,
  afterRetry,
  type Decision,
  type DecisionPolicy,
  decide,
  INITIAL_STATE,
  type Outcome,
} from "../../src/core/decide.js";
import { DEFAULT_RETRY, type ResolvedRetry } from "../../src/core/retry.js";

const RETRY: ResolvedRetry = { ...DEFAULT_RETRY, baseDelayMs: 100 };

function policy(overrides: Partial<DecisionPolicy> = {}): DecisionPolicy {
  // random() = 0.5: the backoff of retry n is half of 100·2^n.
  return { retry: RETRY, idempotent: true, canRefreshAuth: false, random: () => 0.5, ...overrides };
}

const status = (code: number, serverDelayMs?: number): Outcome => ({
  kind: "status",
  status: code,
  serverDelayMs,
});
const spent: AttemptState = { ...INITIAL_STATE, retries: RETRY.maxRetries };
const uncertain: AttemptState = { ...INITIAL_STATE, uncertain: true };
const GET = policy();
const POST = policy({ idempotent: false });
const POST_RETRY_ALL = policy({ idempotent: false, retry: { ...RETRY, retryOnAllErrors: true } });
const REFRESHABLE = policy({ canRefreshAuth: true });

const retry = (delayMs: number, reason: string, isUncertain: boolean): Decision =>
  ({ action: "retry", delayMs, reason, uncertain: isUncertain }) as Decision;
const api = (code: number, retryAfterMs?: number, afterUncertainAttempt = false): Decision => ({
  action: "fail",
  error: "api",
  status: code,
  retryAfterMs,
  afterUncertainAttempt,
});

const cases: [string, Outcome, AttemptState, DecisionPolicy, Decision][] = [
  ["2xx returns", { kind: "ok" }, INITIAL_STATE, GET, { action: "return" }],
  ["abort gives up", { kind: "aborted" }, INITIAL_STATE, GET, { action: "fail", error: "aborted" }],
  [
    "too large is never retried",
    { kind: "too-large" },
    INITIAL_STATE,
    POST_RETRY_ALL,
    { action: "fail", error: "too-large" },
  ],
  [
    "broken body of a GET is retried, marked uncertain",
    { kind: "broken-body" },
    INITIAL_STATE,
    GET,
    retry(50, "invalid-body", true),
  ],
  [
    "broken body of a POST is not repeated",
    { kind: "broken-body" },
    INITIAL_STATE,
    POST,
    { action: "fail", error: "broken-body" },
  ],
  [
    "broken body of a POST with retryOnAllErrors is repeated",
    { kind: "broken-body" },
    INITIAL_STATE,
    POST_RETRY_ALL,
    retry(50, "invalid-body", true),
  ],
  [
    "429 waits for the server's delay",
    status(429, 2000),
    INITIAL_STATE,
    POST,
    retry(2000, "rate-limit", false),
  ],
  [
    "429 without a delay backs off",
    status(429),
    { ...INITIAL_STATE, retries: 2 },
    POST,
    retry(200, "rate-limit", false),
  ],
  [
    "503 with Retry-After is load shedding, not uncertain",
    status(503, 10),
    INITIAL_STATE,
    POST,
    retry(10, "rate-limit", false),
  ],
  ["503 without Retry-After on a POST gives up", status(503), INITIAL_STATE, POST, api(503)],
  [
    "502 on a GET is retried and marked uncertain",
    status(502),
    INITIAL_STATE,
    GET,
    retry(50, "server-error", true),
  ],
  ["500 on a POST gives up", status(500), INITIAL_STATE, POST, api(500)],
  ["404 gives up, no retry", status(404), INITIAL_STATE, GET, api(404)],
  [
    "404 after an uncertain attempt says so",
    status(404),
    uncertain,
    GET,
    api(404, undefined, true),
  ],
  [
    "400 with retryOnAllErrors is retried",
    status(400),
    INITIAL_STATE,
    POST_RETRY_ALL,
    retry(50, "other-status", false),
  ],
  [
    "429 with the retries spent gives up, keeping the delay",
    status(429, 2000),
    spent,
    GET,
    api(429, 2000),
  ],
  [
    "a server delay over maxDelayMs gives up",
    status(429, 31_000),
    INITIAL_STATE,
    GET,
    api(429, 31_000),
  ],
  [
    "a delay over the total budget gives up",
    status(429, 1000),
    { ...INITIAL_STATE, retries: 1, totalDelayMs: 59_500 },
    GET,
    api(429, 1000),
  ],
  [
    "401 with a refreshable provider asks for a refresh",
    status(401),
    INITIAL_STATE,
    REFRESHABLE,
    { action: "refresh-auth" },
  ],
  [
    "403 with a refreshable provider asks for a refresh",
    status(403),
    INITIAL_STATE,
    REFRESHABLE,
    { action: "refresh-auth" },
  ],
  [
    "404 with a refreshable provider asks for a refresh",
    status(404),
    INITIAL_STATE,
    REFRESHABLE,
    { action: "refresh-auth" },
  ],
  [
    "401 refreshes only once",
    status(401),
    { ...INITIAL_STATE, authRefreshed: true },
    REFRESHABLE,
    api(401),
  ],
  ["401 without a refreshable provider gives up", status(401), INITIAL_STATE, GET, api(401)],
  [
    "timeout of a GET is retried, uncertain",
    { kind: "timeout" },
    INITIAL_STATE,
    GET,
    retry(50, "timeout", true),
  ],
  [
    "timeout of a POST gives up",
    { kind: "timeout" },
    INITIAL_STATE,
    POST,
    { action: "fail", error: "timeout" },
  ],
  [
    "timeout with the retries spent gives up",
    { kind: "timeout" },
    spent,
    GET,
    { action: "fail", error: "timeout" },
  ],
  [
    "a refused connection is retried even for a POST, and is certain",
    { kind: "network", code: "ECONNREFUSED" },
    INITIAL_STATE,
    POST,
    retry(50, "network", false),
  ],
  [
    "a reset connection of a POST gives up as possibly sent",
    { kind: "network", code: "ECONNRESET" },
    INITIAL_STATE,
    POST,
    { action: "fail", error: "network", code: "ECONNRESET", notSent: false },
  ],
  [
    "a reset connection of a GET is retried, uncertain",
    { kind: "network", code: "ECONNRESET" },
    INITIAL_STATE,
    GET,
    retry(50, "network", true),
  ],
  [
    "a refused connection with the retries spent gives up as not sent",
    { kind: "network", code: "ECONNREFUSED" },
    spent,
    POST,
    { action: "fail", error: "network", code: "ECONNREFUSED", notSent: true },
  ],
];

describe("decide", () => {
  it.each(cases)("%s", (_name, outcome, state, given, expected) => {
    expect(decide(outcome, state, given)).toEqual(expected);
  });

  it("backs off without jitter when exponentialBackoff is off", () => {
    const fixed = policy({ retry: { ...RETRY, exponentialBackoff: false } });
    expect(decide({ kind: "timeout" }, { ...INITIAL_STATE, retries: 3 }, fixed)).toEqual(
      retry(100, "timeout", true),
    );
  });

  it("draws jitter only when it computes a backoff", () => {
    let draws = 0;
    const counting = policy({
      random: () => {
        draws++;
        return 0.5;
      },
    });
    decide(status(429, 1000), INITIAL_STATE, counting);
    decide(status(404), INITIAL_STATE, counting);
    decide({ kind: "timeout" }, spent, counting);
    expect(draws).toBe(0);
    decide({ kind: "timeout" }, INITIAL_STATE, counting);
    expect(draws).toBe(1);
  });

  it("afterRetry counts the retry, adds the delay and keeps uncertainty once set", () => {
    const first = afterRetry(INITIAL_STATE, {
      action: "retry",
      delayMs: 50,
      reason: "timeout",
      uncertain: true,
    });
    const second = afterRetry(first, {
      action: "retry",
      delayMs: 70,
      reason: "rate-limit",
      uncertain: false,
    });
    expect(second).toEqual({
      retries: 2,
      totalDelayMs: 120,
      authRefreshed: false,
      uncertain: true,
    });
  });
});

// The token endpoint's retry decision, tested directly as a table (no server, no waiting).
import { describe, expect, it } from "vitest";
import {
  decideToken,
  TOKEN_RETRY_POLICY,
  type TokenDecision,
  type TokenOutcome,
} from "../../src/core/oauth/token-retry.js";

const status = (code: number, serverDelayMs?: number): TokenOutcome => ({
  kind: "status",
  status: code,
  serverDelayMs,
});

const cases: [string, TokenOutcome, number, TokenDecision][] = [
  ["200 returns", status(200), 1, { action: "return" }],
  ["400 is refused at once", status(400), 1, { action: "fail", error: "refused" }],
  ["401 is refused at once", status(401), 1, { action: "fail", error: "refused" }],
  ["429 is retried after the first step", status(429), 1, { action: "retry", delayMs: 250 }],
  ["503 is retried after the second step", status(503), 2, { action: "retry", delayMs: 1000 }],
  ["500 on the last try is unavailable", status(500), 3, { action: "fail", error: "unavailable" }],
  [
    "a Retry-After longer than the step is waited",
    status(429, 3000),
    1,
    { action: "retry", delayMs: 3000 },
  ],
  [
    "a Retry-After over 5 s is not waited",
    status(429, 6000),
    1,
    { action: "fail", error: "unavailable" },
  ],
  ["an unsent request is retried", { kind: "not-sent" }, 1, { action: "retry", delayMs: 250 }],
  [
    "an unsent last try is unreachable",
    { kind: "not-sent" },
    3,
    { action: "fail", error: "unreachable" },
  ],
];

describe("decideToken", () => {
  it.each(cases)("%s", (_name, outcome, attempt, expected) => {
    expect(decideToken(outcome, attempt, TOKEN_RETRY_POLICY)).toEqual(expected);
  });
});

// Secrets sweep: every action runs with Debug Request on, on a healthy emulator and on one that
// fails (5xx, resets, truncated bodies); nothing the connector logs or throws may contain the
// API token, the base64 `email:token` pair or the Authorization header value.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, runAction } from "../../src/catalog/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { inputsFor } from "../fuzz/arbitraries.js";
import { EMULATOR_RUNTIME } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { setFaults, startFaultyEmulator } from "./support.js";

// The sweep runs the actions under EMULATOR_RUNTIME: every retry still happens, with its
// debug lines and errors, but with a zero backoff instead of the default 500 ms doubling waits.

const EMAIL = "sweeper@example.com";
const TOKEN = "ATATT3xFfGF0-sweep-s3cr3t-T0ken-0123456789abcdef";
const PAIR = Buffer.from(`${EMAIL}:${TOKEN}`).toString("base64");
const SECRETS = [TOKEN, PAIR, `Basic ${PAIR}`, encodeURIComponent(TOKEN)];

const users = [{ email: EMAIL, apiToken: TOKEN }];
// Fuzzed inputs send requests outside Atlassian's spec on purpose; the healthy emulator's answers
// are still checked. The failing one answers with bodiless errors and truncated bodies by design.
let healthyEmulator: RunningEmulator;
let failingEmulator: RunningEmulator;
beforeAll(async () => {
  healthyEmulator = await startTestEmulator({ users, conformance: "responses-only" });
  failingEmulator = await startFaultyEmulator({ users });
  await setFaults(failingEmulator, {
    seed: 3,
    rules: [
      {
        path: "/**",
        error: { rate: 0.3, status: [400, 401, 403, 404, 500, 503], retryAfter: 0 },
        resetAfter: { rate: 0.15 },
        truncate: { rate: 0.15 },
      },
    ],
  });
});
afterAll(async () => {
  await healthyEmulator?.close();
  await failingEmulator?.close();
});

/** Everything an error exposes: message, stack, enumerable fields, and its causes. */
function errorText(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 5) return String(error);
  let enumerable = "";
  try {
    enumerable = JSON.stringify(error);
  } catch {
    enumerable = Object.keys(error).join(",");
  }
  return [error.message, error.stack, enumerable, errorText(error.cause, depth + 1)].join("\n");
}

async function sweep(
  emulator: RunningEmulator,
  runsPerAction: number,
): Promise<{ text: string; redacted: number }> {
  const connection = {
    key: "basic",
    fields: { host: emulator.url, email: EMAIL, apiToken: TOKEN },
  };
  const lines: string[] = [];
  const logger = {
    info: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(m),
    error: (m: string) => lines.push(m),
    debug: (m: string) => lines.push(m),
  };
  for (const action of Object.values(actions)) {
    const samples = fc.sample(inputsFor(action.inputs, connection), {
      seed: 99,
      numRuns: runsPerAction,
    });
    for (const sample of samples) {
      try {
        await runAction(
          action,
          { ...sample, debugRequest: "true", timeout: undefined },
          logger,
          EMULATOR_RUNTIME,
        );
      } catch (error) {
        lines.push(errorText(error));
      }
    }
  }
  const text = lines.join("\n");
  return { text, redacted: text.split("[REDACTED]").length - 1 };
}

describe("secrets in debug output and errors", () => {
  it("never appear, whether Confluence answers or fails", async () => {
    const healthy = await sweep(healthyEmulator, 4);
    const failing = await sweep(failingEmulator, 4);
    for (const { text } of [healthy, failing]) {
      for (const secret of SECRETS) expect(text.includes(secret), secret).toBe(false);
    }
    // The sweep really logged requests: their Authorization headers show up redacted.
    expect(healthy.redacted).toBeGreaterThan(20);
    expect(failing.redacted).toBeGreaterThan(20);
    // ...and the faults really produced failures past validation.
    expect(failing.text).toMatch(/"name":"Confluence(Api|Network|OutcomeUnknown)Error"/);
  });
});

describe("Raw Request URL errors", () => {
  // A URL pasted from a browser or another tool may carry a token in its query, userinfo or
  // fragment; the InputError that refuses it quotes the URL with those hidden.
  const token = "ya29.query-s3cr3t-token";
  it.each([
    `/wiki/api/v2/pages?access_token=${token}#x`,
    `/wiki/api/v2/pages x?access_token=${token}`,
    `/wiki/%2e%2e/admin?access_token=${token}`,
    `/wiki/api/v2/pages#access_token=${token}`,
    `https://evil.example.com/wiki?access_token=${token}`,
    `https://user:${token}@evil.example.com/wiki`,
    `wiki/api?access_token=${token}`,
    `/wiki/"x"?access_token=${token}`,
  ])("%s is refused, naming the URL input, without the secret", async (url) => {
    const connection = {
      key: "basic",
      fields: { host: healthyEmulator.url, email: EMAIL, apiToken: TOKEN },
    };
    const silent = { info() {}, warn() {}, error() {} };
    const error = await runAction(
      actions.rawRequest!,
      { connection, url, method: "GET" },
      silent,
      EMULATOR_RUNTIME,
    )
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InputError", label: "URL" });
    expect(errorText(error)).not.toContain(token);
  });
});

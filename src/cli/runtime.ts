// The CLI's runtime (src/catalog/runtime.ts), built once per command from the environment: the
// runner's settings (CONFLUENCE_ALLOW_LOOPBACK_HTTP, CONFLUENCE_ATLASSIAN_API_URL) and, for
// tests only, CONFLUENCE_TEST_RETRY_DELAY_MS: the retry backoff (base and cap, in ms) instead of
// the client's 500 ms doubling, so a test of a failing network need not wait seconds for the
// retries it does not look at. Retries still happen, as many as usual. Loaded with the runner,
// not at start-up.
import { environmentFrom } from "../catalog/environment.js";
import { type ConnectorRuntime, createRuntime } from "../catalog/runtime.js";
import type { RetryOptions } from "../core/retry.js";
import type { Env } from "./connection.js";

export const TEST_RETRY_DELAY_ENV = "CONFLUENCE_TEST_RETRY_DELAY_MS";

function retryFrom(env: Env): RetryOptions | undefined {
  const text = env[TEST_RETRY_DELAY_ENV]?.trim();
  if (text === undefined || text === "") return undefined;
  const ms = Number(text);
  // A test-only knob: a bad value is ignored rather than turned into a usage error.
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return { baseDelayMs: ms, maxDelayMs: ms };
}

export function runtimeFrom(env: Env): ConnectorRuntime {
  return createRuntime(environmentFrom(env), { retry: retryFrom(env) });
}

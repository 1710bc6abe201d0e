// Running catalog actions directly (no platform adapter) against a test emulator: the Basic
// connection value the platform would hand over, a logger that drops everything, and one call.
import {
  type ActionLogger,
  actions,
  type ConnectorEnvironment,
  type ConnectorRuntime,
  createRuntime,
  type RuntimeOptions,
  runAction,
} from "../../src/catalog/index.js";
import type { RetryOptions } from "../../src/core/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";

/** The runner's settings tests run under: the emulator lives on loopback (plain http). */
export const EMULATOR_ENVIRONMENT: ConnectorEnvironment = {
  allowLoopbackHttp: true,
  atlassianBaseUrl: undefined,
};

/**
 * Retries happen as the client makes them but without the waits (tests assert what is retried
 * and what the caller sees, not how long the default 500 ms doubling backoff takes).
 */
export const ZERO_BACKOFF: RetryOptions = { baseDelayMs: 0, maxDelayMs: 0 };

/** A runtime of its own (own client and site caches) for the emulator, with zero backoff. */
export function emulatorRuntime(options: RuntimeOptions = {}): ConnectorRuntime {
  return createRuntime(EMULATOR_ENVIRONMENT, { retry: ZERO_BACKOFF, ...options });
}

/** The runtime tests share when they do not look at its caches. */
export const EMULATOR_RUNTIME: ConnectorRuntime = emulatorRuntime();

export const SILENT_LOGGER: ActionLogger = { info() {}, warn() {}, error() {}, debug() {} };

/** The Basic connection of the emulator's default user; fields may be overridden. */
export function basicConnection(
  emulator: RunningEmulator,
  fields: { email?: string; apiToken?: string } = {},
) {
  return { key: "basic", fields: { host: emulator.url, ...emulator.credentials, ...fields } };
}

/** Runs the catalog action `key` with the default Basic connection (overridable in `inputs`). */
export function runCatalogAction(
  emulator: RunningEmulator,
  key: string,
  inputs: Record<string, unknown>,
  logger: ActionLogger = SILENT_LOGGER,
) {
  const action = actions[key];
  if (action === undefined) throw new Error(`no catalog action ${key}`);
  return runAction(
    action,
    { connection: basicConnection(emulator), ...inputs },
    logger,
    EMULATOR_RUNTIME,
  );
}

// Shared helpers of the reliability suites: an emulator with faults, the admin calls that set
// them, and a core client whose waits are recorded instead of slept.
import { request } from "undici";
import {
  basicAuth,
  type ClientOptions,
  type ConfluenceClient,
  createConfluenceClient,
} from "../../src/core/index.js";
import type { FaultConfig, RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator, type TestEmulatorOptions } from "../support/emulator.js";

/**
 * For suites whose faults answer outside Atlassian's spec by design: injected errors come with
 * empty bodies (the spec declares JSON ones), truncated bodies are not JSON, and random statuses
 * (500, 403...) are undeclared by many operations. The exceptions list cannot honestly declare
 * those, so such suites run without the conformance monitor (test/conformance covers the
 * emulator's real answers). Suites whose faults only drop connections use startTestEmulator.
 */
export function startFaultyEmulator(options: TestEmulatorOptions = {}): Promise<RunningEmulator> {
  return startTestEmulator({ conformance: "off", ...options });
}

export async function adminCall(
  emulator: RunningEmulator,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<{ status: number; data: unknown }> {
  const response = await request(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, data: text === "" ? undefined : JSON.parse(text) };
}

export async function setFaults(emulator: RunningEmulator, config: FaultConfig): Promise<void> {
  const { status, data } = await adminCall(emulator, "POST", "/__emulator/faults", config);
  if (status !== 200) throw new Error(`setting faults failed: ${status} ${JSON.stringify(data)}`);
}

export async function clearFaults(emulator: RunningEmulator): Promise<void> {
  await adminCall(emulator, "DELETE", "/__emulator/faults");
}

export interface RecordingClient {
  client: ConfluenceClient;
  /** Every retry wait the client asked for, in order (nothing is actually slept). */
  sleeps: number[];
}

/** A Basic-auth client for the emulator whose retry waits return at once. */
export function fastClient(
  emulator: RunningEmulator,
  options: Partial<ClientOptions> = {},
): RecordingClient {
  const sleeps: number[] = [];
  const client = createConfluenceClient({
    host: emulator.url,
    auth: basicAuth(emulator.credentials),
    allowLoopbackHttp: true,
    clock: {
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        if (signal.aborted) throw signal.reason;
      },
    },
    ...options,
  });
  return { client, sleeps };
}

/** Reads through a clean client (faults must be cleared first). */
export function auditClient(emulator: RunningEmulator): ConfluenceClient {
  return createConfluenceClient({
    host: emulator.url,
    auth: basicAuth(emulator.credentials),
    allowLoopbackHttp: true,
  });
}

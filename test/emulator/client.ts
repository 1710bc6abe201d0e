// A tiny fetch wrapper for the emulator suites (real HTTP on loopback), and the per-suite
// emulator they call.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator, type TestEmulatorOptions } from "../support/emulator.js";

export const AUTH = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON bodies
  body: any;
}

export function client(baseUrl: string) {
  return async (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Reply> => {
    const response = await fetch(baseUrl + path, {
      method: init.method ?? "GET",
      headers: {
        authorization: AUTH,
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === "string"
            ? init.body
            : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body };
  };
}

export type Call = ReturnType<typeof client>;

export interface SuiteEmulator {
  /** Calls the suite's emulator; only usable inside tests (after beforeAll). */
  call: Call;
  /** The running emulator; only usable inside tests (after beforeAll). */
  readonly emulator: RunningEmulator;
}

/**
 * One emulator for the calling suite, registered with vitest hooks: started before all tests,
 * reset to its seed before each (so no test sees another's writes), closed after all (which also
 * fails on conformance violations, see test/support/emulator.ts).
 */
export function useResettingEmulator(options: TestEmulatorOptions = {}): SuiteEmulator {
  let running: RunningEmulator | undefined;
  const started = (): RunningEmulator => {
    if (!running) throw new Error("the suite emulator is used before beforeAll started it");
    return running;
  };
  beforeAll(async () => {
    running = await startTestEmulator(options);
  });
  beforeEach(() => started().reset());
  afterAll(() => running?.close());
  return {
    call: (path, init) => client(started().url)(path, init),
    get emulator() {
      return started();
    },
  };
}

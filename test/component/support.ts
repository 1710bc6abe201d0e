// Shared setup of the component suites: the emulator (demo data), spectral's harness around
// the component built from the catalog, a Basic connection, and the emulator's request log.
import { testing } from "@prismatic-io/spectral";
import { afterAll, beforeAll, beforeEach } from "vitest";
import component from "../../src/component/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { type LoggedRequest, lastSeq, requestsSince } from "../support/emulator-requests.js";

export type { LoggedRequest } from "../support/emulator-requests.js";

export interface Lines {
  info: string[];
  warn: string[];
  error: string[];
}

export function useComponent() {
  const state = {
    url: "",
    close: async () => {},
    harness: testing.createHarness(component),
    seq: 0,
  };

  beforeAll(async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    state.url = emulator.url;
    state.close = emulator.close;
  });
  afterAll(async () => {
    await state.close();
  });
  beforeEach(async () => {
    state.seq = await lastSeq(state.url);
  });

  const connection = () => ({
    key: "basic",
    configVarKey: "",
    fields: { email: "demo@example.com", apiToken: "demo-token", host: state.url },
  });

  /** Requests the emulator received since the current test started. */
  const received = (): Promise<LoggedRequest[]> => requestsSince(state.url, state.seq);

  /** Run an action with the Basic connection; returns its `data` and the log lines. */
  async function run(key: string, params: Record<string, unknown> = {}) {
    const lines: Lines = { info: [], warn: [], error: [] };
    const logger = {
      info: (m: string) => lines.info.push(m),
      warn: (m: string) => lines.warn.push(m),
      error: (m: string) => lines.error.push(m),
      debug: (m: string) => lines.info.push(m),
    };
    const result = await state.harness.action(key, { connection: connection(), ...params }, {
      logger,
    } as never);
    return { data: (result as { data: unknown }).data, result, lines };
  }

  return { state, run, received, connection };
}

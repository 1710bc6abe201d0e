// The one place tests start the emulator. Every suite goes through here so that the
// conformance checks can observe every exchange the connector makes: each request and response
// is validated against Atlassian's OpenAPI documents (test/conformance), a violation fails the
// running test (conformance-hooks.ts) or, at the latest, close().
import {
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../../src/emulator/index.js";
import {
  assertNoViolations,
  type ConformanceMode,
  createExchangeMonitor,
} from "./conformance-monitor.js";

export type { ConformanceMode } from "./conformance-monitor.js";
export { allowInvalidRequestsInThisTest } from "./conformance-monitor.js";

export interface TestEmulatorOptions extends EmulatorOptions {
  /** How exchanges are checked against the OpenAPI specs (default "strict"). */
  conformance?: ConformanceMode;
}

/**
 * `CONFLUENCE_CONFORMANCE=strict|responses-only` overrides every suite's choice, to audit what
 * relaxed suites would report.
 */
function auditMode(): ConformanceMode | undefined {
  const value = process.env.CONFLUENCE_CONFORMANCE;
  return value === "strict" || value === "responses-only" || value === "off" ? value : undefined;
}

export async function startTestEmulator(
  options: TestEmulatorOptions = {},
): Promise<RunningEmulator> {
  const { conformance = "strict", onExchange, ...emulatorOptions } = options;
  const monitor = await createExchangeMonitor(auditMode() ?? conformance);
  const emulator = await startEmulator({
    port: 0,
    ...emulatorOptions,
    onExchange: (exchange) => {
      monitor?.(exchange);
      onExchange?.(exchange);
    },
  });
  return {
    ...emulator,
    close: async () => {
      await emulator.close();
      await assertNoViolations();
    },
  };
}

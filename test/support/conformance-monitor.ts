// Per-process conformance state for startTestEmulator(): every exchange the emulator reports is
// validated against Atlassian's OpenAPI documents; violations wait here until the running test
// ends (conformance-hooks.ts fails it) or the emulator is closed, and coverage goes to the file
// the global setup asked for.
import { inject } from "vitest";
import { appendCoverage, coverageRecord } from "../conformance/coverage.js";
import { COVERAGE_DIR_KEY } from "../conformance/provided-context.js";
import { createExchangeValidator, type Exchange } from "../conformance/validator.js";
import { formatViolations, type Violation } from "../conformance/violation.js";

/**
 * - "strict" (default): the connector's requests and the emulator's responses are checked.
 * - "responses-only": for tests that send malformed requests on purpose (e.g. the emulator's own
 *   400 tests); the emulator's answers are still checked.
 * - "off": nothing is checked (prefer the others; the coverage report counts these suites out).
 */
export type ConformanceMode = "strict" | "responses-only" | "off";

const pending: Violation[] = [];
let requestsRelaxedForThisTest = false;

/**
 * For a test that sends malformed requests on purpose (to see the emulator's 400s): request
 * checks are off until the test ends; the emulator's responses are still checked.
 */
export function allowInvalidRequestsInThisTest(): void {
  requestsRelaxedForThisTest = true;
}

export async function createExchangeMonitor(
  mode: ConformanceMode,
): Promise<((exchange: Exchange) => void) | undefined> {
  if (mode === "off") return undefined;
  const validator = await createExchangeValidator();
  const coverageDir = providedCoverageDir();
  return (exchange) => {
    try {
      const effective = requestsRelaxedForThisTest ? "responses-only" : mode;
      const check = validator.check(exchange, { request: effective === "strict" });
      pending.push(...check.violations);
      if (coverageDir) appendCoverage(coverageDir, coverageRecord(check, effective));
    } catch (error) {
      // A validator bug must not crash the emulator, and must not pass silently either.
      pending.push({
        side: "response",
        method: exchange.method,
        url: exchange.url,
        field: "(validator)",
        message: `the conformance validator threw: ${error instanceof Error ? error.stack : String(error)}`,
      });
    }
  };
}

function providedCoverageDir(): string | undefined {
  try {
    return inject(COVERAGE_DIR_KEY);
  } catch {
    return undefined; // run without the conformance global setup
  }
}

/** Waits for exchanges whose responses were sent but not yet reported, then takes the violations. */
export async function drainViolations(): Promise<Violation[]> {
  // The emulator reports an exchange after the response is written, so the client may have
  // resolved first; a couple of macrotask turns let those reports land.
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
  return pending.splice(0, pending.length);
}

export async function assertNoViolations(): Promise<void> {
  const violations = await drainViolations();
  requestsRelaxedForThisTest = false;
  if (violations.length > 0) throw new ConformanceError(violations);
}

export class ConformanceError extends Error {
  constructor(readonly violations: readonly Violation[]) {
    super(formatViolations(violations));
    this.name = "ConformanceError";
  }
}

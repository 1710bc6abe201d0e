// Property-based fuzzing of every catalog action against the emulator: random and adversarial
// inputs must end in a valid request or a clear validation error — an InputError naming one of
// the action's inputs, raised before anything was sent — never a crash (TypeError, RangeError,
// ...), and every path the emulator receives must be properly percent-encoded, segment by
// segment. Fixed seed; FUZZ_RUNS runs per action (default 40; `npm run fuzz` runs many more).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, InputError, runAction } from "../../src/catalog/index.js";
import {
  ConfluenceAbortError,
  ConfluenceError,
  ConfluenceNetworkError,
  ConfluenceTimeoutError,
  ConfluenceValidationError,
} from "../../src/core/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { documentedActionLabels } from "../catalog/spec-tables.js";
import { basicConnection, EMULATOR_RUNTIME, SILENT_LOGGER } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { type LoggedRequest, lastSeq, requestsSince } from "../support/emulator-requests.js";
import { inputsFor } from "./arbitraries.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 424242);

let emulator: RunningEmulator;

beforeAll(async () => {
  // Fuzzed Raw Requests and Query Parameters are not meant to conform to Atlassian's spec; the
  // emulator's answers to them still must.
  emulator = await startTestEmulator({ conformance: "responses-only" });
  checkedUpTo = await lastSeq(emulator.url);
});
afterAll(async () => {
  await emulator.close();
});

/** Sequence number of the last request already checked (the emulator's request log). */
let checkedUpTo = 0;

/**
 * What the emulator received since the last check, from its request log. The emulator runs in
 * this process and logs a request as soon as its response is finished, so a completed exchange
 * is always logged by the time the action returns. A request the client gave up on (timeout,
 * abort) may still be running then: after such an outcome, poll until the log stops growing.
 */
async function receivedSinceLastCheck(settle: boolean): Promise<LoggedRequest[]> {
  let requests = await requestsSince(emulator.url, checkedUpTo);
  for (let attempt = 0; settle && attempt < 50; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const again = await requestsSince(emulator.url, checkedUpTo);
    if (again.length === requests.length) break;
    requests = again;
  }
  checkedUpTo = requests.at(-1)?.seq ?? checkedUpTo;
  return requests;
}

// RFC 3986 `pchar`: unreserved / pct-encoded / sub-delims / ":" / "@".
const PCHAR_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;

/** A segment the client encoded itself must be exactly encodeURIComponent of its value. */
function roundTrips(segment: string): boolean {
  try {
    return encodeURIComponent(decodeURIComponent(segment)) === segment;
  } catch {
    return false;
  }
}

describe("fuzzing every action", () => {
  const all = Object.values(actions);
  it("covers every action of the reference page", () => {
    const documented = documentedActionLabels();
    expect(all.map((action) => action.label).sort()).toEqual(documented.sort());
  });

  it.each(all.map((action) => [action.key, action] as const))("%s", async (_key, action) => {
    const connection = basicConnection(emulator);
    const labels = new Set([
      ...Object.values(action.inputs).map((input) => input.label),
      "Connection",
      action.label,
    ]);
    const outcomes = new Map<string, number>();
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(inputsFor(action.inputs, connection), async (raw) => {
        let outcome = "ok";
        let error: unknown;
        try {
          await runAction(action, raw, SILENT_LOGGER, EMULATOR_RUNTIME);
        } catch (caught) {
          error = caught;
        }
        const gaveUp =
          error instanceof ConfluenceTimeoutError ||
          error instanceof ConfluenceAbortError ||
          error instanceof ConfluenceNetworkError;
        const received = await receivedSinceLastCheck(gaveUp);
        if (error instanceof InputError) {
          if (process.env.FUZZ_VERBOSE) console.info(action.key, error.message.slice(0, 120));
          expect(labels, `unknown input label in: ${error.message}`).toContain(error.label);
          expect(received, `sent despite: ${error.message}`).toEqual([]);
          outcome = "invalid input";
        } else if (error instanceof ConfluenceValidationError) {
          // A rejected input must say which one: only InputError does.
          throw new Error(`validation error naming no input: ${error.message}`);
        } else if (error instanceof ConfluenceError) {
          // The request was valid and Confluence (the emulator) or the network said no.
          outcome = error.name;
        } else if (error !== undefined) {
          throw error; // TypeError & co.: a crash
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (received.length > 0) reached++;
        for (const exchange of received) {
          const segments = exchange.path.split("/").slice(1);
          for (const segment of segments) {
            expect(segment, `${exchange.method} ${exchange.path}`).toMatch(PCHAR_SEGMENT);
            if (action.key !== "rawRequest") {
              expect(roundTrips(segment), `${exchange.method} ${exchange.path}`).toBe(true);
            }
          }
          expect(exchange.path.startsWith("/wiki/") || exchange.path.startsWith("/gateway/")).toBe(
            true,
          );
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.info(
      `fuzz ${action.key}: ${RUNS} runs, ${reached} reached the emulator; ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
    // Both sides were exercised: the fuzzer reached the emulator and hit validation.
    expect(outcomes.get("invalid input") ?? 0).toBeGreaterThan(0);
    expect(reached).toBeGreaterThan(RUNS / 20);
    // GraphQL: the generator of valid queries over the emulator's schema must really succeed.
    if (action.key === "graphqlRequest") expect(outcomes.get("ok") ?? 0).toBeGreaterThan(0);
  });
});

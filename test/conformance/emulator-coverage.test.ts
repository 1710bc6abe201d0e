// The coverage report of the emulator's v2 route table (npm run coverage:emulator).
import { describe, expect, it } from "vitest";
import { emulatorCoverage, formatEmulatorCoverage } from "./emulator-coverage.js";

describe("emulator v2 coverage", () => {
  const coverage = emulatorCoverage();

  it("maps every v2 row of the route table to an operation of the OpenAPI document", () => {
    expect(coverage.strayRows).toEqual([]);
    expect(coverage.total).toBe(212);
  });

  it("accounts for every operation once: implemented, unavailable or missing", () => {
    const ids = [...coverage.implemented, ...coverage.unavailable, ...coverage.missing].map(
      (op) => op.operationId,
    );
    expect(new Set(ids).size).toBe(coverage.total);
    expect(ids).toHaveLength(coverage.total);
    // Never less than the comment, custom content, tree content and site-resource work reached.
    expect(coverage.implemented.length).toBeGreaterThanOrEqual(155);
    expect(coverage.unavailable.map((op) => op.operationId).sort()).toEqual([
      "postRedactBlog",
      "postRedactPage",
    ]);
  });

  it("prints implemented / total", () => {
    expect(formatEmulatorCoverage(coverage)).toMatch(
      /^Emulator v2 coverage: \d+ \/ 212 operations/,
    );
  });
});

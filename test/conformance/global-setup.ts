// vitest globalSetup: creates the directory test processes append conformance coverage to, and
// at the end of the run merges it and prints the coverage report (see coverage.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { formatCoverageReport, readCoverage } from "./coverage.js";
import { COVERAGE_DIR_KEY } from "./provided-context.js";
import { loadSpecs } from "./spec.js";

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "confluence-conformance-"));
  project.provide(COVERAGE_DIR_KEY, dir);
  return async () => {
    try {
      const records = readCoverage(dir);
      if (records.length > 0) {
        console.log(`\n${formatCoverageReport(records, await loadSpecs())}\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

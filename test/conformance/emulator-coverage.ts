// Which operations of Atlassian's v2 OpenAPI document the emulator implements: every route-table
// row (src/emulator/routes/index.ts) under /wiki/api/v2 is matched to the document's operation of
// the same method and path shape. `npm run coverage:emulator` prints the report; the test
// (emulator-coverage.test.ts) checks that no row is outside the document.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SITE_ROUTES } from "../../src/emulator/routes/index.js";
import { UNAVAILABLE_ROUTES } from "../../src/emulator/routes/unavailable.js";

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
}

const METHODS = ["get", "post", "put", "delete", "patch"];
const V2_PREFIX = "/wiki/api/v2";

/** `/pages/{id}/x` and `/pages/:pageId/x` both become `/pages/{}/x`. */
function shape(path: string): string {
  return path.replace(/\{[^}]+\}|:[A-Za-z0-9_-]+/g, "{}");
}

export function v2Operations(root = process.cwd()): SpecOperation[] {
  const document = JSON.parse(
    readFileSync(join(root, "spec", "openapi", "confluence-v2.json"), "utf8"),
  ) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method) || !operation.operationId) continue;
      operations.push({ operationId: operation.operationId, method: method.toUpperCase(), path });
    }
  }
  return operations;
}

export interface EmulatorCoverage {
  total: number;
  implemented: SpecOperation[];
  /** Rows that answer as a site without the feature (routes/unavailable.ts). */
  unavailable: SpecOperation[];
  missing: SpecOperation[];
  /** v2 rows that match no operation of the document. */
  strayRows: string[];
}

export function emulatorCoverage(root = process.cwd()): EmulatorCoverage {
  const operations = v2Operations(root);
  const byShape = new Map(operations.map((op) => [`${op.method} ${shape(op.path)}`, op]));
  const implemented = new Map<string, SpecOperation>();
  const unavailable = new Map<string, SpecOperation>();
  const strayRows: string[] = [];
  for (const route of SITE_ROUTES) {
    if (!route.path.startsWith(`${V2_PREFIX}/`)) continue;
    const key = `${route.method} ${shape(route.path.slice(V2_PREFIX.length))}`;
    const operation = byShape.get(key);
    if (!operation) strayRows.push(`${route.method} ${route.path}`);
    else if (UNAVAILABLE_ROUTES.includes(route)) unavailable.set(operation.operationId, operation);
    else implemented.set(operation.operationId, operation);
  }
  return {
    total: operations.length,
    implemented: [...implemented.values()],
    unavailable: [...unavailable.values()],
    missing: operations.filter(
      (op) => !implemented.has(op.operationId) && !unavailable.has(op.operationId),
    ),
    strayRows,
  };
}

export function formatEmulatorCoverage(coverage: EmulatorCoverage): string {
  const lines = [
    `Emulator v2 coverage: ${coverage.implemented.length} / ${coverage.total} operations implemented`,
  ];
  if (coverage.unavailable.length) {
    lines.push(
      `Answered as a site without the feature (${coverage.unavailable.length}): ${coverage.unavailable.map((op) => op.operationId).join(", ")}`,
    );
  }
  if (coverage.missing.length) {
    lines.push(`Not implemented (${coverage.missing.length}; see docs/emulator.md):`);
    for (const op of coverage.missing) {
      lines.push(`  ${op.method.padEnd(6)} ${op.path.padEnd(60)} ${op.operationId}`);
    }
  }
  if (coverage.strayRows.length) {
    lines.push(`Rows outside the v2 document: ${coverage.strayRows.join(", ")}`);
  }
  return lines.join("\n");
}

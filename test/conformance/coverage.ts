// Coverage of the conformance checks: every checked exchange is appended (one JSON line) to a
// per-process file in a directory the global setup creates; the global teardown merges them
// and prints which spec operations the connector exercised and which statuses were checked.
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { connectorOperations } from "./connector-operations.js";
import { specExceptions } from "./exceptions.js";
import { isJsonObject } from "./json-walk.js";
import type { LoadedSpec } from "./spec.js";
import type { SpecName } from "./spec-location.js";
import type { ExchangeCheck } from "./validator.js";

export interface CoverageRecord {
  /** `v2:getPageById`, `v1:createAttachment`, `skipped:graphql`, `unknown`, `unrouted:v2`. */
  target: string;
  method: string;
  status: number;
  violations: number;
  /** How the exchange was checked: "strict", "responses-only". */
  mode: string;
}

export function coverageRecord(check: ExchangeCheck, mode: string): CoverageRecord {
  const { classification } = check;
  let target: string;
  if (classification.kind === "skipped") target = `skipped:${classification.category}`;
  else if (classification.kind === "unknown") target = "unknown";
  else target = check.operationId ? `${check.spec}:${check.operationId}` : `unrouted:${check.spec}`;
  return {
    target,
    method: check.method,
    status: check.status,
    violations: check.violations.length,
    mode,
  };
}

export function appendCoverage(dir: string, record: CoverageRecord): void {
  appendFileSync(
    join(dir, `coverage-${process.pid}-${threadId}.jsonl`),
    `${JSON.stringify(record)}\n`,
  );
}

export function readCoverage(dir: string): CoverageRecord[] {
  const records: CoverageRecord[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".jsonl"))) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      if (line.trim()) records.push(JSON.parse(line) as CoverageRecord);
    }
  }
  return records;
}

interface TargetStats {
  statuses: Map<number, number>;
  violations: number;
}

function groupByTarget(records: readonly CoverageRecord[]): Map<string, TargetStats> {
  const byTarget = new Map<string, TargetStats>();
  for (const record of records) {
    let stats = byTarget.get(record.target);
    if (!stats) {
      stats = { statuses: new Map(), violations: 0 };
      byTarget.set(record.target, stats);
    }
    stats.statuses.set(record.status, (stats.statuses.get(record.status) ?? 0) + 1);
    stats.violations += record.violations;
  }
  return byTarget;
}

function declaredStatuses(spec: LoadedSpec, operationId: string): string[] {
  const operation: unknown = spec.api.getOperation(operationId);
  const responses =
    isJsonObject(operation) && isJsonObject(operation.responses) ? operation.responses : {};
  return Object.keys(responses);
}

/** The human-readable report printed at the end of the test run. */
export function formatCoverageReport(
  records: readonly CoverageRecord[],
  specs: Record<SpecName, LoadedSpec>,
): string {
  const byTarget = groupByTarget(records);
  const total = records.reduce((sum, record) => sum + record.violations, 0);
  const lines = [
    "Confluence OpenAPI conformance coverage",
    `  ${records.length} exchanges checked, ${total} violation(s) found (each failed its test, except those test/conformance/monitor.test.ts provokes on purpose).`,
  ];
  for (const spec of Object.values(specs)) {
    const exercised = [...byTarget.keys()].filter((target) => target.startsWith(`${spec.name}:`));
    lines.push(
      "",
      `${spec.name} spec (${spec.apiRoot === "/" ? "/wiki/rest/api" : spec.apiRoot}): ${exercised.length} of ${spec.operations.size} operations exercised`,
    );
    for (const target of exercised.sort()) {
      const operationId = target.slice(spec.name.length + 1);
      const where = spec.operations.get(operationId);
      const stats = byTarget.get(target)!;
      const seen = [...stats.statuses.entries()].sort(([a], [b]) => a - b);
      const notSeen = declaredStatuses(spec, operationId).filter(
        (status) => !stats.statuses.has(Number(status)),
      );
      lines.push(
        `  ${operationId.padEnd(40)} ${where?.method.padEnd(6) ?? ""} ${seen.map(([status, count]) => `${status}x${count}`).join(" ")}` +
          (notSeen.length ? `   (declared, not seen: ${notSeen.join(" ")})` : "") +
          (stats.violations ? `   ${stats.violations} VIOLATION(S)` : ""),
      );
    }
  }

  const operations = connectorOperations(specs);
  const missing = operations.filter(({ target }) => {
    if (target === "any") return false;
    if (target === "graphql") return !byTarget.has("skipped:graphql");
    return !byTarget.has(target);
  });
  lines.push(
    "",
    missing.length
      ? `Connector actions whose operation was NOT exercised (${missing.length}): ${missing.map(({ action, target }) => `${action} (${target})`).join("; ")}`
      : `All ${operations.length} connector actions' operations were exercised.`,
  );
  const other = [...byTarget.entries()].filter(([target]) => !/^v[12]:/.test(target));
  if (other.length) {
    lines.push(
      `Not validated against a REST spec: ${other.map(([target, stats]) => `${target} x${[...stats.statuses.values()].reduce((a, b) => a + b, 0)}`).join(", ")}`,
    );
  }
  const relaxed = records.filter((record) => record.mode !== "strict").length;
  if (relaxed) lines.push(`Exchanges checked on responses only (request checks off): ${relaxed}`);
  lines.push(
    `Spec exceptions in force (test/conformance/exceptions.ts): ${specExceptions.map((entry) => entry.id).join(", ")}`,
  );
  return lines.join("\n");
}

// Markdown for the results: one row per workload, a "median (min–max)" cell per contender and
// the ratio of each peer to our client, oriented so that > 1 always means "ours is better".
import type { ContenderName } from "./contenders.js";
import type { Summary } from "./stats.js";

export interface Row {
  workload: string;
  unit: string;
  /** true for rates (req/s), false for costs (ms, MB). */
  higherIsBetter: boolean;
  cells: Partial<Record<ContenderName, Summary>>;
  /** Shown after the cells (e.g. the emulator's CPU use). */
  note?: string;
}

const fmt = (value: number) =>
  !Number.isFinite(value)
    ? "–"
    : Math.abs(value) >= 100
      ? value.toFixed(0)
      : Math.abs(value) >= 10
        ? value.toFixed(1)
        : value.toFixed(2);

function cell(summary: Summary | undefined): string {
  if (summary === undefined || summary.samples === 0) return "skipped";
  return `**${fmt(summary.median)}** (${fmt(summary.min)}–${fmt(summary.max)})`;
}

function advantage(row: Row, peer: ContenderName): string {
  const ours = row.cells.ours?.median;
  const theirs = row.cells[peer]?.median;
  if (ours === undefined || theirs === undefined || ours <= 0 || theirs <= 0) return "–";
  return `${(row.higherIsBetter ? ours / theirs : theirs / ours).toFixed(2)}×`;
}

export function table(rows: readonly Row[]): string {
  const lines = [
    "| Workload | Unit | ours | confluence.js 3.2.0 | raw undici | ours vs confluence.js | ours vs undici | Notes |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.workload} | ${row.unit} | ${cell(row.cells.ours)} | ${cell(row.cells["confluence.js"])} | ${cell(row.cells.undici)} | ${advantage(row, "confluence.js")} | ${advantage(row, "undici")} | ${row.note ?? ""} |`,
    );
  }
  return lines.join("\n");
}

// `npm run bench:scale`: the emulator at 10,000 and 1,000,000 generated pages (issue 14 item 4).
// Each size runs in its own process (bench/scale-site.ts); prints start-up time, p50/p99 of
// GET page, of a page listing and of indexed CQL searches, RSS, and the listing's 1M/10k ratio.
// BENCH_SCALE_SIZES=10000,100000 picks other sizes (the ratio is last / first).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Percentiles, ScaleReport } from "./scale-site.js";

const sizes = (process.env.BENCH_SCALE_SIZES ?? "10000,1000000").split(",").map(Number);
const site = fileURLToPath(new URL("./scale-site.ts", import.meta.url));

function run(pages: number): ScaleReport {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=6144", "--import", "tsx", site, String(pages)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as ScaleReport;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const pair = (p: Percentiles) => `${ms(p.p50)} / ${ms(p.p99)}`;

const reports = sizes.map((pages) => {
  process.stderr.write(`generating ${pages.toLocaleString("en")} pages…\n`);
  return run(pages);
});
console.log(
  "| pages | start-up | RSS (heap) | GET page p50/p99 | list pages p50/p99 | CQL search p50/p99 | time-ordered CQL (1 run) |",
);
console.log("|---|---|---|---|---|---|---|");
for (const r of reports) {
  console.log(
    `| ${r.pages.toLocaleString("en")} | ${(r.startupMs / 1000).toFixed(1)} s | ${r.rssMb.toFixed(0)} MB (${r.heapMb.toFixed(0)} MB) | ${pair(r.getPage)} | ${pair(r.listPages)} | ${pair(r.search)} | ${ms(r.unindexedSearchMs)} |`,
  );
}
const [small, large] = [reports[0]!, reports[reports.length - 1]!];
console.log(
  `\nList pages p50 ratio ${large.pages.toLocaleString("en")} / ${small.pages.toLocaleString("en")}: ${(large.listPages.p50 / small.listPages.p50).toFixed(2)} (p99 ${(large.listPages.p99 / small.listPages.p99).toFixed(2)}); samples per figure: ${small.getPage.samples}.`,
);

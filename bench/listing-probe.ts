// One listing in a fresh process, so that its RSS is the contender's alone (no heap left over
// from earlier workloads). argv: contender, site url, space id, "keep" | "stream".
// RSS is sampled every 2 ms by a timer and after every 250 items (the timer alone could miss a
// peak while the event loop is busy parsing). Reports a ListingReport over IPC.
import { type ContenderName, createContender } from "./contenders.js";
import type { ListingReport } from "./protocol.js";

const [name, url, spaceId, mode] = process.argv.slice(2) as [ContenderName, string, string, string];
const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? "{}") as {
  email: string;
  apiToken: string;
};
const contender = await createContender(name, { url, credentials });

// Warm-up: load the contender's code paths and open its connection before the baseline.
await contender.getPage(process.env.BENCH_WARM_PAGE ?? "1");
globalThis.gc?.();
const baseline = process.memoryUsage.rss();
let peak = baseline;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
};
const timer = setInterval(sample, 2);
const started = performance.now();
const { items, kept } = await contender.listSpace(spaceId, mode === "keep");
const wallMs = performance.now() - started;
sample();
clearInterval(timer);
const report: ListingReport = {
  type: "listing",
  items,
  wallMs,
  peakRssGrowth: peak - baseline,
  requests: Math.ceil(items / 250),
};
// `kept` stays reachable until here, so a "keep" listing is measured holding its results.
if (kept.length < 0) console.log(kept);
await contender.close();
process.send?.(report, () => process.exit(0));

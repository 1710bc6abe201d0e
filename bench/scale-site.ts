// One site size of `npm run bench:scale`, in a fresh process (so RSS is this site's alone):
// starts the emulator with `--generate`'s site of N pages in-process, then times requests over
// HTTP. argv: pages. Prints one JSON ScaleReport line on stdout.
import { startEmulator } from "../src/emulator/index.js";
import { type Summary, summarise } from "./stats.js";

export interface ScaleReport {
  pages: number;
  startupMs: number;
  rssMb: number;
  heapMb: number;
  getPage: Percentiles;
  listPages: Percentiles;
  search: Percentiles;
  /** `type = page ORDER BY lastmodified DESC` once: the trigger query, read from the time index. */
  unindexedSearchMs: number;
}

export interface Percentiles {
  p50: number;
  p99: number;
  samples: number;
}

const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 300);
const pages = Number(process.argv[2] ?? 10_000);

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const summary: Summary = summarise(values);
  return { p50: summary.median, p99: at(0.99), samples: sorted.length };
}

const started = performance.now();
const emulator = await startEmulator({
  seed: "demo",
  // What `confluence emulator --generate N` builds (src/cli/emulator-command.ts).
  generate: { pages, propertiesPerPage: 1, labelsPerPage: 1, commentEvery: 10 },
});
const startupMs = performance.now() - started;
const auth = `Basic ${Buffer.from(`${emulator.credentials.email}:${emulator.credentials.apiToken}`).toString("base64")}`;

async function call(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${emulator.url}${path}`, {
    ...init,
    headers: { authorization: auth, "content-type": "application/json" },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

const space = (
  (await call("/wiki/api/v2/spaces?keys=GEN")) as { results: { id: string; homepageId: string }[] }
).results[0]!;
const first = Number(space.homepageId);
// A deterministic spread of page ids over the whole site (a fixed LCG, not Math.random).
let seed = 12345;
const randomPage = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return String(first + (seed % pages));
};

const getPage: number[] = [];
for (let n = 0; n < SAMPLES; n++) {
  getPage.push(await timed(() => call(`/wiki/api/v2/pages/${randomPage()}?body-format=storage`)));
}

// Lists through the space's pages following cursors, with a write (a new page) every 10 lists
// so that no cached view can be reused: the cost measured is the listing's own.
const listPages: number[] = [];
let cursor: string | undefined;
for (let n = 0; n < SAMPLES; n++) {
  if (n % 10 === 0) {
    await call("/wiki/api/v2/pages", {
      method: "POST",
      body: JSON.stringify({ spaceId: space.id, status: "current", title: `Bench ${n}` }),
    });
  }
  const query = cursor === undefined ? "limit=25" : `limit=25&cursor=${cursor}`;
  const t = performance.now();
  const body = (await call(`/wiki/api/v2/spaces/${space.id}/pages?${query}`)) as {
    _links: { next?: string };
  };
  listPages.push(performance.now() - t);
  const next = body._links.next;
  cursor = next === undefined ? undefined : new URL(next, "http://x").searchParams.get("cursor")!;
}

// The common CQL shapes, each answered from an index (cql/plan.ts).
const queries = [
  () => `parent = ${randomPage()} ORDER BY created DESC`,
  () => `ancestor = ${randomPage()} AND type = page ORDER BY lastmodified DESC`,
  () => `id = ${randomPage()}`,
  () => `container = ${randomPage()} AND type = comment ORDER BY created DESC`,
  () =>
    `space = GEN AND label = "gen-${Number(randomPage()) % 100}" AND title ~ "page" ORDER BY created DESC`,
];
const search: number[] = [];
for (let n = 0; n < SAMPLES; n++) {
  const cql = queries[n % queries.length]!();
  search.push(
    await timed(() => call(`/wiki/rest/api/search?limit=25&cql=${encodeURIComponent(cql)}`)),
  );
}
const unindexedSearchMs = await timed(() =>
  call(
    `/wiki/rest/api/search?limit=25&cql=${encodeURIComponent("type = page ORDER BY lastmodified DESC")}`,
  ),
);

globalThis.gc?.();
const memory = process.memoryUsage();
const report: ScaleReport = {
  pages,
  startupMs,
  rssMb: memory.rss / 2 ** 20,
  heapMb: memory.heapUsed / 2 ** 20,
  getPage: percentiles(getPage),
  listPages: percentiles(listPages),
  search: percentiles(search),
  unindexedSearchMs,
};
await emulator.close();
process.stdout.write(`${JSON.stringify(report)}\n`);

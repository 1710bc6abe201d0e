// `npm run bench`: our core client against confluence.js and a raw undici loop, on the emulator
// in its own process. Contenders alternate sample by sample (A,B,C,B,C,A,…) so that machine
// drift hits all of them alike; the table shows medians, min–max and ratios to our client and
// is written to bench/.data/results.md, or to the committed bench/results.md with `--write`.
// BENCH_QUICK=1 runs a small smoke version.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { cliStartupTable, measureCliStartup } from "./cli-startup.js";
import { componentRunner } from "./component-overhead.js";
import {
  CONTENDERS,
  type Contender,
  type ContenderName,
  createContender,
  IN_FLIGHT,
  type Site,
} from "./contenders.js";
import { coreSource } from "./library.js";
import { machineDescription } from "./machine.js";
import { markdownBench } from "./markdown.js";
import { oauthWorkload } from "./oauth-requests.js";
import { planPinning, runListingProbe, startEmulatorProcess } from "./processes.js";
import { type Row, table } from "./report.js";
import { type Summary, summarise } from "./stats.js";
import { triggerPollWorkload } from "./trigger-poll.js";
import { concurrentGets, sequentialGets, writePairs } from "./workloads.js";

const QUICK = process.env.BENCH_QUICK === "1";
const plan = QUICK
  ? {
      rounds: 2,
      seq: 200,
      conc: 400,
      writes: 40,
      listRounds: 1,
      bigRounds: 1,
      bigPages: 20_000,
      componentN: 50,
    }
  : {
      rounds: 7,
      seq: 1500,
      conc: 3000,
      writes: 250,
      listRounds: 5,
      bigRounds: 2,
      bigPages: 100_000,
      componentN: 300,
    };

const log = (message: string) => process.stderr.write(`${message}\n`);
const started = Date.now();
const loadBefore = machineDescription();

const pinning = planPinning();
log(
  pinning.emulatorCore === undefined
    ? "taskset unavailable or one core: emulator and contenders share the CPU"
    : `runner pinned to core ${pinning.runnerCore}, emulator to core ${pinning.emulatorCore}`,
);
const emulator = await startEmulatorProcess(pinning, { BENCH_BIG_PAGES: String(plan.bigPages) });
const site: Site = { url: emulator.url, credentials: emulator.credentials };
const authorization = `Basic ${Buffer.from(`${site.credentials.email}:${site.credentials.apiToken}`).toString("base64")}`;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization, accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}
const spaceOf = async (origin: string, key: string) =>
  (
    await getJson<{ results: { id: string; homepageId: string }[] }>(
      `${origin}/wiki/api/v2/spaces?keys=${key}`,
    )
  ).results[0]!;
const spaceId = (await spaceOf(site.url, "BENCH")).id;
const bigSpace = await spaceOf(emulator.bigUrl, "BIG");
const bigSpaceId = bigSpace.id;
const pageIds = (
  await getJson<{ results: { id: string }[] }>(
    `${site.url}/wiki/api/v2/spaces/${spaceId}/pages?limit=100`,
  )
).results.map((page) => page.id);

// Contenders that cannot start (e.g. confluence.js on a Node it does not support) are skipped.
const contenders: Contender[] = [];
const skipped: string[] = [];
for (const name of CONTENDERS) {
  try {
    const contender = await createContender(name, site);
    await contender.getPage(pageIds[0]!);
    contenders.push(contender);
  } catch (error) {
    skipped.push(`${name} skipped on Node ${process.versions.node}: ${(error as Error).message}`);
    log(skipped.at(-1)!);
  }
}

// Warm-up: JIT, connections, the emulator's sorted views.
for (const c of contenders) {
  await sequentialGets(c, pageIds, plan.seq / 4);
  await concurrentGets(c, pageIds, plan.conc / 4, IN_FLIGHT);
  await writePairs(c, spaceId, Math.ceil(plan.writes / 10));
}

type Samples = Record<ContenderName, number[]>;
const newSamples = (): Samples => ({ ours: [], "confluence.js": [], undici: [] });
const seq = newSamples();
const conc = newSamples();
const writes = newSamples();
const emulatorCpu = { seq: newSamples(), conc: newSamples() };
// The client's own CPU time per operation: the cost a platform bills, and unlike req/s it does
// not depend on how busy the rest of the machine is.
const clientCpu = { seq: newSamples(), conc: newSamples(), writes: newSamples() };

/** Rotates the start each round: A,B,C then B,C,A … so no contender always goes first. */
const rotated = <T>(items: readonly T[], round: number) =>
  items.map((_, i) => items[(i + round) % items.length]!);

/** One sample of `n` operations, the emulator's CPU use (% of one core) and ours per operation. */
async function measured(n: number, run: () => Promise<number>) {
  const cpu0 = await emulator.cpuMicros();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const wallMicros = (performance.now() - t0) * 1000;
  const own = process.cpuUsage(own0);
  const cpu = ((await emulator.cpuMicros()) - cpu0) / wallMicros;
  return { value, cpuPercent: cpu * 100, clientMicrosPerOp: (own.user + own.system) / n };
}

for (let round = 0; round < plan.rounds; round++) {
  log(`throughput round ${round + 1}/${plan.rounds}`);
  for (const c of rotated(contenders, round)) {
    const s = await measured(plan.seq, () => sequentialGets(c, pageIds, plan.seq));
    seq[c.name].push(s.value);
    emulatorCpu.seq[c.name].push(s.cpuPercent);
    clientCpu.seq[c.name].push(s.clientMicrosPerOp);
  }
  for (const c of rotated(contenders, round)) {
    const s = await measured(plan.conc, () => concurrentGets(c, pageIds, plan.conc, IN_FLIGHT));
    conc[c.name].push(s.value);
    emulatorCpu.conc[c.name].push(s.cpuPercent);
    clientCpu.conc[c.name].push(s.clientMicrosPerOp);
  }
  for (const c of rotated(contenders, round)) {
    const s = await measured(plan.writes, () => writePairs(c, spaceId, plan.writes));
    writes[c.name].push(s.value);
    clientCpu.writes[c.name].push(s.clientMicrosPerOp);
  }
}
for (const c of contenders) await c.close();

// Listings: one fresh process per contender and sample, for honest RSS figures.
const probeEnv = {
  BENCH_CREDENTIALS: JSON.stringify(site.credentials),
  BENCH_WARM_PAGE: pageIds[0]!,
};
const names = contenders.map((c) => c.name);
const listWall = newSamples();
const listRss = newSamples();
for (let round = 0; round < plan.listRounds; round++) {
  log(`10,000-page listing round ${round + 1}/${plan.listRounds}`);
  for (const name of rotated(names, round)) {
    const report = await runListingProbe(
      { contender: name, url: site.url, spaceId, mode: "keep" },
      probeEnv,
    );
    if (report.items !== 10_000 && !process.env.BENCH_PAGES)
      throw new Error(`${name} listed ${report.items} pages`);
    listWall[name].push(report.wallMs);
    listRss[name].push(report.peakRssGrowth / 2 ** 20);
  }
}
const bigWall = newSamples();
const bigRss = newSamples();
const bigEnv = { ...probeEnv, BENCH_WARM_PAGE: bigSpace.homepageId };
for (let round = 0; round < plan.bigRounds; round++) {
  log(`${plan.bigPages.toLocaleString("en")}-item streaming round ${round + 1}/${plan.bigRounds}`);
  for (const name of rotated(names, round)) {
    const report = await runListingProbe(
      { contender: name, url: emulator.bigUrl, spaceId: bigSpaceId, mode: "stream" },
      bigEnv,
    );
    if (report.items !== plan.bigPages) throw new Error(`${name} streamed ${report.items} items`);
    bigWall[name].push(report.wallMs);
    bigRss[name].push(report.peakRssGrowth / 2 ** 20);
  }
}

// The component's overhead (needs `npm run build`).
log("component overhead");
const component = await componentRunner(site, pageIds[0]!);
const viaComponent: number[] = [];
const viaClient: number[] = [];
if (typeof component !== "string") {
  await component.viaComponent(20);
  await component.viaClient(20);
  for (let round = 0; round < plan.rounds; round++) {
    const order = round % 2 === 0 ? ["component", "client"] : ["client", "component"];
    for (const which of order) {
      if (which === "component") viaComponent.push(await component.viaComponent(plan.componentN));
      else viaClient.push(await component.viaClient(plan.componentN));
    }
  }
  await component.close();
} else log(component);

log("OAuth requests per action");
const oauth = await oauthWorkload(site, pageIds[0]!);

// After the streaming rounds: it edits pages of the big site (their number stays the same).
log(`polling trigger vs refetch-everything on ${plan.bigPages.toLocaleString("en")} pages`);
const triggerPolls = await triggerPollWorkload(
  { url: emulator.bigUrl, credentials: site.credentials },
  QUICK ? 2 : 5,
);
await emulator.stop();

log("Markdown conversion (1 MB page)");
const markdownTable = await markdownBench(QUICK);

log("CLI start-up");
const cliStartup = cliStartupTable(measureCliStartup(QUICK ? 5 : 21));

const toSummaries = (samples: Samples) => {
  const out: Partial<Record<ContenderName, Summary>> = {};
  for (const name of names) out[name] = summarise(samples[name]);
  return out;
};
const cpuNote = (samples: Samples) =>
  `emulator CPU during the raw undici loop: ${summarise(samples.undici).median.toFixed(0)}% of one core (ours: ${summarise(samples.ours).median.toFixed(0)}%)`;
const rows: Row[] = [
  {
    workload: "Sequential GET /pages/{id}",
    unit: "req/s",
    higherIsBetter: true,
    cells: toSummaries(seq),
    note: cpuNote(emulatorCpu.seq),
  },
  {
    workload: `GET /pages/{id}, ${IN_FLIGHT} in flight`,
    unit: "req/s",
    higherIsBetter: true,
    cells: toSummaries(conc),
    note: cpuNote(emulatorCpu.conc),
  },
  {
    workload: "POST /pages + DELETE /pages/{id}",
    unit: "pairs/s",
    higherIsBetter: true,
    cells: toSummaries(writes),
  },
  {
    workload: "Client CPU per sequential GET",
    unit: "µs",
    higherIsBetter: false,
    cells: toSummaries(clientCpu.seq),
    note: "process.cpuUsage of the contender's process; independent of machine load",
  },
  {
    workload: `Client CPU per GET, ${IN_FLIGHT} in flight`,
    unit: "µs",
    higherIsBetter: false,
    cells: toSummaries(clientCpu.conc),
  },
  {
    workload: "Client CPU per POST + DELETE pair",
    unit: "µs",
    higherIsBetter: false,
    cells: toSummaries(clientCpu.writes),
  },
  {
    workload: "List all pages of a 10,000-page space (kept in an array)",
    unit: "ms",
    higherIsBetter: false,
    cells: toSummaries(listWall),
    note: "40 requests of 250",
  },
  {
    workload: "… peak RSS growth during that listing",
    unit: "MB",
    higherIsBetter: false,
    cells: toSummaries(listRss),
    note: "fresh process per sample",
  },
  {
    workload: `Stream ${plan.bigPages.toLocaleString("en")} items (async iterator / page loop)`,
    unit: "ms",
    higherIsBetter: false,
    cells: toSummaries(bigWall),
  },
  {
    workload: "… peak RSS growth while streaming",
    unit: "MB",
    higherIsBetter: false,
    cells: toSummaries(bigRss),
    note: "target for ours: < 50 MB",
  },
];

const componentTable =
  typeof component === "string"
    ? `Component overhead: not measured — ${component}.`
    : (() => {
        const a = summarise(viaComponent);
        const b = summarise(viaClient);
        const overheadMs = 1000 / a.median - 1000 / b.median;
        return [
          "| getPage | actions/s, median (min–max) | time per call |",
          "|---|---|---|",
          `| through the component (dist/index.js, spectral harness) | **${a.median.toFixed(0)}** (${a.min.toFixed(0)}–${a.max.toFixed(0)}) | ${(1000 / a.median).toFixed(3)} ms |`,
          `| bare core client (one long-lived client) | **${b.median.toFixed(0)}** (${b.min.toFixed(0)}–${b.max.toFixed(0)}) | ${(1000 / b.median).toFixed(3)} ms |`,
          "",
          `Component overhead: ${overheadMs.toFixed(3)} ms per action (input parsing, the per-connection client cache lookup, spectral's wrapper; the keep-alive connection is reused across executions).`,
        ].join("\n");
      })();

const markdown = [
  "# Benchmarks",
  "",
  `Generated by \`npm run bench\`${QUICK ? " with BENCH_QUICK=1 (smoke run: small samples, not representative)" : ""} on ${new Date().toISOString().slice(0, 10)}.`,
  "",
  "## Machine",
  "",
  loadBefore.markdown,
  `- Pinning: ${pinning.emulatorCore === undefined ? "none (taskset unavailable or one core)" : `runner and contenders on core ${pinning.runnerCore}, emulator on core ${pinning.emulatorCore}`}`,
  `- Load average when finished: ${machineDescription().load}`,
  `- Duration: ${((Date.now() - started) / 1000).toFixed(0)} s; ${plan.rounds} alternating rounds for throughput, ${plan.listRounds} for the 10k listing, ${plan.bigRounds} for streaming`,
  ...skipped.map((line) => `- ${line}`),
  "",
  "## Results",
  "",
  "Cells: **median** (min–max). Ratio columns: > 1 means our client is better (faster, or less memory).",
  "",
  table(rows),
  "",
  "## Component overhead",
  "",
  componentTable,
  "",
  "## OAuth 2.0: requests per action after warm-up",
  "",
  oauth,
  "",
  `## Polling trigger: cost per poll on ${plan.bigPages.toLocaleString("en")} pages`,
  "",
  triggerPolls,
  "",
  "## Markdown conversion",
  "",
  "storage ↔ Markdown on one large page (bench/markdown.ts, src/core/markdown, docs/markdown.md), beside turndown and marked (bench/peers).",
  "",
  markdownTable,
  "",
  "## CLI start-up",
  "",
  "The built `confluence` command (bin/confluence.cjs) next to Node's own start-up, alternating sample by sample (bench/cli-startup.ts). CPU is the process's own user + system time, which machine load barely changes. Target: `--help` within 0.2 s median.",
  "",
  cliStartup,
  "",
  "## Method",
  "",
  "- Emulator: `bench/emulator-process.ts` in its own process (10,000-page space BENCH; 100,000-page space BIG on a second site).",
  `- ours: \`createConfluenceClient\` + \`basicAuth\` from ${coreSource}, configured with maxInFlight 16 (its default is 10) so that the 16-in-flight workload is not capped below the other contenders; confluence.js: \`createV2Client\` (fetch, zod-validated responses); raw undici: \`request()\` on an \`Agent\` with 16 keep-alive connections, JSON parsed.`,
  "- Listings run in a fresh child process per contender and sample; RSS sampled every 2 ms and every 250 items, growth measured from a post-warm-up, post-GC baseline.",
  "",
].join("\n");

// The committed report changes only when asked (`npm run bench -- --write`); otherwise it goes
// to bench/.data/, which git ignores, so a run never dirties the working tree.
const WRITE = process.argv.includes("--write");
const out = fileURLToPath(new URL(WRITE ? "./results.md" : "./.data/results.md", import.meta.url));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, markdown);
process.stdout.write(`${markdown}\n`);
log(`written to ${out}`);

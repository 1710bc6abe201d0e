// `npm run bench:persistence`: the write overhead of `--data DIR` (issue 14, item 3). Creates
// pages through the HTTP API on an in-memory emulator and on one saving to a temporary
// directory, rounds alternating (memory, data, memory, ...) so machine drift hits both alike;
// prints writes per second (median of the rounds) side by side. BENCH_QUICK=1 for a smoke run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GenerateOptions, startEmulator } from "../src/emulator/index.js";

const QUICK = process.env.BENCH_QUICK === "1";
const ROUNDS = QUICK ? 2 : 5;
const WRITES = QUICK ? 10 : 50;
const AUTH = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;

interface Case {
  name: string;
  concurrency: number;
  generate?: GenerateOptions;
}

const CASES: Case[] = [
  { name: "demo seed, sequential", concurrency: 1 },
  { name: "demo seed, 8 in flight", concurrency: 8 },
  { name: "+2,000 generated pages, sequential", concurrency: 1, generate: { pages: 2000 } },
  { name: "+20,000 generated pages, sequential", concurrency: 1, generate: { pages: 20_000 } },
];

async function createPages(url: string, count: number, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const response = await fetch(`${url}/wiki/api/v2/pages`, {
        method: "POST",
        headers: { authorization: AUTH, "content-type": "application/json" },
        body: JSON.stringify({
          spaceId: "65537",
          title: `bench ${Math.random()}`,
          body: { representation: "storage", value: "<p>bench</p>" },
        }),
      });
      if (response.status !== 200) throw new Error(`createPage answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function writesPerSecond(testCase: Case, dataDir: string | undefined): Promise<number> {
  const emulator = await startEmulator({ dataDir, generate: testCase.generate });
  try {
    const started = performance.now();
    await createPages(emulator.url, WRITES, testCase.concurrency);
    return (WRITES / (performance.now() - started)) * 1000;
  } finally {
    await emulator.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const lines = ["| case | in memory (writes/s) | --data (writes/s) | ratio |", "|---|---|---|---|"];
for (const testCase of CASES) {
  const memory: number[] = [];
  const data: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    memory.push(await writesPerSecond(testCase, undefined));
    const dir = mkdtempSync(join(tmpdir(), "emulator-bench-"));
    try {
      data.push(await writesPerSecond(testCase, dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const m = median(memory);
  const d = median(data);
  lines.push(`| ${testCase.name} | ${m.toFixed(0)} | ${d.toFixed(0)} | ${(d / m).toFixed(2)} |`);
}
console.log(lines.join("\n"));

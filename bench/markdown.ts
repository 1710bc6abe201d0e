// Markdown conversion speed on a large page: the whole test corpus (every construct, unknown
// macros included) repeated to ~1 MB of storage, converted each way; beside it, the peers
// turndown (HTML → Markdown; lossy: it drops every ac:/ri: element) and marked (Markdown →
// HTML), installed in bench/peers. Conversions alternate sample by sample. Part of
// `npm run bench`; alone: `npm run bench:markdown` (BENCH_QUICK=1 for a smoke run).
import { fileURLToPath, pathToFileURL } from "node:url";
import { CORPUS } from "../test/markdown/corpus.js";
import { type Summary, summarise } from "./stats.js";

interface MarkdownModule {
  storageToMarkdown(storage: string): string;
  markdownToStorage(markdown: string): string;
  normalizeStorage(storage: string): string;
}
interface TurndownModule {
  default: new (options?: object) => { turndown(html: string): string };
}
interface MarkedModule {
  marked: { parse(markdown: string, options: { async: false }): string };
}

const PEERS = new URL("./peers/", import.meta.url);
const built = new URL("../dist/lib/core/markdown/index.js", import.meta.url);

/** The built module when there is one (what users load), else the sources. */
async function loadConverter(): Promise<{ module: MarkdownModule; source: string }> {
  try {
    return { module: (await import(built.href)) as MarkdownModule, source: "dist/lib (built)" };
  } catch {
    return {
      module: (await import("../src/core/markdown/index.js")) as MarkdownModule,
      source: "src (through tsx)",
    };
  }
}

async function loadPeer<T>(file: string): Promise<T | string> {
  try {
    return (await import(new URL(file, PEERS).href)) as T;
  } catch (error) {
    return `not installed in bench/peers (npm run bench installs it): ${(error as Error).message}`;
  }
}

/** The corpus joined and repeated to `bytes`, task ids renumbered through the page. */
export function largePage(bytes: number): string {
  const one = CORPUS.map((doc) => doc.storage).join("");
  let page = "";
  while (page.length < bytes) page += one;
  let id = 0;
  return page.replace(/<ac:task-id>\d+<\/ac:task-id>/g, () => `<ac:task-id>${++id}</ac:task-id>`);
}

const time = (run: () => unknown) => {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
};

/**
 * Another build of the converter to run beside this one (BENCH_MARKDOWN_BASELINE = the path of
 * its core/markdown/index.js, e.g. main's dist/lib built in a temporary worktree): before/after
 * figures from one run, under the same load.
 */
async function loadBaseline(): Promise<MarkdownModule | undefined> {
  const path = process.env.BENCH_MARKDOWN_BASELINE;
  return path ? ((await import(pathToFileURL(path).href)) as MarkdownModule) : undefined;
}

export async function markdownBench(quick: boolean): Promise<string> {
  const { module, source } = await loadConverter();
  const turndownModule = await loadPeer<TurndownModule>("turndown.mjs");
  const markedModule = await loadPeer<MarkedModule>("marked.mjs");
  const storage = largePage(quick ? 100_000 : 1_000_000);
  const markdown = module.storageToMarkdown(storage);
  const lossless =
    module.normalizeStorage(module.markdownToStorage(markdown)) ===
    module.normalizeStorage(storage);
  const carried = (markdown.match(/```+confluence-storage/g) ?? []).length;

  const baseline = await loadBaseline();
  const samples: Record<string, number[]> = {
    toMd: [],
    toStorage: [],
    turndown: [],
    marked: [],
    baseToMd: [],
    baseToStorage: [],
  };
  const contenders: [string, () => unknown][] = [
    ["toMd", () => module.storageToMarkdown(storage)],
    ["toStorage", () => module.markdownToStorage(markdown)],
  ];
  if (baseline)
    contenders.push(
      ["baseToMd", () => baseline.storageToMarkdown(storage)],
      ["baseToStorage", () => baseline.markdownToStorage(markdown)],
    );
  if (typeof turndownModule !== "string") {
    const service = new turndownModule.default({ codeBlockStyle: "fenced", headingStyle: "atx" });
    contenders.push(["turndown", () => service.turndown(storage)]);
  }
  if (typeof markedModule !== "string")
    contenders.push(["marked", () => markedModule.marked.parse(markdown, { async: false })]);
  for (const [, run] of contenders) run(); // warm-up
  const rounds = quick ? 2 : 3;
  for (let round = 0; round < rounds; round++)
    for (const [name, run] of contenders.map(
      (_, i) => contenders[(i + round) % contenders.length]!,
    ))
      samples[name]!.push(time(run));

  const cell = (s: Summary) =>
    s.samples === 0 ? "—" : `**${s.median.toFixed(0)}** (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const mbps = (s: Summary) =>
    s.samples === 0 ? "—" : (storage.length / 2 ** 20 / (s.median / 1000)).toFixed(2);
  const [toMd, toStorage, turndown, marked, baseToMd, baseToStorage] = [
    "toMd",
    "toStorage",
    "turndown",
    "marked",
    "baseToMd",
    "baseToStorage",
  ].map((name) => summarise(samples[name]!)) as Summary[] as [
    Summary,
    Summary,
    Summary,
    Summary,
    Summary,
    Summary,
  ];
  const ratio = (base: Summary, ours: Summary) => (base.median / ours.median).toFixed(1);
  const baselineRows = baseline
    ? [
        `| storage → Markdown, baseline (${process.env.BENCH_MARKDOWN_BASELINE}) | ${cell(baseToMd)} | ${mbps(baseToMd)} | ours is ${ratio(baseToMd, toMd)}× faster | |`,
        `| Markdown → storage, baseline | ${cell(baseToStorage)} | ${mbps(baseToStorage)} | ours is ${ratio(baseToStorage, toStorage)}× faster | |`,
      ]
    : [];
  return [
    `Page: ${(storage.length / 1e6).toFixed(2)} MB of storage (the ${CORPUS.length}-document test corpus repeated), ${(markdown.length / 1e6).toFixed(2)} MB of Markdown; round trip lossless: **${lossless ? "yes" : "NO"}**; ${carried} blocks carried as \`confluence-storage\`. Converter: ${source}. ms per conversion, median (min–max) of ${rounds}.`,
    "",
    "| Conversion | ours | MB of storage/s | peer | peer's ms |",
    "|---|---|---|---|---|",
    `| storage → Markdown | ${cell(toMd)} | ${mbps(toMd)} | turndown ${typeof turndownModule === "string" ? `(${turndownModule})` : "(HTML only, lossy)"} | ${cell(turndown)} |`,
    `| Markdown → storage | ${cell(toStorage)} | ${mbps(toStorage)} | marked ${typeof markedModule === "string" ? `(${markedModule})` : "(to plain HTML)"} | ${cell(marked)} |`,
    ...baselineRows,
    "",
    "Ours includes the check that makes it lossless (the Markdown is converted back and compared); storage → Markdown therefore costs about one conversion each way plus the comparison (Markdown parsed in bounded windows, docs/markdown.md, Speed).",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${await markdownBench(process.env.BENCH_QUICK === "1")}\n`);
}

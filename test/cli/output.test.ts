// What the command line writes: --output json|ndjson|table, --all streaming NDJSON (progress on
// stderr only for a terminal), --out FILE / --out - writing binary content raw.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { runCliHere } from "./support/in-process.js";
import { emulatorEnv, requestLog, runCli } from "./support/spawn-cli.js";

let emulator: RunningEmulator;
let env: Record<string, string>;
let folder: string;
beforeAll(async () => {
  emulator = await startTestEmulator({ generate: { pages: 420 } });
  env = emulatorEnv(emulator);
  folder = mkdtempSync(join(tmpdir(), "confluence-cli-"));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await emulator.close();
});

const lines = (text: string) => text.split("\n").filter((line) => line !== "");

describe("--output", () => {
  it("ndjson writes one item per line", async () => {
    const result = await runCliHere(["list-spaces", "--output", "ndjson", "--limit", "250"], env);
    expect(result.code).toBe(0);
    const spaces = lines(result.out).map((line) => JSON.parse(line) as { key: string });
    expect(spaces.map((space) => space.key)).toContain(DEMO_IDS.spaces.engineering.key);
  });

  it("table writes a header and a row per item", async () => {
    const result = await runCliHere(["list-spaces", "--output", "table", "--limit", "250"], env);
    expect(result.code).toBe(0);
    const [header, ...rows] = lines(result.out);
    expect(header).toMatch(/^ID\s+KEY\s+NAME/);
    expect(rows.some((row) => row.startsWith(`${DEMO_IDS.spaces.engineering.id} `))).toBe(true);
  });

  it("refuses an unknown format, exit 2", async () => {
    const result = await runCliHere(["list-spaces", "--output", "xml"], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain("--output must be one of json, ndjson, table");
  });
});

describe("--all", () => {
  it("streams every item as NDJSON, page after page, with no progress when stderr is not a terminal", async () => {
    const everything = await runCliHere(["list-pages", "--fetch-all"], env);
    const expected = (JSON.parse(everything.out) as { results: { id: string }[] }).results;
    const before = (await requestLog(emulator)).length;
    const result = await runCliHere(["list-pages", "--all", "--limit", "100"], env);
    expect(result.code).toBe(0);
    expect(result.err).toBe("");
    const ids = lines(result.out).map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual(expected.map((page) => page.id));
    const pages = (await requestLog(emulator)).slice(before);
    expect(pages.length).toBe(Math.ceil(expected.length / 100));
  });

  it("shows a progress line on stderr when it is a terminal", async () => {
    const progress: string[] = [];
    const out: string[] = [];
    await main(["node", "confluence", "list-pages", "--all"], {
      out: (line) => out.push(line),
      err: () => {},
      progress: (text) => progress.push(text),
      stderrIsTty: true,
      env,
    });
    expect(process.exitCode ?? 0).toBe(0);
    process.exitCode = undefined;
    expect(progress.at(-1)).toContain(`${out.length} items`);
  });

  it("is refused on an action that does not list", async () => {
    const result = await runCliHere(["get-space", "--space-id", "65537", "--all"], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain("unknown option");
  });
});

describe("binary content", () => {
  async function download() {
    const attachment = await runCliHere(
      ["get-attachment", "--attachment-id", DEMO_IDS.attachments.diagramPng],
      env,
    );
    const url = `/wiki${(JSON.parse(attachment.out) as { downloadLink: string }).downloadLink}`;
    const auth = Buffer.from(`${env.CONFLUENCE_EMAIL}:${env.CONFLUENCE_API_TOKEN}`).toString(
      "base64",
    );
    const response = await fetch(`${emulator.url}${url}`, {
      headers: { authorization: `Basic ${auth}` },
    });
    return { url, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  const rawRequest = (url: string) => [
    "raw-request",
    "--method",
    "GET",
    "--url",
    url,
    "--response-type",
    "binary",
  ];

  it("--out FILE writes the bytes raw", async () => {
    const { url, bytes } = await download();
    const file = join(folder, "diagram.png");
    const result = await runCliHere([...rawRequest(url), "--out", file], env);
    expect(result.code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("--out - writes the bytes raw to stdout", async () => {
    const { url, bytes } = await download();
    // Spawned: the bytes must reach the process's real stdout untouched.
    const result = await runCli([...rawRequest(url), "--out", "-"], env);
    expect(result.code).toBe(0);
    expect(result.stdout.equals(bytes)).toBe(true);
  });

  it("without --out prints a summary and how to save it, never a byte array", async () => {
    const { url, bytes } = await download();
    const result = await runCliHere(rawRequest(url), env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ contentType: "image/png", bytes: bytes.length });
    expect(result.err).toContain("--out FILE");
  });

  it("names a downloaded attachment's file and offers it as the --out to paste", async () => {
    const { bytes } = await download();
    const result = await runCliHere(
      ["download-attachment", "--attachment-id", DEMO_IDS.attachments.diagramPng],
      env,
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as { fileName: string; bytes: number };
    expect(summary).toMatchObject({ contentType: "image/png", bytes: bytes.length });
    expect(result.err).toContain(`--out '${summary.fileName}'`);
    expect(summary.fileName).toMatch(/\.png$/);
  });

  it("refuses --out into a folder that does not exist before sending anything", async () => {
    const before = (await requestLog(emulator)).length;
    const result = await runCliHere(
      [...rawRequest("/wiki/x"), "--out", join(folder, "missing", "x.png")],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain("does not exist");
    expect((await requestLog(emulator)).length).toBe(before);
  });
});

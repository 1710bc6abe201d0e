// Start-up: `confluence --help` and `confluence get-page --help` load neither the emulator
// (fastify, ohm-js), nor the HTTP client (undici), nor GraphQL, nor spectral; running an action
// does load the client (which proves the recording sees them). Checked on the built command line
// (what bin/confluence.cjs runs): its bundle `require`s those dependencies where the sources
// import them, so an eager import anywhere in the chain shows up as a `require` at start. The time itself is measured by
// `npm run bench` (bench/cli-startup.ts), not here. Also: no silent rebuild on the first
// `npx confluence` (scripts/prepare.mjs, bin/confluence.cjs).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { cleanEnv, emulatorEnv, REPO, runCli } from "./support/spawn-cli.js";

const RECORDER = fileURLToPath(new URL("./support/record-requires.cjs", import.meta.url));
const HEAVY = [
  "/node_modules/fastify/",
  "/node_modules/ohm-js/",
  "/node_modules/undici/",
  "/node_modules/graphql/",
  "/node_modules/@prismatic-io/",
  "/node_modules/htmlparser2/",
  "/node_modules/micromark",
];

let folder: string;
let emulator: RunningEmulator;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "confluence-startup-"));
  emulator = await startTestEmulator();
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await emulator.close();
});

async function loaded(args: string[], env: Record<string, string> = {}) {
  const record = join(folder, `${args.join("_").replace(/\W/g, "")}.txt`);
  writeFileSync(record, "");
  const result = await runCli(args, { ...env, RECORD_REQUIRES_TO: record }, ["-r", RECORDER]);
  expect(result.code).toBe(0);
  return readFileSync(record, "utf8").split("\n");
}

describe("start-up", () => {
  it.each([[["--help"]], [["get-page", "--help"]], [["--version"]]])(
    "confluence %s loads nothing heavy",
    async (args) => {
      const urls = await loaded(args);
      for (const heavy of HEAVY) expect(urls.filter((url) => url.includes(heavy))).toEqual([]);
    },
  );

  it("confluence mcp (stdio) starts without the emulator, the HTTP client or GraphQL", async () => {
    // stdin is closed at once: the server starts, finds the end of its input and exits. What it
    // loaded until then is what stands between its start and its answer to `initialize`.
    const urls = await loaded(["mcp"]);
    expect(urls.some((url) => url.endsWith("/mcp-stdio.cjs"))).toBe(true);
    for (const heavy of [...HEAVY, "/mcp-http.cjs"]) {
      expect(urls.filter((url) => url.includes(heavy))).toEqual([]);
    }
  });

  it("running an action does load the HTTP client (the recording sees it)", async () => {
    const urls = await loaded(["list-spaces", "--limit", "1"], emulatorEnv(emulator));
    expect(urls.some((url) => url.includes("/node_modules/undici/"))).toBe(true);
  });
});

describe("first run in a clone", () => {
  it("prepare does not rebuild a dist/ already built from the same sources", () => {
    const clone = join(folder, "clone");
    mkdirSync(join(clone, "scripts"), { recursive: true });
    mkdirSync(join(clone, "src"), { recursive: true });
    for (const file of ["prepare.mjs", "build-fingerprint.mjs"]) {
      copyFileSync(join(REPO, "scripts", file), join(clone, "scripts", file));
    }
    // A stand-in build that records each run and leaves a fingerprint as the real one does.
    writeFileSync(
      join(clone, "scripts", "build.mjs"),
      [
        'import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";',
        'import { buildFingerprint, FINGERPRINT_FILE } from "./build-fingerprint.mjs";',
        'mkdirSync("dist", { recursive: true });',
        'appendFileSync("builds.txt", "built\\n");',
        "writeFileSync(FINGERPRINT_FILE, buildFingerprint());",
      ].join("\n"),
    );
    writeFileSync(join(clone, "src", "a.ts"), "export const a = 1;\n");
    const prepare = () =>
      spawnSync(process.execPath, ["scripts/prepare.mjs"], { cwd: clone, encoding: "utf8" });
    const builds = () => readFileSync(join(clone, "builds.txt"), "utf8").split("\n").length - 1;
    expect(prepare().stderr).toContain("building dist/");
    expect(builds()).toBe(1);
    expect(prepare().stderr).toContain("already built");
    expect(builds()).toBe(1);
    writeFileSync(join(clone, "src", "a.ts"), "export const a = 2;\n");
    prepare();
    expect(builds()).toBe(2);
  });

  it("bin/confluence.cjs says on stderr that it builds a missing dist/, then runs", () => {
    const clone = join(folder, "bin-clone");
    mkdirSync(join(clone, "bin"), { recursive: true });
    mkdirSync(join(clone, "scripts"), { recursive: true });
    copyFileSync(join(REPO, "bin", "confluence.cjs"), join(clone, "bin", "confluence.cjs"));
    // A stand-in build producing a CLI that prints its arguments.
    writeFileSync(
      join(clone, "scripts", "build.mjs"),
      [
        'import { mkdirSync, writeFileSync } from "node:fs";',
        'mkdirSync("dist/cli", { recursive: true });',
        'writeFileSync("dist/cli/index.cjs", "exports.main = async (argv) => console.log(argv.slice(2).join(\\" \\"));\\n");',
      ].join("\n"),
    );
    const run = () =>
      spawnSync(process.execPath, ["bin/confluence.cjs", "hello"], {
        cwd: clone,
        encoding: "utf8",
        env: cleanEnv({}),
      });
    const first = run();
    expect(first.stdout).toBe("hello\n");
    expect(first.stderr).toContain("dist/ is not built yet; building it now");
    const second = run();
    expect(second).toMatchObject({ stdout: "hello\n", stderr: "" });
  });
});

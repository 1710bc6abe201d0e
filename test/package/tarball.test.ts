// The published package, as a user gets it: `npm pack` the repository (dist/ as built by
// `npm install`'s prepare step or `npm run build`), install the tarball into an empty project
// outside the repository, then use its library, `confluence-connector/emulator`, the component
// entry and the `confluence` bin. Dependencies come from npm's cache where it has them
// (`npm ci` just filled it), so the test costs seconds, not a download.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

let work: string;
let packed: PackResult;
let project: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "confluence-tarball-"));
  // --ignore-scripts: pack what dist/ holds now instead of rebuilding it (prepare would).
  const { stdout } = await run(
    NPM,
    ["pack", "--json", "--ignore-scripts", "--pack-destination", work],
    { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  packed = (JSON.parse(stdout) as [PackResult])[0];
  project = join(work, "project");
  await run("mkdir", [project]);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "tarball-user", private: true, type: "module" }),
  );
  await run(
    NPM,
    [
      "install",
      join(work, packed.filename),
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--omit=dev",
    ],
    { cwd: project, maxBuffer: 16 * 1024 * 1024 },
  );
}, 180_000);

// Removing the installed project's node_modules (some hundred small packages since the
// Markdown converter's micromark family) takes tens of seconds on a loaded machine.
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe("npm pack", () => {
  it("ships the library, the emulator, the component, the bin and the docs, without source maps", () => {
    const paths = packed.files.map((file) => file.path);
    for (const needed of [
      "package.json",
      "README.md",
      "bin/confluence.cjs",
      "dist/index.js",
      "dist/icon.png",
      "dist/lib/index.js",
      "dist/lib/index.d.ts",
      "dist/lib/emulator/index.js",
      "dist/lib/cli/index.js",
      "docs/confluence.md",
    ]) {
      expect(paths, needed).toContain(needed);
    }
    expect(paths.filter((path) => path.endsWith(".map"))).toEqual([]);
    // Nothing from the repository's development side: tests, sources, the OpenAPI extract.
    expect(paths.filter((path) => /^(test|src|spec|scripts|bench)\//.test(path))).toEqual([]);
    console.log(
      `tarball: ${packed.filename} ${(packed.size / 1024).toFixed(0)} kB packed, ` +
        `${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${paths.length} files`,
    );
  });
});

describe("the installed tarball", () => {
  it("serves the library and the emulator to an ESM program", async () => {
    const program = join(project, "use.mjs");
    writeFileSync(
      program,
      `
import { basicAuth, createConfluenceClient } from "confluence-connector";
import { startEmulator, DEMO_IDS } from "confluence-connector/emulator";
const emulator = await startEmulator({ port: 0, seed: "demo" });
const client = createConfluenceClient({
  host: emulator.url,
  auth: basicAuth(emulator.credentials),
  allowLoopbackHttp: true,
});
try {
  const page = await client.request({ method: "GET", path: "/pages/{id}", pathParams: { id: DEMO_IDS.pages.architecture } });
  let spaces = 0;
  for await (const _ of client.paginate("/spaces", { limit: 1 })) spaces += 1;
  console.log(JSON.stringify({ title: page.data.title, spaces }));
} finally {
  await client.close();
  await emulator.close();
}
`,
    );
    const { stdout } = await run(process.execPath, [program], { cwd: project });
    const result = JSON.parse(stdout.trim()) as { title: string; spaces: number };
    expect(result.title).toEqual(expect.any(String));
    expect(result.spaces).toBeGreaterThan(1);
  });

  it("loads the Prismatic component from its CommonJS entry", async () => {
    const { stdout } = await run(
      process.execPath,
      [
        "-e",
        `const c = require("confluence-connector/component"); const d = c.default ?? c;
         console.log(JSON.stringify({ key: d.key, actions: Object.keys(d.actions).length }));`,
      ],
      { cwd: project },
    );
    const component = JSON.parse(stdout.trim()) as { key: string; actions: number };
    expect(component.key).toEqual(expect.any(String));
    expect(component.actions).toBeGreaterThan(0);
  });

  it("installs the confluence bin, which answers --help and runs an action", async () => {
    const bin = join(project, "node_modules", ".bin", "confluence");
    const help = await run(bin, ["--help"], { cwd: project });
    expect(help.stdout).toMatch(/get-page/);

    const emulator = await startTestEmulator();
    try {
      const env = {
        ...process.env,
        CONFLUENCE_HOST: emulator.url,
        CONFLUENCE_EMAIL: emulator.credentials.email,
        CONFLUENCE_API_TOKEN: emulator.credentials.apiToken,
        CONFLUENCE_ALLOW_LOOPBACK_HTTP: "1",
      };
      const page = await run(bin, ["get-page", "--page-id", DEMO_IDS.pages.architecture], {
        cwd: project,
        env,
      });
      expect(JSON.parse(page.stdout)).toMatchObject({ id: DEMO_IDS.pages.architecture });
    } finally {
      await emulator.close();
    }

    const installed = JSON.parse(
      readFileSync(join(project, "node_modules", "confluence-connector", "package.json"), "utf8"),
    ) as { version: string };
    expect(installed.version).toEqual(expect.any(String));
  });
});

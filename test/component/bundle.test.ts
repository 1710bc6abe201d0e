// The published bundle is self-contained: Prismatic receives dist/ (index.js, icon.png) without
// node_modules, so the bundle may require nothing but Node's builtins, must load from a folder
// with no node_modules in reach, and must run an action end to end.
import { existsSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join } from "node:path";
import { testing } from "@prismatic-io/spectral";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../support/emulator.js";
import { requestsSince } from "../support/emulator-requests.js";
import { type BuiltBundle, buildBundle } from "./built-bundle.js";

type Component = Parameters<typeof testing.createHarness>[0];

let bundle: BuiltBundle;
let emulator: { url: string; close(): Promise<void> };

beforeAll(async () => {
  bundle = buildBundle();
  emulator = await startTestEmulator({ seed: "demo" });
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  bundle?.remove();
});

describe("the built component bundle", () => {
  it("requires only Node builtins", () => {
    const code = readFileSync(join(bundle.dir, "index.js"), "utf8");
    const required = new Set(
      [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? ""),
    );
    expect(required.size).toBeGreaterThan(0);
    // `node:` names resolve only to builtins, never to a package (undici probes `node:sqlite`,
    // which Node 20 lacks, in a try/catch).
    const packages = [...required].filter((name) => !name.startsWith("node:") && !isBuiltin(name));
    expect(packages).toEqual([]);
    expect(existsSync(join(bundle.dir, "icon.png"))).toBe(true);
  });

  it("loads outside the repository and runs actions against Confluence", async () => {
    expect(bundle.dir.startsWith(process.cwd())).toBe(false);
    const component = bundle.load<{ default: Component & { key: string } }>().default;
    expect(component.key).toBe("confluence");
    // Spectral's harness from the repository only calls the bundle's perform functions; the
    // HTTP client doing the work is the bundle's own copy of undici.
    const harness = testing.createHarness(component);
    const connection = {
      key: "basic",
      configVarKey: "",
      fields: { email: "demo@example.com", apiToken: "demo-token", host: emulator.url },
    };
    const logger = { info() {}, warn() {}, error() {}, debug() {} };
    const list = (await harness.action("listPages", { connection, limit: "2" }, {
      logger,
    } as never)) as { data: { results: { id: string }[] } };
    expect(list.data.results).toHaveLength(2);
    const id = list.data.results[0]?.id ?? "";
    const page = (await harness.action("getPage", { connection, pageId: id }, {
      logger,
    } as never)) as { data: { id: string } };
    expect(page.data.id).toBe(id);
    const paths = (await requestsSince(emulator.url, 0)).map((request) => request.path);
    expect(paths).toContain(`/wiki/api/v2/pages/${id}`);
  });
});

// The Markdown converter is loaded on demand only: neither the library entry point nor the
// CLI (whose `--help` start-up time is measured in the bench) may import it, or its parsers,
// statically. Checked on esbuild's module graph of each entry point, dynamic imports excluded.
import { builtinModules } from "node:module";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const ENTRIES = ["src/index.ts", "src/core/index.ts", "src/cli/index.ts"];
const CONVERTER = "src/core/markdown/index.ts";

// One esbuild run for every entry point: the module graph is parsed once.
const graph = build({
  entryPoints: [...ENTRIES, CONVERTER],
  bundle: true,
  write: false,
  outdir: "out",
  metafile: true,
  platform: "node",
  format: "esm",
  logLevel: "silent",
  external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
}).then((result) => result.metafile.inputs);

async function staticInputs(entry: string): Promise<string[]> {
  // Inputs reached only through import() are split out by esbuild's metafile as
  // `dynamic` imports; follow static edges from the entry only.
  const inputs = await graph;
  const seen = new Set<string>();
  const pending = Object.keys(inputs).filter((path) => path.endsWith(entry));
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const edge of inputs[path]?.imports ?? [])
      if (edge.kind !== "dynamic-import" && !edge.external) pending.push(edge.path);
  }
  return [...seen];
}

describe("loading", () => {
  for (const entry of ENTRIES) {
    it(`${entry} does not import the Markdown converter statically`, async () => {
      const inputs = await staticInputs(entry);
      expect(inputs.length).toBeGreaterThan(5);
      expect(
        inputs.filter((path) => /core\/markdown|micromark|mdast|htmlparser2/.test(path)),
      ).toEqual([]);
    });
  }

  it("the converter itself is a module of its own that loads on demand", async () => {
    const inputs = await staticInputs(CONVERTER);
    expect(inputs.some((path) => path.includes("micromark"))).toBe(true);
    const module = await import("../../src/core/markdown/index.js");
    expect(module.markdownToStorage("*x*")).toBe("<p><em>x</em></p>");
  });
});

// Build: the typed ESM library (tsc → dist/lib) and the Prismatic component
// (esbuild → dist/index.js, CommonJS, default export = component, icon beside it).
//
//   node scripts/build.mjs                                   everything into dist/ (with the
//                                                            `confluence` CLI bundle, dist/cli)
//   node scripts/build.mjs --component-only --outdir DIR     only the component bundle, into DIR
//   node scripts/build.mjs --cli-only --outdir DIR           only the CLI bundles, DIR/cli/index.cjs
//                                                            and the MCP server's, DIR/cli/mcp-*.cjs
//                                                            (DIR inside the repository, so that
//                                                            its dependencies resolve)
//
// The second form (no type check, ~1 s) is what the component tests use: each suite builds a
// fresh bundle from the current sources into its own temporary folder, so a test never runs
// against a stale dist/ and parallel suites never race on it.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { buildFingerprint, FINGERPRINT_FILE } from "./build-fingerprint.mjs";

const { values: args } = parseArgs({
  options: {
    "component-only": { type: "boolean", default: false },
    "cli-only": { type: "boolean", default: false },
    outdir: { type: "string", default: "dist" },
  },
});
const outdir = args.outdir;

// jsonc-parser's `main` is a UMD build whose `require("./impl/...")` calls sit inside a factory
// esbuild does not follow; its ES module build (`module`) bundles cleanly. Node itself loads
// the UMD build (dist/lib, the CLI bundle, which keeps dependencies external, and tests).
const alias = { "jsonc-parser": "jsonc-parser/lib/esm/main.js" };
const full = !args["component-only"] && !args["cli-only"];

if (full) {
  rmSync("dist", { recursive: true, force: true });
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
  // The root package is "type": "module"; dist/lib stays ESM.
  writeFileSync("dist/lib/package.json", `${JSON.stringify({ type: "module" })}\n`);
}

if (!args["cli-only"] && existsSync("src/component/index.ts")) {
  mkdirSync(outdir, { recursive: true });
  await build({
    alias,
    entryPoints: ["src/component/index.ts"],
    outfile: join(outdir, "index.js"),
    // `prism components:publish` uploads dist/ alone and Prismatic loads dist/index.js without
    // any node_modules (their component template bundles spectral with webpack), so every
    // package — spectral, undici and their dependencies — goes into the bundle. Only Node's
    // builtins stay `require`d. The optional/dynamic requires of those packages are either
    // builtins loaded lazily (undici probes `node:sqlite` in a try/catch) or jest-util's
    // absolute-path loader, which spectral's test helpers never reach at run time.
    // test/component/bundle.test.ts loads the bundle from a folder outside the repository.
    bundle: true,
    external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
    platform: "node",
    target: "node20",
    format: "cjs",
    // Whitespace and syntax only: identifiers (and so function names in stack traces) stay
    // readable in Prismatic's logs; ~3 MB instead of ~4 MB unminified.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: "warning",
  });
  if (existsSync("assets/icon.png")) copyFileSync("assets/icon.png", join(outdir, "icon.png"));
  // Without this marker Node would load the CommonJS bundle as ESM ("module is not defined"):
  // the root package is "type": "module".
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  const megabytes = (statSync(join(outdir, "index.js")).size / 1e6).toFixed(1);
  console.log(`${join(outdir, "index.js")}: ${megabytes} MB (self-contained component bundle)`);
}

if (!args["component-only"]) {
  // The `confluence` command line (bin/confluence.cjs), bundled into one CommonJS file: Node
  // loads it without starting its ESM loader or resolving ~40 modules, so `confluence --help`
  // costs little more than `node -e 0` (bench/cli-startup.ts). What src/cli imports lazily (the
  // emulator, the catalog's runner) stays lazy: esbuild evaluates those modules, and requires
  // the dependencies they use (fastify, undici, graphql), only on first use.
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));
  // Only commander is bundled into the CLI itself. The MCP server goes into bundles of its own,
  // one per transport (dist/cli/mcp-stdio.cjs, mcp-http.cjs), which `confluence mcp` loads and
  // nothing else does: with the SDK and its zod and ajv in one file, Node reads and evaluates one
  // module instead of ~300, and `confluence mcp` answers `initialize` ~4x sooner, while
  // `--help` never parses them (bench/cli-startup.ts measures both).
  const builtins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
  const external = Object.keys(pkg.dependencies).filter((name) => name !== "commander");
  const MCP_BUNDLES = { "../mcp/stdio.js": "./mcp-stdio.cjs", "../mcp/http.js": "./mcp-http.cjs" };
  await build({
    entryPoints: ["src/cli/index.ts"],
    outfile: join(outdir, "cli", "index.cjs"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: [...builtins, ...external],
    // `import("./mcp-stdio.cjs")` as a `require`: Node's `import()` of a CommonJS file scans the
    // whole file for its exports first (cjs-module-lexer: 120 ms for the MCP bundle).
    supported: { "dynamic-import": false },
    plugins: [
      {
        name: "mcp-bundles",
        setup(on) {
          on.onResolve({ filter: /^\.\.\/mcp\/(stdio|http)\.js$/ }, (args) => ({
            path: MCP_BUNDLES[args.path],
            external: true,
          }));
        },
      },
    ],
    logLevel: "warning",
  });
  // The SDK and what it imports are bundled; the connector's other dependencies (undici,
  // graphql: loaded on the first tool call) stay `require`d from node_modules.
  const mcpExternal = external.filter((name) => name !== "@modelcontextprotocol/sdk");
  for (const [source, bundle] of Object.entries(MCP_BUNDLES)) {
    await build({
      entryPoints: [source.replace("../", "src/").replace(/\.js$/, ".ts")],
      outfile: join(outdir, "cli", bundle),
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      external: [...builtins, ...mcpExternal],
      // As the component: readable names in stack traces, a third of the size.
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: "warning",
    });
  }

  // Read by scripts/prepare.mjs: dist/ is the build of exactly these sources.
  if (full) writeFileSync(FINGERPRINT_FILE, `${buildFingerprint()}\n`);
}

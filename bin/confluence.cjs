#!/usr/bin/env node
// The `confluence` command. It runs the bundled CLI, dist/cli/index.cjs (scripts/build.mjs),
// which `npm install` / `npm ci` build in a clone (the `prepare` script, scripts/prepare.mjs).
// CommonJS on purpose: an ES module here would start Node's ESM loader, a third of the CLI's
// start-up time. If dist/ is missing (installed with --ignore-scripts, or deleted), it says so
// and builds it when the sources are here, rather than failing with a module-not-found trace.
const { execFileSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const entry = join(root, "dist", "cli", "index.cjs");

if (!existsSync(entry)) {
  if (!existsSync(join(root, "scripts", "build.mjs"))) {
    process.stderr.write(`confluence: ${entry} is missing; reinstall confluence-connector.\n`);
    process.exit(1);
  }
  process.stderr.write(
    "confluence: dist/ is not built yet; building it now with `npm run build` (10-20 s, once)...\n",
  );
  // The build's own output goes to stderr too: stdout stays the command's result.
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: ["ignore", 2, 2] });
}

require(entry).main(process.argv);

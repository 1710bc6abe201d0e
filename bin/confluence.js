#!/usr/bin/env node
// The `confluence` command. It runs the bundled CLI in dist/cli (scripts/build.mjs), which `npm install` / `npm ci`
// build in a clone (the `prepare` script, scripts/prepare.mjs). If dist/ is missing (installed
// with --ignore-scripts, or deleted), it says so and builds it when the sources are here,
// rather than failing with a module-not-found trace.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = new URL("../dist/cli/index.js", import.meta.url);

if (!existsSync(entry)) {
  if (!existsSync(new URL("../scripts/build.mjs", import.meta.url))) {
    process.stderr.write(
      `confluence: ${fileURLToPath(entry)} is missing; reinstall confluence-connector.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(
    "confluence: dist/ is not built yet; building it now with `npm run build` (10-20 s, once)...\n",
  );
  // The build's own output goes to stderr too: stdout stays the command's result.
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: ["ignore", 2, 2] });
}

const cli = await import(entry.href);
await cli.main(process.argv);

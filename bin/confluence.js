#!/usr/bin/env node
// The `confluence` command. The TypeScript sources are compiled by `npm run build`
// (run automatically by `npm install` / `npm ci` through the `prepare` script).
import("../dist/lib/cli/index.js").then((cli) => cli.main(process.argv));

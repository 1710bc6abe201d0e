// Build: the typed ESM library (tsc → dist/lib) and the Prismatic component
// (esbuild → dist/index.js, CommonJS, default export = component, icon beside it).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
  stdio: "inherit",
});

if (existsSync("src/component/index.ts")) {
  await build({
    entryPoints: ["src/component/index.ts"],
    outfile: "dist/index.js",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Runtime packages stay `require`d from node_modules: they are all in `dependencies`.
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  mkdirSync("dist", { recursive: true });
  if (existsSync("assets/icon.png")) copyFileSync("assets/icon.png", "dist/icon.png");
  // The root package is "type": "module"; without these markers Node would load the CommonJS
  // bundle dist/index.js as ESM ("module is not defined"). dist/lib stays ESM.
  writeFileSync("dist/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);
  writeFileSync("dist/lib/package.json", `${JSON.stringify({ type: "module" })}\n`);
}

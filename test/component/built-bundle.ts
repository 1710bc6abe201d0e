// The component as `npm run build` bundles it (scripts/build.mjs), built fresh from the current
// sources into a temporary folder outside the repository: no stale dist/, no race between
// parallel suites, and no node_modules reachable from the bundle's folder or its parents —
// as on Prismatic, which gets dist/ alone.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BuiltBundle {
  dir: string;
  /** `require` of `<dir>/index.js`, resolved from inside the bundle's folder. */
  load<T>(): T;
  remove(): void;
}

export function buildBundle(): BuiltBundle {
  const dir = mkdtempSync(join(tmpdir(), "confluence-component-"));
  execFileSync(
    process.execPath,
    ["scripts/build.mjs", "--component-only", "--outdir", dir],
    // No NODE_PATH: the bundle must not find packages anywhere but inside itself.
    { stdio: "pipe", env: { ...process.env, NODE_PATH: "" } },
  );
  const requireFromBundle = createRequire(join(dir, "index.js"));
  return {
    dir,
    load: <T>() => requireFromBundle(join(dir, "index.js")) as T,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

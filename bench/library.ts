// The client under test is the built library (dist/lib, what the package ships and users
// run), not the TypeScript sources through tsx, whose transform wraps functions with helpers
// (keepNames) that cost CPU on every request. `npm run bench` builds first; without a build
// (e.g. running a probe directly) the sources are used.
import { existsSync } from "node:fs";
import type * as Core from "../src/core/index.js";

const built = new URL("../dist/lib/core/index.js", import.meta.url);

export const core: typeof Core = existsSync(built)
  ? ((await import(built.href)) as typeof Core)
  : await import("../src/core/index.js");

/** Where `core` was loaded from, for the report. */
export const coreSource = existsSync(built) ? "dist/lib (built)" : "src (through tsx)";

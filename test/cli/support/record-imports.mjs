// `node --import ./record-imports.mjs`: appends every module URL the process resolves to the
// file named by RECORD_IMPORTS_TO, so a test can check what an invocation loads.
import { register } from "node:module";

register("./record-imports-hooks.mjs", import.meta.url);

// Where the OpenAPI documents the conformance suite reads live: the repository's prose-free
// extract of Atlassian's official documents (spec/openapi/, written by
// scripts/openapi-extract.ts), resolved from the repo root so a bare clone has everything.
// `CONFLUENCE_OPENAPI_DIR` may point at another folder holding the same two files (the full
// official documents, say).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const SPEC_DIR_ENV = "CONFLUENCE_OPENAPI_DIR";

/** The two documents: v2 (`/wiki/api/v2`) and v1 (`/wiki/rest/api`, for endpoints v2 lacks). */
export const SPEC_FILES = { v2: "confluence-v2.json", v1: "confluence-v1.json" } as const;
export type SpecName = keyof typeof SPEC_FILES;

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The directory the specs are read from, and why (for error messages). */
export function specDirectory(env: NodeJS.ProcessEnv = process.env): {
  dir: string;
  source: string;
} {
  const override = env[SPEC_DIR_ENV];
  if (override) return { dir: resolve(override), source: `$${SPEC_DIR_ENV}` };
  return {
    dir: resolve(repoRoot, "spec/openapi"),
    source: `the repository's extract, spec/openapi/ under ${repoRoot}`,
  };
}

/** Reads one spec as parsed JSON; fails loudly, naming where it looked. */
export function readSpecDocument(name: SpecName, env: NodeJS.ProcessEnv = process.env): unknown {
  const { dir, source } = specDirectory(env);
  const file = resolve(dir, SPEC_FILES[name]);
  if (!existsSync(file)) {
    throw new Error(
      `Atlassian OpenAPI spec ${SPEC_FILES[name]} not found: looked for ${file} (${source}). ` +
        `Regenerate the extract with \`npm run openapi:extract\`, or set ${SPEC_DIR_ENV} to the ` +
        `folder holding ${Object.values(SPEC_FILES).join(" and ")}.`,
    );
  }
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Atlassian OpenAPI spec ${file} is not valid JSON: ${String(error)}`);
  }
}

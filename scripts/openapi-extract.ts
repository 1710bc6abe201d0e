// Writes the prose-free extract of Atlassian's official Confluence OpenAPI documents that the
// conformance suite reads (spec/openapi/). Only machine facts are kept: paths, operations,
// parameters, request bodies, responses, schemas, enums, formats, `required`, security and
// scopes. Prose is dropped (description, summary, title, examples, tags' text, narrative),
// including the text fields OpenAPI 3.0 requires (`info.title`, a response's `description`):
// the conformance suite's loader (test/conformance/spec.ts) puts empty ones back.
//
//   npm run openapi:extract                 # reads the official documents (scripts/beside-repo.ts)
//   npm run openapi:extract -- <dir>        # reads <dir>/confluence-v2.json and -v1.json
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { OFFICIAL_OPENAPI_DIR } from "./beside-repo.js";

export const EXTRACT_FILES = { v2: "confluence-v2.json", v1: "confluence-v1.json" } as const;
export type ExtractName = keyof typeof EXTRACT_FILES;

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
/** Where the extract is committed. */
export const EXTRACT_DIR = resolve(repoRoot, "spec/openapi");
/** Where Atlassian's full documents sit beside a checkout that has them (CI does). */
export const OFFICIAL_DIR = OFFICIAL_OPENAPI_DIR;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// Keywords whose value is prose (or an example of data), wherever they are keywords.
const PROSE = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "termsOfService",
  "contact",
  "license",
  "x-atlassian-narrative",
]);

// Keywords whose value is a map from names we must keep (property names, status codes, media
// types, scope names...) to objects that are walked again. A property named "description" is a
// fact about the wire, not prose.
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "paths",
  "schemas",
  "responses",
  "requestBodies",
  "securitySchemes",
  "headers",
  "content",
  "encoding",
  "variables",
  "links",
  "callbacks",
  "flows",
  "parameters", // components.parameters is a map; an operation's is an array (walked as such)
  "definitions",
]);

// Keywords whose value is data, copied as is (an enum of strings is a fact even if it reads
// like words).
const VERBATIM = new Set(["enum", "default", "required", "const", "mapping", "security"]);

function isObject(value: Json): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walk(value: Json): Json {
  if (Array.isArray(value)) return value.map((item) => walk(item));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [name, child] of Object.entries(value)) {
    if (PROSE.has(name)) continue;
    if (VERBATIM.has(name)) out[name] = child;
    else if (name === "scopes" && isObject(child)) out[name] = blankValues(child);
    else if (name === "tags" && Array.isArray(child))
      out[name] = child; // operation tag names
    else if (NAME_MAPS.has(name) && isObject(child)) out[name] = mapValues(child);
    else out[name] = walk(child);
  }
  return out;
}

function mapValues(map: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, child] of Object.entries(map)) {
    out[name] = walk(child);
  }
  return out;
}

function blankValues(map: JsonObject): JsonObject {
  return Object.fromEntries(Object.keys(map).map((name) => [name, ""]));
}

/** The prose-free extract of one document. */
export function extractOpenApi(document: unknown, name: ExtractName): JsonObject {
  if (!isObject(document as Json)) throw new Error(`OpenAPI ${name}: not a JSON object`);
  const source = document as JsonObject;
  const info = isObject(source.info ?? null) ? (source.info as JsonObject) : {};
  const extract = walk({
    openapi: source.openapi ?? null,
    servers: source.servers ?? [],
    paths: source.paths ?? {},
    components: source.components ?? {},
    ...(source.security === undefined ? {} : { security: source.security }),
  }) as JsonObject;
  // The version is a fact; `info.title` is prose (the loader names the document).
  return {
    openapi: extract.openapi ?? null,
    info: {
      version: typeof info.version === "string" ? info.version : "",
    },
    ...extract,
  };
}

/** The extract's file text: stable key order as in the source, one trailing newline. */
export function extractText(document: unknown, name: ExtractName): string {
  return `${JSON.stringify(extractOpenApi(document, name), null, 1)}\n`;
}

export function readOfficial(dir: string, name: ExtractName): unknown {
  return JSON.parse(readFileSync(resolve(dir, EXTRACT_FILES[name]), "utf8"));
}

function main(argv: readonly string[]): void {
  const from = resolve(argv[0] ?? OFFICIAL_DIR);
  for (const name of Object.keys(EXTRACT_FILES) as ExtractName[]) {
    const text = extractText(readOfficial(from, name), name);
    const target = resolve(EXTRACT_DIR, EXTRACT_FILES[name]);
    writeFileSync(target, text);
    console.log(`${target}: ${text.length} bytes (from ${from})`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}

// Writes src/mcp/output-schemas.json: the MCP `outputSchema` of every tool whose result shape is
// known, derived from Atlassian's OpenAPI documents (the committed extract in spec/openapi/) and
// the catalog's output conventions (src/catalog/request.ts: a list is `{ results, nextCursor,
// _links }`, a delete is `{ id, deleted, status }`, anything else is Confluence's own body).
//
//   npm run mcp:schemas          regenerate (test/mcp/output-schemas.test.ts checks it is fresh)
//
// The schemas describe, they do not police: an MCP client validates `structuredContent` against
// them, and real Confluence answers drift from the documents (docs/emulator.md lists known
// drifts), so they keep property names and JSON types two levels deep, with no `required`
// (except the catalog's own wrapper fields), no enums, no formats, and `null` allowed wherever
// the document says `nullable`. Deeper levels are left open (`{}`).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { actions } from "../src/catalog/actions/index.js";
import type { ActionDef } from "../src/catalog/types.js";

type Schema = { [keyword: string]: unknown };
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  components: { schemas: Record<string, Schema> };
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const OUTPUT_FILE = "src/mcp/output-schemas.json";
const V1_ROOT = "/wiki/rest/api";
/** Levels of object properties described; what lies deeper is any JSON value. */
const DEPTH = 2;

/**
 * Actions whose output is not their own endpoint's body: Get Page by Title returns one item of
 * the space's page list. Raw Request and GraphQL return whatever was asked for (no schema).
 */
const OUTPUT_OF: Readonly<Record<string, { endpoint: string; item: true } | "unknown">> = {
  getPageByTitle: { endpoint: "GET /spaces/{id}/pages", item: true },
  rawRequest: "unknown",
  graphqlRequest: "unknown",
};

const load = (name: string): OpenApiDocument =>
  JSON.parse(readFileSync(`${ROOT}spec/openapi/${name}`, "utf8")) as OpenApiDocument;

/** A `$ref`'s target, and `allOf` parts merged into one object schema. */
function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const target = doc.components.schemas[ref.replace("#/components/schemas/", "")];
    return target === undefined ? {} : resolve(doc, target);
  }
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as Schema[]).map((part) => resolve(doc, part));
    const properties = Object.assign({}, ...parts.map((part) => part.properties ?? {}));
    return { type: "object", properties, nullable: schema.nullable };
  }
  return schema;
}

/** The tolerant JSON Schema of an OpenAPI schema, `depth` levels of properties deep. */
function describe(doc: OpenApiDocument, raw: Schema, depth: number): Schema {
  const schema = resolve(doc, raw);
  const type = typeof schema.type === "string" ? schema.type : undefined;
  if (type === undefined || depth < 0) return {};
  const withNull = (t: string) => (schema.nullable === true ? { type: [t, "null"] } : { type: t });
  if (type === "array") {
    const items = schema.items as Schema | undefined;
    return { ...withNull("array"), ...(items ? { items: describe(doc, items, depth - 1) } : {}) };
  }
  if (type !== "object") return withNull(type);
  const properties = Object.fromEntries(
    Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, value]) => [
      name,
      depth === 0 ? {} : describe(doc, value, depth - 1),
    ]),
  );
  return { ...withNull("object"), properties };
}

/** The 2xx JSON body schema of an operation (`GET /pages/{id}`, v1 paths under /wiki/rest/api). */
function responseSchema(endpoint: string): { doc: OpenApiDocument; schema: Schema } | undefined {
  const [method = "", path = ""] = endpoint.split(" ");
  const v1 = path.startsWith(`${V1_ROOT}/`);
  const doc = v1 ? load("confluence-v1.json") : load("confluence-v2.json");
  // The v1 document names full paths (/wiki/rest/api/...); the v2 one is relative to /wiki/api/v2.
  const operation = doc.paths[path]?.[method.toLowerCase()];
  for (const [status, response] of Object.entries(operation?.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    const content = (response as { content?: Record<string, { schema?: Schema }> }).content;
    const schema = content?.["application/json"]?.schema;
    if (schema !== undefined) return { doc, schema };
  }
  return undefined;
}

const isList = (def: ActionDef) => "fetchAll" in def.inputs;

function outputSchema(def: ActionDef): Schema | undefined {
  const override = OUTPUT_OF[def.key];
  if (override === "unknown") return undefined;
  if (def.endpoint.startsWith("DELETE ")) {
    return {
      type: "object",
      properties: {
        id: { type: "string" },
        deleted: { type: "boolean" },
        status: { type: "integer" },
        alreadyDeleted: { type: "boolean" },
      },
      required: ["id", "deleted"],
    };
  }
  const found = responseSchema(override?.endpoint ?? def.endpoint);
  if (found === undefined) return undefined;
  const body = resolve(found.doc, found.schema);
  const results = (body.properties as Record<string, Schema> | undefined)?.results;
  const item = results ? resolve(found.doc, results).items : undefined;
  if (override?.item) {
    return item === undefined ? undefined : describe(found.doc, item as Schema, DEPTH);
  }
  // A tool's result is always an object (MCP requires `type: "object"`), even where the
  // document marks the body nullable (v1 Version, restoreContentVersion's answer).
  if (!isList(def)) return { ...describe(found.doc, found.schema, DEPTH), type: "object" };
  return {
    type: "object",
    properties: {
      results: { type: "array", items: item ? describe(found.doc, item as Schema, DEPTH) : {} },
      nextCursor: { type: "string" },
      _links: { type: "object" },
    },
    required: ["results"],
  };
}

export function outputSchemas(): Record<string, Schema> {
  const entries = Object.values(actions).flatMap((def) => {
    const schema = outputSchema(def);
    return schema === undefined ? [] : [[def.key, schema] as const];
  });
  return Object.fromEntries(entries);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(`${ROOT}${OUTPUT_FILE}`, `${JSON.stringify(outputSchemas(), null, 2)}\n`);
  execFileSync(
    process.execPath,
    ["node_modules/@biomejs/biome/bin/biome", "format", "--write", OUTPUT_FILE],
    {
      cwd: ROOT,
      stdio: "ignore",
    },
  );
  console.log(`${OUTPUT_FILE}: ${Object.keys(outputSchemas()).length} output schemas`);
}

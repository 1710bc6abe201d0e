// What an adapter needs to describe an action to a machine: a JSON Schema (draft 2020-12
// subset, as MCP tools and CLI help use it) of its inputs, and its kind from the HTTP method of
// its endpoint. Derived from the declarations, never written per action.
import type { ActionDef, InputDef } from "./types.js";

export type JsonSchema = { readonly [keyword: string]: unknown };

export interface ObjectSchema {
  readonly type: "object";
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly required: readonly string[];
  readonly additionalProperties: false;
}

/** read: GET (and GraphQL/Raw Request, which may be either: see `actionKind`). */
export type ActionKind = "read" | "write" | "delete";

/** Inputs the host supplies rather than the caller (the connection). */
const HOST_INPUTS = new Set(["connection"]);

/** The method of an action's declared endpoint (`GET /pages/{id}` → GET). */
export function endpointMethod(def: ActionDef): string {
  return def.endpoint.split(" ")[0]?.toUpperCase() ?? "";
}

/**
 * Read, write or delete, from the endpoint's method. Raw Request and GraphQL declare the method
 * they default to; their kind is "write" because the caller chooses the method or mutation.
 */
export function actionKind(def: ActionDef): ActionKind {
  const method = endpointMethod(def);
  if (def.key === "rawRequest" || def.key === "graphqlRequest") return "write";
  if (method === "GET" || method === "HEAD") return "read";
  if (method === "DELETE") return "delete";
  return "write";
}

function describe(input: InputDef): string {
  const text = input.comments === "" ? input.label : `${input.label}: ${input.comments}`;
  return input.docsNote === undefined ? text : `${text} ${input.docsNote}`;
}

/** The schema of one input's value, as a caller that is not a form (an agent, a script) sends it. */
export function inputSchema(input: InputDef): JsonSchema {
  const common: Record<string, unknown> = { title: input.label, description: describe(input) };
  if (input.collection === "keyvaluelist") {
    // Key/value lists are taken as an object ({"limit": "10"}) or a [{key, value}] list.
    return { ...common, type: "object", additionalProperties: { type: "string" } };
  }
  if (input.collection === "valuelist") {
    const items = input.parse.schema?.items ?? { type: "string" };
    return { ...common, type: "array", items };
  }
  if (input.type === "code" && input.language === "json") {
    // JSON inputs take the value itself or its text.
    return {
      ...common,
      type: ["object", "array", "string"],
      ...(input.default === undefined ? {} : { examples: [input.default] }),
    };
  }
  // What the input's parser declares it accepts (type, pattern, range, enum, default): declared
  // beside the check itself in parse.ts, so schema and validation agree.
  const declared = input.parse.schema ?? {};
  const type = declared.type ?? (input.type === "boolean" ? "boolean" : "string");
  // Platform defaults and examples are text ("25"); a schema gives them in the value's type.
  const typed = (text: string): unknown =>
    type === "integer" ? Number(text) : type === "boolean" ? text === "true" : text;
  return {
    ...common,
    type,
    ...(input.choices === undefined || type !== "string" ? {} : { enum: [...input.choices] }),
    ...(input.default === undefined || input.default === ""
      ? {}
      : { default: typed(input.default) }),
    ...(input.example === undefined ? {} : { examples: [typed(input.example)] }),
    ...declared,
  };
}

/** The JSON Schema of an action's inputs (the connection excluded: the host supplies it). */
export function actionInputSchema(def: ActionDef): ObjectSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, input] of Object.entries(def.inputs)) {
    if (HOST_INPUTS.has(key)) continue;
    properties[key] = inputSchema(input);
    if (input.required) required.push(key);
  }
  return { type: "object", properties, required, additionalProperties: false };
}

// Inputs that say where they go (`InputDef.wire`), and the request assembled from them. Action
// files place shared inputs with `path("id", i.pageId)`, `query("body-format", ...)`, so an
// action reads as a table of wire names; the runner assembles the request once (`assemble`).
import type { QueryValue } from "../core/query.js";
import type { KeyValues } from "./parse.js";
import type { DeclaredRequest, InputDef, InputDefs } from "./types.js";

/** An input placed at `{name}` of the endpoint template (the name kept as a literal type). */
export function path<const N extends string, T>(
  name: N,
  input: InputDef<T>,
): InputDef<T> & { readonly wire: { readonly in: "path"; readonly name: N } } {
  return { ...input, wire: { in: "path", name } };
}

/** An input sent as the query parameter `name`; `omitFalse`: a flag sent only when true. */
export function query<T>(name: string, input: InputDef<T>, omitFalse?: "omitFalse"): InputDef<T> {
  return {
    ...input,
    wire: omitFalse === undefined ? { in: "query", name } : { in: "query", name, omitFalse: true },
  };
}

/** An input sent as the field `name` of the JSON body. */
export function body<T>(name: string, input: InputDef<T>): InputDef<T> {
  return { ...input, wire: { in: "body", name } };
}

/** An input sent as the request header `name`. */
export function header<T>(name: string, input: InputDef<T>): InputDef<T> {
  return { ...input, wire: { in: "header", name } };
}

/** Name of a key/value list whose entries are each a query parameter ("Query Parameters"). */
export const EACH_ENTRY = "*";

/** The request the inputs declare, from their parsed values (undefined values left out of the body). */
export function assemble(
  inputs: InputDefs,
  parsed: Readonly<Record<string, unknown>>,
): DeclaredRequest {
  const params: Record<string, string> = {};
  const queryParams: Record<string, QueryValue> = {};
  let extraQuery: KeyValues = [];
  let bodyFields: Record<string, unknown> | undefined;
  const headers: Record<string, string> = {};
  for (const [key, input] of Object.entries(inputs)) {
    const wire = input.wire;
    const value = parsed[key];
    if (wire === undefined) continue;
    if (wire.in === "path") params[wire.name] = value as string;
    else if (wire.in === "query" && wire.name === EACH_ENTRY) extraQuery = value as KeyValues;
    else if (wire.in === "query") {
      queryParams[wire.name] =
        wire.omitFalse && value === false ? undefined : (value as QueryValue);
    } else if (wire.in === "body") {
      bodyFields ??= {};
      if (value !== undefined) bodyFields[wire.name] = value;
    } else if (value !== undefined) headers[wire.name] = String(value);
  }
  return { params, query: queryParams, extraQuery, body: bodyFields, headers };
}

/** The `{name}` placeholders of an endpoint (`GET /pages/{id}` → ["id"]), in order. */
export function placeholders(endpoint: string): string[] {
  return [...endpoint.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? "");
}

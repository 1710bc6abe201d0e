// The MCP tools: one per catalog action, derived from its declaration (name, title,
// description, input JSON Schema, annotations) and never written per action. Subsets keep the
// tool list small for agents: read-only, named tools, or toolsets (pages, spaces, ...).
// The action definitions and their schemas only: no HTTP client or GraphQL parser is loaded to
// list tools (start-up time).
import { actions } from "../catalog/actions/index.js";
import {
  type ActionKind,
  actionInputSchema,
  actionKind,
  endpointMethod,
  type ObjectSchema,
} from "../catalog/json-schema.js";
import type { ActionDef } from "../catalog/types.js";

export interface ToolAnnotations {
  readonly title: string;
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

export interface ToolSpec {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: ObjectSchema;
  readonly annotations: ToolAnnotations;
  readonly kind: ActionKind;
  readonly toolset: string;
  readonly action: ActionDef;
}

export interface ToolSelection {
  /** Only tools that read (no write, no delete). */
  readonly readOnly?: boolean;
  /** Only these tool names (snake_case) or action keys. */
  readonly tools?: readonly string[];
  /** Only these toolsets (see `toolsetOf`). */
  readonly toolsets?: readonly string[];
}

/** `getPage` → `get_page`. */
export const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The toolset of an action, from its endpoint: content properties of any kind are
 * "properties"; otherwise the first path segment (`/pages/...` → pages, v1's
 * `/wiki/rest/api/search` → search); Raw Request and
 * GraphQL are "raw".
 */
export function toolsetOf(def: ActionDef): string {
  // v1 operations (`/wiki/rest/api/search`) are grouped by what follows the v1 root.
  const path = (def.endpoint.split(" ")[1] ?? "").replace(/^\/wiki\/rest\/api(?=\/)/, "");
  if (def.key === "rawRequest" || def.key === "graphqlRequest" || !path.startsWith("/")) {
    return "raw";
  }
  if (path.includes("/properties")) return "properties";
  return path.split("/")[1] ?? "raw";
}

function annotationsOf(def: ActionDef, kind: ActionKind): ToolAnnotations {
  const method = endpointMethod(def);
  return {
    title: def.label,
    readOnlyHint: kind === "read",
    // DELETE removes; PUT replaces what is there (a page body, a property value).
    destructiveHint: kind === "delete" || (kind === "write" && method !== "POST"),
    idempotentHint: kind === "read" || method === "PUT" || method === "DELETE",
    // Every tool talks to a Confluence site: an open world of content other people change.
    openWorldHint: true,
  };
}

export function toolFor(def: ActionDef): ToolSpec {
  const kind = actionKind(def);
  return {
    name: snakeCase(def.key),
    title: def.label,
    description: `${def.description} (Confluence: ${def.endpoint})`,
    inputSchema: actionInputSchema(def),
    annotations: annotationsOf(def, kind),
    kind,
    toolset: toolsetOf(def),
    action: def,
  };
}

/** Every tool, in catalog order. */
export function allTools(): ToolSpec[] {
  return Object.values(actions).map(toolFor);
}

/** The tools a selection keeps; unknown names or toolsets are an error naming them. */
export function selectTools(selection: ToolSelection = {}): ToolSpec[] {
  const all = allTools();
  const known = new Set(all.flatMap((tool) => [tool.name, tool.action.key]));
  const unknownTools = (selection.tools ?? []).filter((name) => !known.has(name));
  if (unknownTools.length > 0) {
    throw new Error(`unknown tool(s): ${unknownTools.join(", ")}`);
  }
  const toolsets = new Set(all.map((tool) => tool.toolset));
  const unknownSets = (selection.toolsets ?? []).filter((name) => !toolsets.has(name));
  if (unknownSets.length > 0) {
    throw new Error(
      `unknown toolset(s): ${unknownSets.join(", ")} (known: ${[...toolsets].join(", ")})`,
    );
  }
  return all.filter(
    (tool) =>
      (!selection.readOnly || tool.kind === "read") &&
      (selection.tools === undefined ||
        selection.tools.includes(tool.name) ||
        selection.tools.includes(tool.action.key)) &&
      (selection.toolsets === undefined || selection.toolsets.includes(tool.toolset)),
  );
}

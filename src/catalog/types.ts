// The catalog's vocabulary: plain data describing connections and actions. Nothing here knows
// about Prismatic/spectral; adapters (src/component, scripts/docs.ts) translate these shapes.
import type { Clock, ConfluenceClient, QueryValue } from "../core/index.js";

/** Input widget kinds, a subset of what integration platforms offer. */
export type InputType = "string" | "text" | "password" | "boolean" | "code" | "connection";

/**
 * Where an input's value goes on the wire: a path parameter (`name` is the `{name}` of the
 * endpoint template), a query parameter, a field of the JSON body or a header. `omitFalse`: a
 * flag sent only when true (Confluence's default is false). A key/value list placed in the query
 * with name `*` adds each of its entries as a parameter ("Query Parameters"; they win over the
 * declared ones). Inputs without a wire are controls (connection, paging, debug).
 */
export type Wire =
  | { readonly in: "path"; readonly name: string }
  | { readonly in: "query"; readonly name: string; readonly omitFalse?: true }
  | { readonly in: "body" | "header"; readonly name: string };

/**
 * One input of an action. `label`, `comments` and `default` are the specification's exact text
 * (a `<br />` in the specification's table is a newline here). `parse` turns the raw value the
 * platform delivers (strings, booleans, key/value lists) into what the action needs, or throws an
 * `InvalidValue` saying why; the runner adds the label. Its constraints (type, pattern, range,
 * enum, default) are data on the parser (`parse.schema`), from which json-schema.ts derives the
 * input's JSON Schema.
 */
export interface InputDef<T = unknown> {
  readonly label: string;
  readonly comments: string;
  readonly default?: string;
  readonly type: InputType;
  readonly collection?: "valuelist" | "keyvaluelist";
  readonly required: boolean;
  readonly language?: "json" | "graphql";
  /** Allowed values, shown as a picklist. */
  readonly choices?: readonly string[];
  readonly example?: string;
  readonly placeholder?: string;
  /** Extra sentence for the generated reference docs (never replaces `comments`). */
  readonly docsNote?: string;
  /** Where the value goes in the request (see `Wire`); the default run assembles it from this. */
  readonly wire?: Wire;
  /** Coerces and validates; its optional `schema` says what it accepts (parse.ts `described`). */
  readonly parse: ((raw: unknown) => T) & {
    readonly schema?: { readonly [keyword: string]: unknown };
  };
  /** What the connector converts around the request for this value (see `InputConversion`). */
  readonly convert?: InputConversion<T>;
}

/**
 * A conversion the connector performs around the request for one input (Markdown bodies:
 * src/catalog/markdown-bodies.ts), declared on the input so that every action using it gets it.
 * The runner (src/catalog/conversions.ts) applies `request` to the parsed value before anything
 * is sent — the request and an action's `run` see its result — and `output` to the action's
 * output, with the value the caller gave. Both may load modules on demand.
 */
export interface InputConversion<T> {
  /** What it converts, for adapters that describe it (the MCP server's defaults and texts). */
  readonly kind: "markdownBody" | "markdownFormat";
  // Method syntax: an InputDef<string> is still an InputDef (parameters compared bivariantly).
  request?(value: T): Promise<T>;
  output?(value: T, output: ActionOutput): Promise<ActionOutput>;
}

export type InputDefs = Readonly<Record<string, InputDef>>;

export type ParsedInputs<I extends InputDefs> = {
  [K in keyof I]: I[K] extends InputDef<infer T> ? T : never;
};

/** Where action log lines go (the platform's logger in the component, console in the CLI). */
export interface ActionLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug?(message: string): void;
}

/** What the platform hands us for a connection input (Prismatic's `Connection` shape). */
export interface ConnectionValue {
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly token?: Readonly<Record<string, unknown>>;
}

export interface RunContext {
  readonly client: ConfluenceClient;
  readonly logger: ActionLogger;
  readonly debug: boolean;
  /** The connected site's origin when known before any request (Raw Request's URL check). */
  readonly siteOrigin: string | undefined;
  /** The action's declared `endpoint` (`GET /pages/{id}`): what `callApi`/`listApi` call. */
  readonly endpoint: string;
  /** The request assembled from the inputs' `wire` declarations (request.ts `assemble`). */
  readonly request: DeclaredRequest;
  /** The runtime's clock: waits between polls of a long-running task (Delete Space). */
  readonly clock: Clock;
}

/** Path parameters, query, body fields and headers, as the inputs declare them (`Wire`). */
export interface DeclaredRequest {
  readonly params: Readonly<Record<string, string>>;
  /** Declared query parameters, then the "Query Parameters" entries (`extraQuery`). */
  readonly query: Readonly<Record<string, QueryValue>>;
  readonly extraQuery: readonly (readonly [string, string])[];
  /** Undefined when no input goes in the body. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * An action's result: `data` is the step output; `contentType` is set for binary/text bodies,
 * `fileName` for a file (Download Attachment).
 */
export interface ActionOutput {
  readonly data: unknown;
  readonly contentType?: string;
  readonly fileName?: string;
}

export interface ActionDef<I extends InputDefs = InputDefs> {
  /** Stable camelCase key (the same keys as Prismatic's own Confluence component). */
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /**
   * Confluence operation this action calls: a v2 template relative to /wiki/api/v2
   * (`GET /pages/{id}`), or a v1 path under /wiki/rest/api (`GET /wiki/rest/api/search`). Each
   * `{param}` is filled by the one input whose wire is `{ in: "path", name: param }`
   * (`defineAction` checks it at compile time, test/catalog/wire.test.ts over the catalog).
   */
  readonly endpoint: string;
  /** Added beyond the specification's 29 actions; documented in a section of its own. */
  readonly beyondSpecification?: true;
  readonly inputs: I;
  /**
   * Only for actions with logic of their own (safe writes, Raw Request, cross-input checks):
   * without it the runner calls the endpoint with the request the inputs declare (request.ts
   * `runDeclared`). Runs with every input already parsed. Any further (cross-input) validation
   * must happen before the first `ctx.client` call so that a bad input never sends a request.
   */
  readonly run?: (input: ParsedInputs<I>, ctx: RunContext) => Promise<ActionOutput>;
}

export interface ConnectionInputDef {
  readonly label: string;
  readonly comments: string;
  readonly default?: string;
  readonly type: "string" | "password";
  readonly required: boolean;
  readonly placeholder?: string;
  readonly example?: string;
  /** Extra sentence for the generated reference docs (never replaces `comments`). */
  readonly docsNote?: string;
}

export interface ConnectionDef {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /** OAuth 2.0 authorization-code connections carry these input keys by platform convention. */
  readonly oauth2: boolean;
  readonly inputs: Readonly<Record<string, ConnectionInputDef>>;
}

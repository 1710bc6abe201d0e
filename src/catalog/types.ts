// The catalog's vocabulary: plain data describing connections and actions. Nothing here knows
// about Prismatic/spectral; adapters (src/component, scripts/docs.ts) translate these shapes.
import type { ConfluenceClient } from "../core/index.js";

/** Input widget kinds, a subset of what integration platforms offer. */
export type InputType = "string" | "text" | "password" | "boolean" | "code" | "connection";

/**
 * One input of an action. `label`, `comments` and `default` are the specification's exact text
 * (a `<br />` in the specification's table is a newline here). `parse` turns the raw value the
 * platform delivers (strings, booleans, key/value lists) into what the action needs, or throws an
 * `InvalidValue` saying why; the runner adds the label.
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
  /** Coerces and validates; its optional `schema` says what it accepts (parse.ts `described`). */
  readonly parse: ((raw: unknown) => T) & {
    readonly schema?: { readonly [keyword: string]: unknown };
  };
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
}

/** An action's result: `data` is the step output; `contentType` is set for binary/text bodies. */
export interface ActionOutput {
  readonly data: unknown;
  readonly contentType?: string;
}

export interface ActionDef<I extends InputDefs = InputDefs> {
  /** Stable camelCase key (the same keys as Prismatic's own Confluence component). */
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /**
   * Confluence operation this action calls, for docs and tests: a v2 template relative to
   * /wiki/api/v2 (`GET /pages/{id}`), or a v1 path under /wiki/rest/api (`GET /wiki/rest/api/search`).
   */
  readonly endpoint: string;
  /** Added beyond the specification's 29 actions; documented in a section of its own. */
  readonly beyondSpecification?: true;
  readonly inputs: I;
  /**
   * Runs with every input already parsed. Any further (cross-input) validation must happen
   * before the first `ctx.client` call so that a bad input never sends a request.
   */
  run(input: ParsedInputs<I>, ctx: RunContext): Promise<ActionOutput>;
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

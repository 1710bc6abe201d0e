// Markdown bodies (docs/markdown.md, "In the actions"): a representation the connector adds to
// Confluence's. A write body given as {"representation": "markdown", "value": "# Title"} is
// converted to storage before the request (what Confluence stores); "markdown" as a Body Format
// reads storage from Confluence and returns each body as `body.markdown`
// ({ representation: "markdown", value }) in place of `body.storage`. Declared on the shared
// inputs (inputs.ts) as their `convert`, so every action using them gets it. The converter
// (src/core/markdown) is imported on first use only: the CLI's help and the MCP server's start
// never load its parsers (test/markdown/loading.test.ts, test/cli/startup.test.ts).
import { InvalidValue } from "./input-error.js";
import type { Parser } from "./parse.js";
import type { ActionOutput, InputConversion } from "./types.js";

export const MARKDOWN = "markdown";

type Json = Record<string, unknown>;

const converter = () => import("../core/markdown/index.js");

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The storage text of a content object's body (`body.storage.value`), if it has one. */
function storageOf(item: unknown): string | undefined {
  if (!isObject(item) || !isObject(item.body) || !isObject(item.body.storage)) return undefined;
  const value = item.body.storage.value;
  return typeof value === "string" ? value : undefined;
}

function withMarkdown(item: unknown, toMarkdown: (storage: string) => string): unknown {
  const storage = storageOf(item);
  if (storage === undefined) return item;
  const { storage: _storage, ...otherBodies } = (item as { body: Json }).body;
  const markdown = { representation: MARKDOWN, value: toMarkdown(storage) };
  return { ...(item as Json), body: { ...otherBodies, markdown } };
}

/**
 * The output with every storage body as Markdown: one content object, or each of a list's
 * `results`. The converter loads only when there is a body to convert.
 */
export async function markdownBodies(output: ActionOutput): Promise<ActionOutput> {
  const { data } = output;
  const list = isObject(data) && Array.isArray(data.results) ? data.results : undefined;
  if (!(list ?? [data]).some((item) => storageOf(item) !== undefined)) return output;
  const { storageToMarkdown } = await converter();
  const convert = (item: unknown) => withMarkdown(item, storageToMarkdown);
  return list === undefined
    ? { ...output, data: convert(data) }
    : { ...output, data: { ...(data as Json), results: list.map(convert) } };
}

/** A Body Format that offers "markdown": storage is requested, bodies come back as Markdown. */
export function markdownFormat<T extends string | undefined>(): InputConversion<T> {
  return {
    kind: "markdownFormat",
    request: async (format) => (format === MARKDOWN ? ("storage" as T) : format),
    output: async (format, output) => (format === MARKDOWN ? markdownBodies(output) : output),
  };
}

const isMarkdownBody = (body: Json | undefined): body is Json & { value: string } =>
  body?.representation === MARKDOWN && typeof body.value === "string";

/** A write body's parser that also checks the Markdown form ({ representation, value }). */
export function markdownBodyParser<T extends Json | undefined>(parse: Parser<T>): Parser<T> {
  const checked = (raw: unknown): T => {
    const body = parse(raw);
    if (body?.representation === MARKDOWN && typeof body.value !== "string") {
      throw new InvalidValue(
        'with "representation": "markdown", "value" must be the Markdown text (a string)',
      );
    }
    return body;
  };
  return parse.schema === undefined ? checked : Object.assign(checked, { schema: parse.schema });
}

/**
 * A write body ({ representation, value }) that may be Markdown: sent as storage, and the content
 * Confluence answers with comes back with its body as Markdown too.
 */
export function markdownBody<T extends Json | undefined>(): InputConversion<T> {
  return {
    kind: "markdownBody",
    request: async (body) => {
      if (!isMarkdownBody(body)) return body;
      const { markdownToStorage } = await converter();
      return { ...body, representation: "storage", value: markdownToStorage(body.value) } as T;
    },
    output: async (body, output) => (isMarkdownBody(body) ? markdownBodies(output) : output),
  };
}

export const MARKDOWN_FORMAT_NOTE =
  'Beyond the specification: "markdown" reads the body as storage and returns it as Markdown, in `body.markdown` ({ "representation": "markdown", "value": ... }) instead of `body.storage`; the conversion is lossless (see docs/markdown.md).';

export const MARKDOWN_BODY_NOTE =
  'Beyond the specification: { "representation": "markdown", "value": "# Title ..." } takes Markdown (see docs/markdown.md), converted to storage before it is sent; the content then comes back with its body as Markdown, in `body.markdown`.';

// Bodies for the content triggers' events. CQL search (what the triggers poll) returns content
// without bodies, so a trigger given a Body Format reads each delivered event's body through v2,
// one request per delivered event, after the poll: `GET /pages/{id}?version=N` (the version the
// event is about), `GET /blogposts/{id}`, `GET /footer-comments/{id}` or `/inline-comments/{id}`
// (by the comment's `extensions.location`), with `body-format`. Without a Body Format nothing is
// read and a poll costs what it did. "markdown" reads storage and converts it
// (markdown-bodies.ts), as the actions' Body Format does.
import { ConfluenceApiError } from "../../core/errors.js";
import type { ConfluenceClient } from "../../core/types.js";
import * as i from "../inputs.js";
import { MARKDOWN, MARKDOWN_FORMAT_NOTE, markdownBodies } from "../markdown-bodies.js";
import * as p from "../parse.js";

const FORMATS = ["storage", "atlas_doc_format", MARKDOWN] as const;
export type TriggerBodyFormat = (typeof FORMATS)[number];

export const triggerBodyFormat = i.defineInput({
  label: "Body Format",
  comments:
    "Also return each event's body in this format, in content.body (one more request per delivered event). Leave blank for no body (the search result only).",
  type: "string",
  required: false,
  choices: FORMATS,
  parse: p.oneOf(FORMATS),
  docsNote: MARKDOWN_FORMAT_NOTE,
});

/** The v2 endpoints the bodies are read from (for the docs). */
export const BODY_ENDPOINTS = [
  "GET /pages/{id}",
  "GET /blogposts/{id}",
  "GET /footer-comments/{comment-id}",
  "GET /inline-comments/{comment-id}",
] as const;

type Json = Record<string, unknown>;

interface EventContent {
  id?: string;
  type?: string;
  version?: { number?: number };
  extensions?: { location?: string };
}

/** Where the v2 body of a search result's content is read, or undefined for other types. */
function bodySources(content: EventContent): { path: string; query: Json }[] | undefined {
  switch (content.type) {
    case "page": {
      const version = content.version?.number;
      return [{ path: "/pages/{id}", query: version === undefined ? {} : { version } }];
    }
    case "blogpost":
      return [{ path: "/blogposts/{id}", query: {} }];
    case "comment": {
      const location = content.extensions?.location;
      const footer = { path: "/footer-comments/{id}", query: {} };
      const inline = { path: "/inline-comments/{id}", query: {} };
      if (location === "inline") return [inline];
      if (location === "footer") return [footer];
      return [footer, inline];
    }
    default:
      return undefined;
  }
}

async function readBody(
  client: ConfluenceClient,
  content: EventContent,
  format: TriggerBodyFormat,
  debug: boolean,
): Promise<Json | undefined> {
  const sources = content.id === undefined ? undefined : bodySources(content);
  for (const source of sources ?? []) {
    try {
      const response = await client.request<Json>({
        path: source.path,
        pathParams: { id: content.id ?? "" },
        query: { ...source.query, "body-format": format === MARKDOWN ? "storage" : format },
        debug,
      });
      const read =
        format === MARKDOWN ? (await markdownBodies({ data: response.data })).data : response.data;
      return (read as { body?: Json }).body;
    } catch (error) {
      // Deleted (or of the other comment kind) since it was found: no body, the event stays.
      if (!(error instanceof ConfluenceApiError && error.status === 404)) throw error;
    }
  }
  return undefined;
}

/** The events with `content.body` read in `format` (the client bounds how many run at once). */
export function withBodies(
  client: ConfluenceClient,
  events: readonly unknown[],
  format: TriggerBodyFormat | undefined,
  debug: boolean,
): Promise<unknown[]> {
  if (format === undefined) return Promise.resolve([...events]);
  return Promise.all(
    events.map(async (event) => {
      const content = (event as { content?: EventContent }).content;
      if (content === undefined) return event;
      const body = await readBody(client, content, format, debug);
      return body === undefined ? event : { ...(event as Json), content: { ...content, body } };
    }),
  );
}

// The polling triggers, declared as data. Each one is a feed (feeds.ts) run through the shared
// change detector (poller.ts); the component turns them into spectral polling triggers.
import { cqlString, splitOrderBy } from "../cql.js";
import { InvalidValue } from "../input-error.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import type { PollState, TriggerDef } from "../source-types.js";
import type { InputDefs, ParsedInputs, RunContext } from "../types.js";
import { BODY_ENDPOINTS, triggerBodyFormat, withBodies } from "./bodies.js";
import { type ContentEvent, contentFeed, spacesFeed } from "./feeds.js";
import { pollFeed } from "./poller.js";

function defineTrigger<I extends InputDefs>(def: TriggerDef<I>): TriggerDef<I> {
  return def;
}

const SEARCH = "GET /wiki/rest/api/search";

const spaceKey = i.defineInput({
  label: "Space Key",
  comments: "Only content of this space (all spaces the connection can see when empty).",
  type: "string",
  required: false,
  example: "ENG",
  parse: p.optionalText,
});

/** A CQL condition added to the trigger's own; its ordering is the trigger's, so none here. */
const cqlFilter = i.defineInput({
  label: "CQL Filter",
  comments:
    'Only content that also matches this Confluence Query Language condition, e.g. label = "release-notes". No ORDER BY: the trigger orders by date itself.',
  type: "string",
  required: false,
  example: 'label = "release-notes"',
  parse: p.described({ type: "string" }, (raw) => {
    const text = p.optionalText(raw);
    if (text !== undefined && splitOrderBy(text).orderBy !== undefined) {
      throw new InvalidValue("must not contain ORDER BY (the trigger orders by date)");
    }
    return text;
  }),
});

/** The CQL condition of a content trigger. */
export function contentCondition(
  type: string,
  spaceKey: string | undefined,
  filter: string | undefined,
): string {
  return [
    `type = ${type}`,
    spaceKey === undefined ? undefined : `space = ${cqlString(spaceKey)}`,
    filter === undefined ? undefined : `(${filter})`,
  ]
    .filter((clause) => clause !== undefined)
    .join(" AND ");
}

const contentInputs = {
  connection: i.connection,
  spaceKey,
  cqlFilter,
  bodyFormat: triggerBodyFormat,
  debugRequest: i.debugRequest,
};
type ContentInputs = ParsedInputs<typeof contentInputs>;

function contentPoll(type: string, event: ContentEvent) {
  return async (input: ContentInputs, ctx: RunContext, state: PollState | undefined) => {
    const result = await pollFeed(
      contentFeed(
        ctx.client,
        contentCondition(type, input.spaceKey, input.cqlFilter),
        event,
        ctx.debug,
      ),
      state,
    );
    // Bodies only when asked for, and only for what is delivered (bodies.ts).
    const events = await withBodies(ctx.client, result.events, input.bodyFormat, ctx.debug);
    return { ...result, events };
  };
}

export const newAndUpdatedPages = defineTrigger({
  key: "newAndUpdatedPages",
  label: "New and Updated Pages",
  description:
    "Checks for pages created or updated since the last poll, optionally in one space or matching a CQL condition; each new version is delivered once.",
  endpoints: [SEARCH, BODY_ENDPOINTS[0]],
  inputs: contentInputs,
  poll: contentPoll("page", "changed"),
});

export const newBlogPosts = defineTrigger({
  key: "newBlogPosts",
  label: "New Blog Posts",
  description:
    "Checks for blog posts created since the last poll, optionally in one space or matching a CQL condition.",
  endpoints: [SEARCH, BODY_ENDPOINTS[1]],
  inputs: contentInputs,
  poll: contentPoll("blogpost", "created"),
});

export const newComments = defineTrigger({
  key: "newComments",
  label: "New Comments",
  description:
    "Checks for comments (footer and inline) created since the last poll, optionally in one space or matching a CQL condition.",
  endpoints: [SEARCH, BODY_ENDPOINTS[2], BODY_ENDPOINTS[3]],
  inputs: contentInputs,
  poll: contentPoll("comment", "created"),
});

export const newSpaces = defineTrigger({
  key: "newSpaces",
  label: "New Spaces",
  description: "Checks for spaces created since the last poll.",
  endpoints: ["GET /spaces"],
  inputs: { connection: i.connection, debugRequest: i.debugRequest },
  poll: (_input, ctx, state) => pollFeed(spacesFeed(ctx.client, ctx.debug), state),
});

/** Every trigger by key. */
export const triggers: Readonly<Record<string, TriggerDef>> = Object.fromEntries(
  [newAndUpdatedPages, newSpaces, newComments, newBlogPosts].map((def) => [
    def.key,
    def as unknown as TriggerDef,
  ]),
);

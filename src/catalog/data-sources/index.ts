// Data sources: pickers for configuration screens (a space, a page of a space, an attachment of
// a page, a label), declared as data. Each returns `{ label, key }` choices, the picklist shape
// Prismatic expects (https://prismatic.io/docs/custom-connectors/data-sources/); keys are the ids
// the actions take (Space Id, Page Id, Attachment Id) or the label's name.
import { cqlString } from "../cql.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import type { DataSourceDef, PicklistItem } from "../source-types.js";
import type { InputDefs, RunContext } from "../types.js";

function defineDataSource<I extends InputDefs>(def: DataSourceDef<I>): DataSourceDef<I> {
  return def;
}

/** A picker lists at most this many choices (a longer list is not something to scroll). */
export const MAX_CHOICES = 1000;
/** v2 lists return at most 250 items a page. */
const PAGE_SIZE = 250;

/** Up to MAX_CHOICES items of a v2 list, following its cursor. */
async function collect<T>(
  ctx: RunContext,
  path: string,
  options: { pathParams?: Record<string, string>; query?: Record<string, string> },
  toItem: (item: T) => PicklistItem,
): Promise<PicklistItem[]> {
  const items: PicklistItem[] = [];
  for await (const item of ctx.client.paginate<T>(path, {
    ...options,
    limit: PAGE_SIZE,
    debug: ctx.debug,
  })) {
    items.push(toItem(item));
    if (items.length === MAX_CHOICES) break;
  }
  return items;
}

interface Named {
  id: string;
  title?: string;
  name?: string;
  key?: string;
}

export const selectSpace = defineDataSource({
  key: "selectSpace",
  label: "Select Space",
  description: "A picklist of the spaces the connection can see (key: the Space Id).",
  endpoints: ["GET /spaces"],
  inputs: { connection: i.connection, debugRequest: i.debugRequest },
  run: (_input, ctx) =>
    collect<Named>(ctx, "/spaces", { query: { sort: "name" } }, (space) => ({
      label: `${space.name ?? space.id} (${space.key ?? ""})`,
      key: space.id,
    })),
});

const titleSearch = i.defineInput({
  label: "Title Search",
  comments: "Only pages whose title contains these words (CQL title ~); all pages when empty.",
  type: "string",
  required: false,
  example: "meeting notes",
  parse: p.optionalText,
});

/** Search results are capped at 100 per request; a title search shows its first 100. */
const SEARCH_CHOICES = 100;

export const selectPage = defineDataSource({
  key: "selectPage",
  label: "Select Page",
  description:
    "A picklist of a space's current pages, optionally those whose title contains words (key: the Page Id).",
  endpoints: ["GET /spaces/{id}/pages", "GET /spaces/{id}", "GET /wiki/rest/api/search"],
  inputs: {
    connection: i.connection,
    spaceId: i.spaceId,
    titleSearch,
    debugRequest: i.debugRequest,
  },
  run: async (input, ctx) => {
    const toItem = (page: Named): PicklistItem => ({ label: page.title ?? page.id, key: page.id });
    if (input.titleSearch === undefined) {
      return collect<Named>(
        ctx,
        "/spaces/{id}/pages",
        { pathParams: { id: input.spaceId }, query: { sort: "title", status: "current" } },
        toItem,
      );
    }
    // CQL filters by space key, v2 by space id: the key is looked up first.
    const space = await ctx.client.request<{ key: string }>({
      method: "GET",
      path: "/spaces/{id}",
      pathParams: { id: input.spaceId },
      debug: ctx.debug,
    });
    const cql = `type = page AND space = ${cqlString(space.data.key)} AND title ~ ${cqlString(input.titleSearch)} ORDER BY title`;
    const found = await ctx.client.request<{ results?: { content?: Named }[] }>({
      method: "GET",
      api: "v1",
      path: "/search",
      query: { cql, limit: SEARCH_CHOICES },
      debug: ctx.debug,
    });
    return (found.data.results ?? [])
      .map((result) => result.content)
      .filter((content): content is Named => content !== undefined)
      .map(toItem);
  },
});

export const selectAttachment = defineDataSource({
  key: "selectAttachment",
  label: "Select Attachment",
  description: "A picklist of a page's attachments (key: the Attachment Id).",
  endpoints: ["GET /pages/{id}/attachments"],
  inputs: { connection: i.connection, pageId: i.pageId, debugRequest: i.debugRequest },
  run: (input, ctx) =>
    collect<Named>(
      ctx,
      "/pages/{id}/attachments",
      { pathParams: { id: input.pageId } },
      (attachment) => ({ label: attachment.title ?? attachment.id, key: attachment.id }),
    ),
});

const labelPage = i.defineInput({
  label: "Page Id",
  comments: "Only this page's labels; every label of the site when empty.",
  type: "string",
  required: false,
  example: "123456",
  parse: p.optionalNumericId,
});

export const selectLabel = defineDataSource({
  key: "selectLabel",
  label: "Select Label",
  description: "A picklist of labels: a page's, or the site's (key: the label's name).",
  endpoints: ["GET /pages/{id}", "GET /labels"],
  inputs: { connection: i.connection, pageId: labelPage, debugRequest: i.debugRequest },
  run: async (input, ctx) => {
    const toItem = (label: { name: string; prefix?: string }): PicklistItem => ({
      label: label.name,
      key: label.name,
    });
    if (input.pageId === undefined) {
      return collect(ctx, "/labels", {}, toItem);
    }
    const page = await ctx.client.request<{ labels?: { results?: { name: string }[] } }>({
      method: "GET",
      path: "/pages/{id}",
      pathParams: { id: input.pageId },
      query: { "include-labels": true },
      debug: ctx.debug,
    });
    return (page.data.labels?.results ?? []).map(toItem);
  },
});

/** Every data source by key. */
export const dataSources: Readonly<Record<string, DataSourceDef>> = Object.fromEntries(
  [selectSpace, selectPage, selectAttachment, selectLabel].map((def) => [
    def.key,
    def as unknown as DataSourceDef,
  ]),
);

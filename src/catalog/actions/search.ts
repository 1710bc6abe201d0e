// Search Content: CQL search, beyond the specification. Confluence has no v2 search; the
// supported operation is v1 searchByCQL, `GET /wiki/rest/api/search`
// (https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/), paged by the
// cursor of `_links.next`. "Text" turns plain words into `text ~ "..."` (CQL's full-text field,
// https://developer.atlassian.com/cloud/confluence/cql-fields/#text), combined with any CQL.
import { ConfluenceError } from "../../core/errors.js";
import { searchQuery } from "../cql.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import { listApi } from "../request.js";
import { defineAction } from "./define.js";

const CONTENT_TYPES = ["page", "blogpost", "attachment", "comment"] as const;

export const searchContent = defineAction({
  key: "searchContent",
  label: "Search Content",
  description:
    "Searches pages, blog posts, attachments and comments with the Confluence Query Language (CQL) or plain text.",
  endpoint: "GET /wiki/rest/api/search",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    cql: i.defineInput({
      label: "CQL",
      comments:
        'A Confluence Query Language query, e.g. type = page AND space = "ENG" AND lastmodified >= now("-7d") ORDER BY lastmodified DESC.',
      type: "string",
      required: false,
      example: 'type = page AND label = "release-notes"',
      parse: p.optionalText,
    }),
    text: i.defineInput({
      label: "Text",
      comments:
        "Words to search for in titles, bodies and labels; quoted for you and combined with the CQL query, if any.",
      type: "string",
      required: false,
      example: "quarterly planning",
      parse: p.optionalText,
    }),
    spaceKey: i.defineInput({
      label: "Space Key",
      comments: "Only content of this space.",
      type: "string",
      required: false,
      example: "ENG",
      parse: p.optionalText,
    }),
    contentType: i.defineInput({
      label: "Content Type",
      comments: "Only content of this type.",
      type: "string",
      required: false,
      choices: CONTENT_TYPES,
      parse: p.oneOf(CONTENT_TYPES),
    }),
    ...i.listInputs,
  },
  run: (input, ctx) => listApi(ctx, input, { query: { cql: searchQuery(input) } }),
});

/** What Confluence does not hold: an answer, not a refused input (the CLI exits 1, not 2). */
export class NotFoundError extends ConfluenceError {
  override name = "NotFoundError";
}

export const getPageByTitle = defineAction({
  key: "getPageByTitle",
  label: "Get Page by Title",
  description:
    "Returns the page with this exact title in a space (titles are unique among a space's current pages).",
  endpoint: "GET /spaces/{id}/pages",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    spaceKey: i.defineInput({
      label: "Space Key",
      comments: "The key of the space the page is in.",
      type: "string",
      required: true,
      example: "ENG",
      parse: p.requiredText,
    }),
    title: i.defineInput({
      label: "Title",
      comments:
        "The page's exact title, letter case included (Confluence's title filter is case-sensitive).",
      type: "string",
      required: true,
      example: "Meeting notes",
      parse: p.requiredText,
    }),
    bodyFormat: i.bodyFormatList,
    debugRequest: i.debugRequest,
  },
  // The v2 `title` filter matches exactly, case included, although Confluence treats titles as
  // unique regardless of case: https://community.developer.atlassian.com/t/finding-a-page-by-title/41553
  // (Search Content's `title ~` finds a title whatever its case).
  run: async (input, ctx) => {
    // Confluence v2 filters pages by space id: the key is looked up first (getSpaces `keys`).
    const spaces = await ctx.client.listPage<{ id: string }>("/spaces", {
      query: { keys: input.spaceKey },
      limit: 1,
      debug: ctx.debug,
    });
    const space = spaces.results[0];
    if (space === undefined) throw new NotFoundError(`No space has the key "${input.spaceKey}".`);
    const pages = await ctx.client.listPage("/spaces/{id}/pages", {
      pathParams: { id: space.id },
      query: { title: input.title, "body-format": input.bodyFormat },
      limit: 1,
      debug: ctx.debug,
    });
    const page = pages.results[0];
    if (page === undefined) {
      throw new NotFoundError(
        `No current page of space ${input.spaceKey} is titled "${input.title}".`,
      );
    }
    return { data: page };
  },
});

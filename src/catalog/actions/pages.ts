// Pages: createPage, getPageById, updatePage, deletePage, getPages, getPagesInSpace (v2).

import { createPageSafely, updatePageSafely } from "../../core/writes/index.js";
import { InputError, InvalidValue } from "../input-error.js";
import * as i from "../inputs.js";
import { JSON_DEPTH_NOTE } from "../json-depth.js";
import * as p from "../parse.js";
import { mergeQuery, writeOutput } from "../request.js";
import { body, path, query } from "../wire.js";
import { defineAction } from "./define.js";

// PageCreateRequest / PageUpdateRequest `status` enum.
const WRITE_STATUSES = ["current", "draft"] as const;

export const writeStatus = (required: boolean) =>
  i.defineInput({
    label: "Status",
    comments: "The status of the page.",
    type: "string",
    required,
    choices: WRITE_STATUSES,
    parse: required ? p.required(p.oneOf(WRITE_STATUSES)) : p.oneOf(WRITE_STATUSES),
  });

export const pageTitle = (required: boolean) =>
  i.defineInput({
    label: "Title",
    comments: "Title of the page.",
    type: "string",
    required,
    parse: required ? p.requiredText : p.optionalText,
  });

const parentId = i.defineInput({
  label: "Parent Id",
  comments: "The parent id.",
  type: "string",
  required: false,
  parse: p.optionalNumericId,
});

// Markdown accepted as its representation (the shared helper's conversion).
export const pageBody = (required: boolean) => i.contentBody(required, "The body of the page.");

export const createPage = defineAction({
  key: "createPage",
  label: "Create Page",
  description: "Creates a page in the space.",
  endpoint: "POST /pages",
  inputs: {
    connection: i.connection,
    spaceId: body("spaceId", i.spaceId),
    status: body("status", writeStatus(false)),
    title: body("title", pageTitle(false)),
    parentId: body("parentId", parentId),
    body: body("body", pageBody(false)),
    embedded: query(
      "embedded",
      i.flag("Embedded", "Tag the content as embedded and content will be created in NCS."),
      "omitFalse",
    ),
    private: query(
      "private",
      i.flag(
        "Private",
        "The page will be private. Only the user who creates this page will have permission to view and edit one.",
      ),
      "omitFalse",
    ),
    queryParameters: i.queryParameters,
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) => {
    // PageCreateRequest: "title ... required if page status is not draft".
    if (input.title === undefined && input.status !== "draft") {
      throw new InputError("Title", "is required unless Status is draft");
    }
    // A create whose answer was lost is resolved by title (unique per space), never repeated
    // blindly (src/core/writes).
    const request = ctx.request;
    return writeOutput(
      createPageSafely(ctx.client, {
        query: mergeQuery(request.query, request.extraQuery),
        body: { ...request.body },
        debug: ctx.debug,
      }),
    );
  },
});

const includeFlag = (what: string) =>
  query(
    `include-${what.toLowerCase()}`,
    i.flag(
      `Include ${what}`,
      `Includes ${what.toLowerCase()} associated with this page in the response. The number of results will be limited to 50 and sorted in the default sort order.`,
    ),
  );

// getPageById: every input is a query parameter of that name.
export const getPage = defineAction({
  key: "getPage",
  label: "Get Page",
  description: "Returns a specific Page.",
  endpoint: "GET /pages/{id}",
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    bodyFormat: query("body-format", i.bodyFormatSingle),
    getDraft: query(
      "get-draft",
      i.defineInput({
        label: "Get Draft",
        comments: "Retrieve the draft version of this page.",
        // A string picklist, not a boolean: the specification gives no default (Confluence's is false).
        type: "string",
        choices: ["true", "false"],
        required: false,
        parse: p.optionalBool,
      }),
    ),
    version: query(
      "version",
      i.defineInput({
        label: "Version",
        comments:
          "Allows you to retrieve a previously published version. Specify the previous version's number to retrieve its details.",
        type: "string",
        required: false,
        example: "3",
        parse: p.optionalInteger(1, 2_147_483_647),
      }),
    ),
    includeLabels: includeFlag("Labels"),
    // The specification says "content properties" here.
    includeProperties: query(
      "include-properties",
      i.flag(
        "Include Properties",
        "Includes content properties associated with this page in the response. The number of results will be limited to 50 and sorted in the default sort order.",
      ),
    ),
    includeOperations: includeFlag("Operations"),
    includeLikes: includeFlag("Likes"),
    includeVersions: includeFlag("Versions"),
    includeVersion: query(
      "include-version",
      i.flag(
        "Include Version",
        "Includes the current version associated with this page in the response.",
        true,
      ),
    ),
    includeFavoritedByCurrentUserStatus: query(
      "include-favorited-by-current-user-status",
      i.flag(
        "Include Favorited By Current User Status",
        "Includes whether this page has been favorited by the current user.",
      ),
    ),
    debugRequest: i.debugRequest,
  },
});

/** PageUpdateRequest `version`: `number` must be a positive integer (current + 1). */
function checkVersion(version: Record<string, unknown>): void {
  const n = version.number;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new InvalidValue('must have "number": the page\'s current version number plus one');
  }
}

export const updatePage = defineAction({
  key: "updatePage",
  label: "Update Page",
  description: "Update a page by id.",
  endpoint: "PUT /pages/{id}",
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    // PageUpdateRequest requires id, status, title, body and version.
    status: body("status", writeStatus(true)),
    title: body("title", pageTitle(true)),
    body: body("body", pageBody(true)),
    version: body(
      "version",
      i.defineInput({
        label: "Version",
        comments: "The version of the page.",
        default: i.PAGE_VERSION_TEMPLATE,
        type: "code",
        language: "json",
        required: true,
        docsNote: JSON_DEPTH_NOTE,
        parse: (raw) => {
          const version = p.jsonObject(raw);
          checkVersion(version);
          return version;
        },
      }),
    ),
    spaceId: body("spaceId", { ...i.spaceId, required: false, parse: p.optionalNumericId }),
    parentId: body("parentId", parentId),
    debugRequest: i.debugRequest,
  },
  // A lost answer is resolved from the page's version number (src/core/writes).
  run: (input, ctx) =>
    writeOutput(
      updatePageSafely(ctx.client, {
        id: input.pageId,
        // PageUpdateRequest repeats the page id in the body.
        body: { id: input.pageId, ...ctx.request.body },
        debug: ctx.debug,
      }),
    ),
});

export const deletePage = defineAction({
  key: "deletePage",
  label: "Delete Page",
  description: "Delete a page by id.",
  endpoint: "DELETE /pages/{id}",
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    purge: query("purge", i.flag("Purge", "If attempting to purge the page."), "omitFalse"),
    draft: query(
      "draft",
      i.flag("Draft", "If attempting to delete a page that is a draft."),
      "omitFalse",
    ),
    debugRequest: i.debugRequest,
  },
});

const statusFilter = (comments: string) =>
  query(
    "status",
    i.defineInput({
      label: "Status",
      comments,
      type: "string",
      collection: "valuelist",
      choices: i.PAGE_LIST_STATUSES,
      required: false,
      example: "current,archived",
      parse: p.listOf(p.oneOf(i.PAGE_LIST_STATUSES)),
    }),
  );

// The filters List Pages and List Pages in Space share (getPages / getPagesInSpace names).
const sort = query("sort", i.sortPages);
const title = query("title", i.titleFilter);
const bodyFormat = query("body-format", i.bodyFormatList);

/** getPages `id` (max 250) and `space-id` (max 100): arrays sent comma-separated. */
const idList = (name: string, label: string, what: string, example: string) =>
  query(
    name,
    i.defineInput({
      label,
      comments: `Filter the results based on ${what} ids. Multiple ${what} ids can be specified as a comma-separated list.`,
      type: "string",
      collection: "valuelist",
      required: false,
      example,
      parse: p.listOf(p.optionalNumericId),
    }),
  );

export const listPages = defineAction({
  key: "listPages",
  label: "List Pages",
  description: "Returns all pages.",
  endpoint: "GET /pages",
  inputs: {
    connection: i.connection,
    limit: i.limit,
    cursor: i.cursor,
    id: idList("id", "Id", "page", "123456,123457"),
    spaceId: idList("space-id", "Space Id", "space", "98304,98305"),
    sort,
    status: statusFilter(
      "Filter the results to pages based on their status. By default, current and archived are used. Valid values: current, archived, deleted, trashed",
    ),
    title,
    bodyFormat,
    fetchAll: i.fetchAll,
    maxItems: i.maxItems,
    debugRequest: i.debugRequest,
  },
});

export const listPagesInSpace = defineAction({
  key: "listPagesInSpace",
  label: "List Pages in Space",
  description: "Returns all pages in a space.",
  endpoint: "GET /spaces/{id}/pages",
  inputs: {
    connection: i.connection,
    spaceId: path("id", i.spaceId),
    depth: query(
      "depth",
      i.defineInput({
        label: "Depth",
        comments:
          "Filter the results to pages at the root level of the space or to all pages in the space.",
        type: "string",
        choices: ["all", "root"],
        required: false,
        parse: p.oneOf(["all", "root"] as const),
      }),
    ),
    sort,
    status: statusFilter("The status of the page."),
    title,
    bodyFormat,
    limit: i.limit,
    cursor: i.cursor,
    fetchAll: i.fetchAll,
    maxItems: i.maxItems,
    debugRequest: i.debugRequest,
  },
});

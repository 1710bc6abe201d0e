// Pages: createPage, getPageById, updatePage, deletePage, getPages, getPagesInSpace (v2).

import { createPageSafely, updatePageSafely } from "../../core/writes/index.js";
import { InputError, InvalidValue } from "../input-error.js";
import * as i from "../inputs.js";
import { JSON_DEPTH_NOTE } from "../json-depth.js";
import * as p from "../parse.js";
import { callApi, listApi, mergeQuery, writeOutput } from "../request.js";
import { defineAction } from "./define.js";

// PageCreateRequest / PageUpdateRequest `status` enum.
const WRITE_STATUSES = ["current", "draft"] as const;

const writeStatus = (required: boolean) =>
  i.defineInput({
    label: "Status",
    comments: "The status of the page.",
    type: "string",
    required,
    choices: WRITE_STATUSES,
    parse: required ? p.required(p.oneOf(WRITE_STATUSES)) : p.oneOf(WRITE_STATUSES),
  });

const pageTitle = (required: boolean) =>
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

const pageBody = (required: boolean) =>
  i.defineInput({
    label: "Body",
    comments: "The body of the page.",
    default: i.PAGE_BODY_TEMPLATE,
    type: "code",
    language: "json",
    required,
    parse: required ? p.jsonObject : p.optionalJsonObject,
    docsNote: JSON_DEPTH_NOTE,
  });

export const createPage = defineAction({
  key: "createPage",
  label: "Create Page",
  description: "Creates a page in the space.",
  endpoint: "POST /pages",
  inputs: {
    connection: i.connection,
    spaceId: i.spaceId,
    status: writeStatus(false),
    title: pageTitle(false),
    parentId,
    body: pageBody(false),
    embedded: i.flag("Embedded", "Tag the content as embedded and content will be created in NCS."),
    private: i.flag(
      "Private",
      "The page will be private. Only the user who creates this page will have permission to view and edit one.",
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
    return writeOutput(
      createPageSafely(ctx.client, {
        query: mergeQuery(
          { embedded: input.embedded || undefined, private: input.private || undefined },
          input.queryParameters,
        ),
        body: {
          spaceId: input.spaceId,
          status: input.status,
          title: input.title,
          parentId: input.parentId,
          body: input.body,
        },
        debug: ctx.debug,
      }),
    );
  },
});

const includeFlag = (what: string) =>
  i.flag(
    `Include ${what}`,
    `Includes ${what.toLowerCase()} associated with this page in the response. The number of results will be limited to 50 and sorted in the default sort order.`,
  );

export const getPage = defineAction({
  key: "getPage",
  label: "Get Page",
  description: "Returns a specific Page.",
  endpoint: "GET /pages/{id}",
  inputs: {
    connection: i.connection,
    pageId: i.pageId,
    bodyFormat: i.bodyFormatSingle,
    getDraft: i.defineInput({
      label: "Get Draft",
      comments: "Retrieve the draft version of this page.",
      // A string picklist, not a boolean: the specification gives no default (Confluence's is false).
      type: "string",
      choices: ["true", "false"],
      required: false,
      parse: p.optionalBool,
    }),
    version: i.defineInput({
      label: "Version",
      comments:
        "Allows you to retrieve a previously published version. Specify the previous version's number to retrieve its details.",
      type: "string",
      required: false,
      example: "3",
      parse: p.optionalInteger(1, 2_147_483_647),
    }),
    includeLabels: includeFlag("Labels"),
    includeProperties: i.flag(
      "Include Properties",
      "Includes content properties associated with this page in the response. The number of results will be limited to 50 and sorted in the default sort order.",
    ),
    includeOperations: includeFlag("Operations"),
    includeLikes: includeFlag("Likes"),
    includeVersions: includeFlag("Versions"),
    includeVersion: i.flag(
      "Include Version",
      "Includes the current version associated with this page in the response.",
      true,
    ),
    includeFavoritedByCurrentUserStatus: i.flag(
      "Include Favorited By Current User Status",
      "Includes whether this page has been favorited by the current user.",
    ),
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) =>
    callApi(ctx, {
      params: { id: input.pageId },
      // getPageById query parameter names.
      query: {
        "body-format": input.bodyFormat,
        "get-draft": input.getDraft,
        version: input.version,
        "include-labels": input.includeLabels,
        "include-properties": input.includeProperties,
        "include-operations": input.includeOperations,
        "include-likes": input.includeLikes,
        "include-versions": input.includeVersions,
        "include-version": input.includeVersion,
        "include-favorited-by-current-user-status": input.includeFavoritedByCurrentUserStatus,
      },
    }),
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
    pageId: i.pageId,
    // PageUpdateRequest requires id, status, title, body and version.
    status: writeStatus(true),
    title: pageTitle(true),
    body: pageBody(true),
    version: i.defineInput({
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
    spaceId: { ...i.spaceId, required: false, parse: p.optionalNumericId },
    parentId,
    debugRequest: i.debugRequest,
  },
  // A lost answer is resolved from the page's version number (src/core/writes).
  run: (input, ctx) =>
    writeOutput(
      updatePageSafely(ctx.client, {
        id: input.pageId,
        body: {
          id: input.pageId,
          status: input.status,
          title: input.title,
          body: input.body,
          version: input.version,
          spaceId: input.spaceId,
          parentId: input.parentId,
        },
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
    pageId: i.pageId,
    purge: i.flag("Purge", "If attempting to purge the page."),
    draft: i.flag("Draft", "If attempting to delete a page that is a draft."),
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) =>
    callApi(ctx, {
      params: { id: input.pageId },
      query: { purge: input.purge || undefined, draft: input.draft || undefined },
      deleted: input.pageId,
    }),
});

const statusFilter = (comments: string) =>
  i.defineInput({
    label: "Status",
    comments,
    type: "string",
    collection: "valuelist",
    choices: i.PAGE_LIST_STATUSES,
    required: false,
    example: "current,archived",
    parse: p.listOf(p.oneOf(i.PAGE_LIST_STATUSES)),
  });

/** The filters List Pages and List Pages in Space share (getPages / getPagesInSpace names). */
const pageFilters = (input: {
  sort?: string;
  status?: string[];
  title?: string;
  bodyFormat?: string;
}) => ({
  sort: input.sort,
  status: input.status,
  title: input.title,
  "body-format": input.bodyFormat,
});

export const listPages = defineAction({
  key: "listPages",
  label: "List Pages",
  description: "Returns all pages.",
  endpoint: "GET /pages",
  inputs: {
    connection: i.connection,
    limit: i.limit,
    cursor: i.cursor,
    id: i.defineInput({
      label: "Id",
      comments:
        "Filter the results based on page ids. Multiple page ids can be specified as a comma-separated list.",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "123456,123457",
      parse: p.listOf(p.optionalNumericId),
    }),
    spaceId: i.defineInput({
      label: "Space Id",
      comments:
        "Filter the results based on space ids. Multiple space ids can be specified as a comma-separated list.",
      type: "string",
      collection: "valuelist",
      required: false,
      example: "98304,98305",
      parse: p.listOf(p.optionalNumericId),
    }),
    sort: i.sortPages,
    status: statusFilter(
      "Filter the results to pages based on their status. By default, current and archived are used. Valid values: current, archived, deleted, trashed",
    ),
    title: i.titleFilter,
    bodyFormat: i.bodyFormatList,
    fetchAll: i.fetchAll,
    maxItems: i.maxItems,
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) =>
    listApi(ctx, input, {
      // getPages: `id` (max 250) and `space-id` (max 100) are arrays sent comma-separated.
      query: { id: input.id, "space-id": input.spaceId, ...pageFilters(input) },
    }),
});

export const listPagesInSpace = defineAction({
  key: "listPagesInSpace",
  label: "List Pages in Space",
  description: "Returns all pages in a space.",
  endpoint: "GET /spaces/{id}/pages",
  inputs: {
    connection: i.connection,
    spaceId: i.spaceId,
    depth: i.defineInput({
      label: "Depth",
      comments:
        "Filter the results to pages at the root level of the space or to all pages in the space.",
      type: "string",
      choices: ["all", "root"],
      required: false,
      parse: p.oneOf(["all", "root"] as const),
    }),
    sort: i.sortPages,
    status: statusFilter("The status of the page."),
    title: i.titleFilter,
    bodyFormat: i.bodyFormatList,
    limit: i.limit,
    cursor: i.cursor,
    fetchAll: i.fetchAll,
    maxItems: i.maxItems,
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) =>
    listApi(ctx, input, {
      params: { id: input.spaceId },
      query: { depth: input.depth, ...pageFilters(input) },
    }),
});

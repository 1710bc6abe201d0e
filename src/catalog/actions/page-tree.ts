// The page tree and page history, beyond the specification:
// - children, descendants, ancestors: v2 getPageDirectChildren, getPageDescendants,
//   getPageAncestors (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-children/,
//   .../api-group-descendants/, .../api-group-ancestors/);
// - move: v1 movePage, `PUT /wiki/rest/api/content/{pageId}/move/{position}/{targetId}`
//   (https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---children-and-descendants/#api-wiki-rest-api-content-pageid-move-position-targetid-put;
//   v2 can change a page's parent within its space only, not its place among siblings or its space);
// - title: v2 updatePageTitle (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/#api-pages-id-title-put);
// - versions: v2 getPageVersions, getPageVersionDetails
//   (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-version/), and v1
//   restoreContentVersion, `POST /wiki/rest/api/content/{id}/version` with operationKey "restore"
//   (https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-versions/#api-wiki-rest-api-content-id-version-post).
import { restoreVersionSafely, updatePageTitleSafely } from "../../core/writes/index.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import { callApi, writeOutput } from "../request.js";
import { body, path, query } from "../wire.js";
import { defineAction } from "./define.js";
import { pageTitle, writeStatus } from "./pages.js";

// ContentSortOrder (getPageDirectChildren `sort`): the page sorts and the tree position.
const CHILD_SORTS = ["child-position", "-child-position", ...i.PAGE_SORT] as const;

export const listPageChildren = defineAction({
  key: "listPageChildren",
  label: "List Page Children",
  description:
    "Returns the direct children of a page (pages, folders, whiteboards, databases, embeds), in their tree order unless sorted.",
  endpoint: "GET /pages/{id}/direct-children",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    sort: query(
      "sort",
      i.defineInput({
        label: "Sort",
        comments: "Used to sort the result by a particular field (default: the tree order).",
        type: "string",
        required: false,
        choices: CHILD_SORTS,
        parse: p.oneOf(CHILD_SORTS),
      }),
    ),
    ...i.listInputs,
  },
});

export const listPageDescendants = defineAction({
  key: "listPageDescendants",
  label: "List Page Descendants",
  description:
    "Returns the pages below a page, level by level down to a depth, each with its depth and parent.",
  endpoint: "GET /pages/{id}/descendants",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    depth: query(
      "depth",
      i.defineInput({
        label: "Depth",
        comments: "How many levels below the page to return: 1 (children) to 5.",
        default: "2",
        type: "string",
        required: false,
        example: "3",
        parse: p.optionalInteger(1, 5),
      }),
    ),
    ...i.listInputs,
  },
});

export const listPageAncestors = defineAction({
  key: "listPageAncestors",
  label: "List Page Ancestors",
  description:
    "Returns the ancestors of a page, from the top of the tree down to its parent (with a Limit, the nearest ones).",
  endpoint: "GET /pages/{id}/ancestors",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    // getPageAncestors has no cursor: "call the endpoint with the highest ancestor's ID to
    // fetch the next set of results".
    limit: query("limit", {
      ...i.limit,
      comments: "Maximum number of ancestors to return (the nearest ones).",
    }),
    debugRequest: i.debugRequest,
  },
});

const MOVE_POSITIONS = ["append", "before", "after"] as const;

export const movePage = defineAction({
  key: "movePage",
  label: "Move Page",
  description:
    "Moves a page (with its descendants) under or beside a target page, in the same space or another.",
  endpoint: "PUT /wiki/rest/api/content/{pageId}/move/{position}/{targetId}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("pageId", { ...i.pageId, comments: "The page to move." }),
    position: path(
      "position",
      i.defineInput({
        label: "Position",
        comments:
          "append: the page becomes the target's last child; before / after: the page becomes the target's sibling, just before or after it.",
        default: "append",
        type: "string",
        required: true,
        choices: MOVE_POSITIONS,
        parse: p.required(p.oneOf(MOVE_POSITIONS)),
      }),
    ),
    targetId: path("targetId", {
      ...i.pageId,
      label: "Target Page Id",
      comments: "The page to move the page under or beside; it may be in another space.",
    }),
    debugRequest: i.debugRequest,
  },
});

export const updatePageTitle = defineAction({
  key: "updatePageTitle",
  label: "Update Page Title",
  description: "Changes a page's title without sending its body (a new version).",
  endpoint: "PUT /pages/{id}/title",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    title: body("title", { ...pageTitle(true), comments: "The new title." }),
    status: body("status", {
      ...writeStatus(false),
      default: "current",
      comments: "current retitles the published page; draft retitles its unpublished draft.",
      parse: p.oneOf(["current", "draft"] as const),
    }),
    debugRequest: i.debugRequest,
  },
  // PageTitleUpdateRequest requires status; "current" unless asked otherwise. Retitling the
  // published page saves a version, so its lost answer is resolved, never repeated blindly
  // (src/core/writes/title.ts); a draft's retitle saves none and may simply be repeated.
  run: (input, ctx) =>
    (input.status ?? "current") === "current"
      ? writeOutput(
          updatePageTitleSafely(ctx.client, {
            id: input.pageId,
            title: input.title ?? "",
            debug: ctx.debug,
          }),
        )
      : callApi(ctx, {
          params: ctx.request.params,
          body: { status: input.status, title: input.title },
        }),
});

export const listPageVersions = defineAction({
  key: "listPageVersions",
  label: "List Page Versions",
  description: "Returns the versions of a page, newest first unless sorted.",
  endpoint: "GET /pages/{id}/versions",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    bodyFormat: query("body-format", i.bodyFormatList),
    sort: query(
      "sort",
      i.defineInput({
        label: "Sort",
        comments: "Used to sort the result by a particular field.",
        type: "string",
        required: false,
        choices: ["modified-date", "-modified-date"],
        parse: p.oneOf(["modified-date", "-modified-date"] as const),
      }),
    ),
    ...i.listInputs,
  },
});

const versionNumberPath = i.defineInput({
  label: "Version Number",
  comments: "The number of the version.",
  type: "string",
  required: true,
  example: "2",
  parse: p.required(p.optionalInteger(1, 2_147_483_647)),
});

export const getPageVersion = defineAction({
  key: "getPageVersion",
  label: "Get Page Version",
  description: "Returns one version of a page: its number, author, date, message and what changed.",
  endpoint: "GET /pages/{page-id}/versions/{version-number}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("page-id", i.pageId),
    versionNumber: path("version-number", versionNumberPath),
    debugRequest: i.debugRequest,
  },
});

export const restorePageVersion = defineAction({
  key: "restorePageVersion",
  label: "Restore Page Version",
  description:
    "Makes an earlier version of a page (or blog post) the latest one: a new version with that version's body.",
  endpoint: "POST /wiki/rest/api/content/{id}/version",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", { ...i.pageId, comments: "The page or blog post id." }),
    versionNumber: { ...versionNumberPath, comments: "The earlier version to restore." },
    message: i.defineInput({
      label: "Message",
      comments: "A note saved with the new version.",
      type: "string",
      required: false,
      parse: p.optionalText,
    }),
    restoreTitle: i.flag("Restore Title", "Also bring back that version's title."),
    debugRequest: i.debugRequest,
  },
  // VersionRestore: { operationKey: "restore", params: { versionNumber, message, restoreTitle } }.
  // A POST: a repeat would add one more version, so a lost answer is resolved by reading the
  // content's current version (src/core/writes/restore.ts), never repeated blindly.
  run: (input, ctx) =>
    writeOutput(
      restoreVersionSafely(ctx.client, {
        id: input.pageId,
        versionNumber: input.versionNumber,
        message: input.message ?? "",
        restoreTitle: input.restoreTitle,
        debug: ctx.debug,
      }),
    ),
});

// Input definitions shared by several actions, declared once. Labels, comments and defaults are
// the specification's exact text (docs/confluence.md is generated from them and a test compares
// them with the specification page where it is present, see test/catalog/spec-tables.ts).
import { InvalidValue } from "./input-error.js";
import { JSON_DEPTH_NOTE } from "./json-depth.js";
import {
  MARKDOWN,
  MARKDOWN_BODY_NOTE,
  MARKDOWN_FORMAT_NOTE,
  markdownBody,
  markdownBodyParser,
  markdownFormat,
} from "./markdown-bodies.js";
import * as p from "./parse.js";
import type { ConnectionValue, InputDef } from "./types.js";
import { EACH_ENTRY, query } from "./wire.js";

export function defineInput<T>(def: InputDef<T>): InputDef<T> {
  return def;
}

/** A true/false toggle; the specification states each one's default. */
export function flag(label: string, comments: string, fallback = false): InputDef<boolean> {
  return {
    label,
    comments,
    default: String(fallback),
    type: "boolean",
    required: false,
    parse: p.bool(fallback),
  };
}

/** An optional key/value list (query parameters, form data, headers...). */
export function keyValueList(
  label: string,
  comments: string,
  parse: p.Parser<p.KeyValues> = p.keyValues,
): InputDef<p.KeyValues> {
  return { label, comments, type: "string", collection: "keyvaluelist", required: false, parse };
}

export const connection = defineInput<ConnectionValue>({
  label: "Connection",
  comments: "",
  type: "connection",
  required: true,
  parse: (raw) => {
    if (raw === null || typeof raw !== "object" || !("fields" in raw) || !("key" in raw)) {
      throw new InvalidValue(
        "must be a Confluence connection (Confluence Basic or Confluence OAuth 2.0)",
      );
    }
    return raw as ConnectionValue;
  },
});

export const debugRequest = flag(
  "Debug Request",
  "Enabling this flag will log out the current request.",
);

export const limit = defineInput({
  label: "Limit",
  comments:
    "Maximum number of pages per result to return. If more results exist, use the Link header to retrieve a relative URL that will return the next set of results.",
  default: "25",
  type: "string",
  required: false,
  example: "25",
  parse: p.limit,
});

export const cursor = defineInput({
  label: "Cursor",
  comments:
    "Used for pagination, this opaque cursor will be returned in the next URL in the Link response header. Use the relative URL in the Link header to retrieve the next set of results.",
  type: "string",
  required: false,
  parse: p.optionalText,
});

/** Added beyond the specification (as newer versions of this connector have). */
export const fetchAll = flag(
  "Fetch All",
  "When true, follows the cursor through every page of results (from Cursor, if given) and returns them all in one list (Limit then sets the page size of each request).",
);

/**
 * Fetch All holds every item in memory at once; past this many the action fails instead, so
 * one huge listing cannot exhaust the memory of the process running the integration.
 */
export const FETCH_ALL_MAX_ITEMS = 100_000;

/** Added beyond the specification, with Fetch All. */
export const maxItems = defineInput({
  label: "Max Items",
  comments: `With Fetch All: the most items to collect (at most ${FETCH_ALL_MAX_ITEMS}). A list with more items fails the action; page through it with Limit and Cursor instead.`,
  default: String(FETCH_ALL_MAX_ITEMS),
  type: "string",
  required: false,
  example: "1000",
  parse: p.optionalInteger(1, FETCH_ALL_MAX_ITEMS),
});

/** Each entry is a query parameter, winning over the action's declared ones. */
export const queryParameters = query(
  EACH_ENTRY,
  keyValueList(
    "Query Parameters",
    "Query parameters to pass in to your request. Ex. Key: include-versions Value: true",
  ),
);

/**
 * The tail of a plain list action's inputs, in the specification's order (after the connection
 * and any owner id). `listApi` takes the parsed values as they are.
 */
export const listInputs = { limit, cursor, queryParameters, fetchAll, maxItems, debugRequest };

/** The tail of a plain get-by-id action's inputs (after the connection and the id). */
export const getInputs = { queryParameters, debugRequest };

export const pageId = defineInput({
  label: "Page Id",
  comments: "The Page Id.",
  type: "string",
  required: true,
  example: "123456",
  parse: p.numericId,
});

export const spaceId = defineInput({
  label: "Space Id",
  comments: "The Space Id.",
  type: "string",
  required: true,
  example: "98304",
  parse: p.numericId,
});

export const attachmentId = defineInput({
  label: "Attachment Id",
  comments: "The Attachment Id.",
  type: "string",
  required: true,
  example: "att123456",
  parse: p.attachmentId,
});

export const customContentId = defineInput({
  label: "Custom Content Id",
  comments: "The Custom Content Id.",
  type: "string",
  required: true,
  example: "123456",
  parse: p.numericId,
});

export const propertyId = defineInput({
  label: "Property Id",
  comments: "The ID of the content property to be returned.",
  type: "string",
  required: true,
  example: "123456",
  parse: p.numericId,
});

// The specification's templates (its `<br />` are these newlines, its indentation one space).
const PROPERTY_CREATE_TEMPLATE = '{\n "key": "<string>",\n "value": "<string>"\n}';
export const PROPERTY_UPDATE_TEMPLATE =
  '{\n "key": "<string>",\n "value": "<string>",\n "version": {\n "number": 84,\n "message": "<string>"\n }\n}';
export const PAGE_BODY_TEMPLATE = '{\n "representation": "storage",\n "value": "<string>"\n}';
export const PAGE_VERSION_TEMPLATE = '{\n "number": 47,\n "message": "<string>"\n}';

export const bodyData = defineInput({
  label: "Body Data",
  comments: "The list of settings for this Function.",
  default: PROPERTY_CREATE_TEMPLATE,
  type: "code",
  language: "json",
  required: true,
  parse: p.jsonObject,
  docsNote: JSON_DEPTH_NOTE,
});

export const sortProperties = defineInput({
  label: "Sort",
  comments: "Used to sort the result by a particular field.",
  type: "string",
  required: false,
  // ContentPropertySortOrder in the v2 OpenAPI.
  choices: ["key", "-key"],
  parse: p.oneOf(["key", "-key"] as const),
});

// PageSortOrder in the v2 OpenAPI.
export const PAGE_SORT = [
  "id",
  "-id",
  "created-date",
  "-created-date",
  "modified-date",
  "-modified-date",
  "title",
  "-title",
] as const;

export const sortPages = defineInput({
  label: "Sort",
  comments: "Used to sort the result by a particular field.",
  type: "string",
  required: false,
  choices: PAGE_SORT,
  parse: p.oneOf(PAGE_SORT),
});

// PrimaryBodyRepresentation (lists) and PrimaryBodyRepresentationSingle (getPageById), and the
// connector's own "markdown" (markdown-bodies.ts: storage is requested, then converted).
const LIST_BODY_FORMATS = ["storage", "atlas_doc_format", MARKDOWN] as const;
const SINGLE_BODY_FORMATS = [
  "storage",
  "atlas_doc_format",
  "view",
  "export_view",
  "anonymous_export_view",
  "styled_view",
  "editor",
  MARKDOWN,
] as const;

export const bodyFormatList = defineInput({
  label: "Body Format",
  comments: "The content format types to be returned in the body field of the response.",
  type: "string",
  required: false,
  choices: LIST_BODY_FORMATS,
  parse: p.oneOf(LIST_BODY_FORMATS),
  convert: markdownFormat(),
  docsNote: MARKDOWN_FORMAT_NOTE,
});

export const bodyFormatSingle = defineInput({
  ...bodyFormatList,
  choices: SINGLE_BODY_FORMATS,
  parse: p.oneOf(SINGLE_BODY_FORMATS),
  convert: markdownFormat(),
});

/**
 * The JSON body of a page, blog post or comment ({ representation, value }, the specification's
 * template as its default); beyond the specification, Markdown as its representation
 * (markdown-bodies.ts).
 */
export const contentBody = (required: boolean, comments: string) =>
  defineInput({
    label: "Body",
    comments,
    default: PAGE_BODY_TEMPLATE,
    type: "code",
    language: "json",
    required,
    parse: markdownBodyParser(required ? p.jsonObject : p.optionalJsonObject),
    convert: markdownBody(),
    docsNote: `${MARKDOWN_BODY_NOTE} ${JSON_DEPTH_NOTE}`,
  });

// Page list filters (getPages / getPagesInSpace `status`).
export const PAGE_LIST_STATUSES = ["current", "archived", "deleted", "trashed"] as const;

export const titleFilter = defineInput({
  label: "Title",
  comments: "Filter the results to pages based on their title.",
  type: "string",
  required: false,
  parse: p.optionalText,
});

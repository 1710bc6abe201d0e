// Labels, beyond the specification. Reads are v2 (getPageLabels, getBlogPostLabels,
// getLabelPages: https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-label/ and
// .../api-group-page/#api-pages-id-labels-get); writes exist only in v1 (addLabelsToContent,
// removeLabelFromContentUsingQueryParameter:
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-labels/), and a
// label's id is found from its name only by v1 getAllLabelContent (GET /wiki/rest/api/label,
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-label-info/).
import { ConfluenceApiError } from "../../core/errors.js";
import { InputError, InvalidValue } from "../input-error.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import { callApi, listApi } from "../request.js";
import type { RunContext } from "../types.js";
import { path, query } from "../wire.js";
import { defineAction } from "./define.js";
import { NotFoundError } from "./search.js";

const CONTENT_TYPES = ["page", "blogpost"] as const;

const contentId = i.defineInput({
  label: "Content Id",
  comments: "The id of the page or blog post.",
  type: "string",
  required: true,
  example: "123456",
  parse: p.numericId,
});

const contentType = i.defineInput({
  label: "Content Type",
  comments: "Whether the id is a page's or a blog post's.",
  default: "page",
  type: "string",
  required: false,
  choices: CONTENT_TYPES,
  parse: (raw) => p.oneOf(CONTENT_TYPES)(raw) ?? "page",
});

/**
 * Confluence refuses label names with spaces or `: ; , . ? & [ ] ( ) # ^ * @ !` and stores them
 * in lower case ("Labels can't contain spaces or the characters ...",
 * https://support.atlassian.com/confluence-cloud/docs/use-labels-to-organize-your-content/).
 */
const FORBIDDEN = /[\s:;,.?&[\]()#^*@!]/;
const LABEL_PATTERN = "^[^\\s:;,.?&\\[\\]()#^*@!]{1,255}$";

const labelName = p.described({ type: "string", pattern: LABEL_PATTERN }, (raw) => {
  const name = p.optionalText(raw)?.trim();
  if (name === undefined || name === "") return undefined;
  if (name.length > 255 || FORBIDDEN.test(name)) {
    throw new InvalidValue(
      `"${name.slice(0, 100)}" is not a label name: labels cannot contain spaces or any of : ; , . ? & [ ] ( ) # ^ * @ ! (at most 255 characters)`,
    );
  }
  return name;
});

export const listContentLabels = defineAction({
  key: "listContentLabels",
  label: "List Content Labels",
  description: "Returns the labels of a page or blog post.",
  endpoint: "GET /pages/{id}/labels",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    contentId: path("id", contentId),
    contentType,
    prefix: query(
      "prefix",
      i.defineInput({
        label: "Prefix",
        comments: "Only labels with this prefix (global labels are the ones people add).",
        type: "string",
        required: false,
        choices: ["my", "team", "global", "system"],
        parse: p.oneOf(["my", "team", "global", "system"] as const),
      }),
    ),
    ...i.listInputs,
  },
  run: (input, ctx) =>
    listApi(
      // Same operation for blog posts, under /blogposts (getBlogPostLabels).
      { ...ctx, endpoint: `GET /${input.contentType}s/{id}/labels` },
      { ...input, queryParameters: ctx.request.extraQuery as p.KeyValues },
      { params: ctx.request.params, query: ctx.request.query },
    ),
});

export const addLabels = defineAction({
  key: "addLabels",
  label: "Add Labels",
  description:
    "Adds labels to a page or blog post (labels it already has are kept) and returns all its labels.",
  endpoint: "POST /wiki/rest/api/content/{id}/label",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    contentId: path("id", contentId),
    labels: i.defineInput({
      label: "Labels",
      comments: "The label names to add, as a list or comma-separated (stored in lower case).",
      type: "string",
      collection: "valuelist",
      required: true,
      example: "release-notes,q3",
      parse: p.required(p.listOf(labelName)),
    }),
    debugRequest: i.debugRequest,
  },
  // LabelCreateArray: global labels, the kind people add in the editor. Naturally idempotent:
  // adding a label the content already has changes nothing ("Adds labels to a piece of content.
  // Does not modify the existing labels.", addLabelsToContent,
  // https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-labels/#api-wiki-rest-api-content-id-label-post),
  // and the answer is all the content's labels, so a lost answer is simply sent again.
  run: (input, ctx) =>
    callApi(ctx, {
      params: ctx.request.params,
      body: input.labels.map((name) => ({ prefix: "global", name })),
      idempotent: true,
    }),
});

export const removeLabel = defineAction({
  key: "removeLabel",
  label: "Remove Label",
  description: "Removes a label from a page or blog post.",
  // The query form takes any name, including those that cannot be a path segment.
  endpoint: "DELETE /wiki/rest/api/content/{id}/label",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    contentId: path("id", contentId),
    label: query(
      "name",
      i.defineInput({
        label: "Label",
        comments: "The name of the label to remove.",
        type: "string",
        required: true,
        example: "release-notes",
        parse: p.required(labelName),
      }),
    ),
    debugRequest: i.debugRequest,
  },
  run: async (input, ctx) => {
    const { data } = await callApi(ctx, {
      params: ctx.request.params,
      query: ctx.request.query,
      deleted: input.contentId,
    });
    return { data: { ...(data as object), label: input.label } };
  },
});

export const listPagesWithLabel = defineAction({
  key: "listPagesWithLabel",
  label: "List Pages with Label",
  description: "Returns the current pages that carry a label, by the label's id or name.",
  endpoint: "GET /labels/{id}/pages",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    labelId: i.defineInput({
      label: "Label Id",
      comments: "The label's id (or give its name instead).",
      type: "string",
      required: false,
      example: "229377",
      parse: p.optionalNumericId,
    }),
    labelName: i.defineInput({
      label: "Label Name",
      comments: "The label's name, looked up first (or give its id instead).",
      type: "string",
      required: false,
      example: "release-notes",
      parse: labelName,
    }),
    spaceId: query(
      "space-id",
      i.defineInput({
        label: "Space Id",
        comments: "Only pages of these spaces (comma-separated ids).",
        type: "string",
        collection: "valuelist",
        required: false,
        example: "98304",
        parse: p.listOf(p.optionalNumericId),
      }),
    ),
    bodyFormat: query("body-format", i.bodyFormatList),
    sort: query("sort", i.sortPages),
    ...i.listInputs,
  },
  run: async (input, ctx) => {
    if ((input.labelId === undefined) === (input.labelName === undefined)) {
      throw new InputError("Label Id", "give either the label's id or its name (Label Name)");
    }
    const id = input.labelId ?? (await labelIdOf(input.labelName ?? "", ctx));
    return listApi(
      ctx,
      { ...input, queryParameters: ctx.request.extraQuery as p.KeyValues },
      { params: { id }, query: ctx.request.query },
    );
  },
});

/** getAllLabelContent: the global label of this name (its contents are not needed: limit 0). */
async function labelIdOf(name: string, ctx: RunContext): Promise<string> {
  try {
    const { data } = await ctx.client.request<{ label: { id: string } }>({
      api: "v1",
      path: "/label",
      query: { name, limit: 0 },
      debug: ctx.debug,
    });
    return data.label.id;
  } catch (error) {
    if (error instanceof ConfluenceApiError && error.status === 404) {
      throw new NotFoundError(`No label is named "${name}".`);
    }
    throw error;
  }
}

// Footer and inline comments, beyond the specification (v2 comment API,
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-comment/):
// getPageFooterComments, getBlogPostFooterComments, createFooterComment (a reply is a create
// with parentCommentId), updateFooterComment, deleteFooterComment; getPageInlineComments,
// getBlogPostInlineComments, createInlineComment (inlineCommentProperties: textSelection,
// textSelectionMatchCount, textSelectionMatchIndex), updateInlineComment (`resolved` resolves
// or reopens). Bodies use the page actions' body input.
import {
  type CommentKind,
  createCommentSafely,
  updateVersionedSafely,
  type VersionedKind,
} from "../../core/writes/index.js";
import { InputError } from "../input-error.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import { writeOutput } from "../request.js";
import type { ActionOutput, RunContext } from "../types.js";
import { nextVersion, versionMessage, versionNumber } from "../versioning.js";
import { body, path, query } from "../wire.js";
import { blogPostId } from "./blogposts.js";
import { defineAction } from "./define.js";
import { pageBody } from "./pages.js";

const commentId = i.defineInput({
  label: "Comment Id",
  comments: "The Comment Id.",
  type: "string",
  required: true,
  example: "123456",
  parse: p.numericId,
});

const commentBody = { ...pageBody(true), comments: "The body of the comment." };

// CommentSortOrder, and the statuses of getPageInlineComments `resolution-status`.
const COMMENT_SORTS = ["created-date", "-created-date", "modified-date", "-modified-date"] as const;
const RESOLUTION_STATUSES = ["open", "reopened", "resolved", "dangling"] as const;

const commentListFilters = {
  bodyFormat: query("body-format", i.bodyFormatList),
  sort: query(
    "sort",
    i.defineInput({
      label: "Sort",
      comments: "Used to sort the result by a particular field.",
      type: "string",
      required: false,
      choices: COMMENT_SORTS,
      parse: p.oneOf(COMMENT_SORTS),
    }),
  ),
};

const resolutionFilter = query(
  "resolution-status",
  i.defineInput({
    label: "Resolution Status",
    comments: "Only inline comments in these states (open, reopened, resolved, dangling).",
    type: "string",
    collection: "valuelist",
    required: false,
    example: "open,reopened",
    parse: p.listOf(p.oneOf(RESOLUTION_STATUSES)),
  }),
);

export const listPageFooterComments = defineAction({
  key: "listPageFooterComments",
  label: "List Page Footer Comments",
  description: "Returns the top-level footer comments of a page (replies: Get Comment Replies).",
  endpoint: "GET /pages/{id}/footer-comments",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    ...commentListFilters,
    ...i.listInputs,
  },
});

export const listBlogPostFooterComments = defineAction({
  key: "listBlogPostFooterComments",
  label: "List Blog Post Footer Comments",
  description: "Returns the top-level footer comments of a blog post.",
  endpoint: "GET /blogposts/{id}/footer-comments",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    blogPostId: path("id", blogPostId),
    ...commentListFilters,
    ...i.listInputs,
  },
});

export const listPageInlineComments = defineAction({
  key: "listPageInlineComments",
  label: "List Page Inline Comments",
  description:
    "Returns the top-level inline comments of a page, each with its text selection and resolution status.",
  endpoint: "GET /pages/{id}/inline-comments",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    pageId: path("id", i.pageId),
    resolutionStatus: resolutionFilter,
    ...commentListFilters,
    ...i.listInputs,
  },
});

export const listBlogPostInlineComments = defineAction({
  key: "listBlogPostInlineComments",
  label: "List Blog Post Inline Comments",
  description: "Returns the top-level inline comments of a blog post.",
  endpoint: "GET /blogposts/{id}/inline-comments",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    blogPostId: path("id", blogPostId),
    resolutionStatus: resolutionFilter,
    ...commentListFilters,
    ...i.listInputs,
  },
});

export const listCommentReplies = defineAction({
  key: "listCommentReplies",
  label: "List Footer Comment Replies",
  description: "Returns the replies to a footer comment.",
  endpoint: "GET /footer-comments/{id}/children",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    commentId: path("id", commentId),
    ...commentListFilters,
    ...i.listInputs,
  },
});

const containerIds = {
  pageId: body("pageId", {
    ...i.pageId,
    required: false,
    comments: "The page to comment on (or give Blog Post Id).",
    parse: p.optionalNumericId,
  }),
  blogPostId: body("blogPostId", {
    ...blogPostId,
    required: false,
    comments: "The blog post to comment on (or give Page Id).",
    parse: p.optionalNumericId,
  }),
};

/**
 * A comment create whose lost answer is resolved by looking for our comment (same place, text,
 * author, created since the write: src/core/writes/comments.ts), never repeated blindly.
 */
function createComment(
  ctx: RunContext,
  kind: CommentKind,
  fields: Record<string, unknown>,
): Promise<ActionOutput> {
  return writeOutput(createCommentSafely(ctx.client, { kind, body: fields, debug: ctx.debug }));
}

/** Exactly one container: checked before any request. */
function checkOneContainer(input: { pageId?: string; blogPostId?: string }): void {
  if ((input.pageId === undefined) === (input.blogPostId === undefined)) {
    throw new InputError("Page Id", "or Blog Post Id is required (one of them, not both)");
  }
}

export const createFooterComment = defineAction({
  key: "createFooterComment",
  label: "Create Footer Comment",
  description: "Adds a comment at the bottom of a page or blog post.",
  endpoint: "POST /footer-comments",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    ...containerIds,
    body: body("body", commentBody),
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) => {
    checkOneContainer(input);
    return createComment(ctx, "footer", { ...ctx.request.body });
  },
});

export const replyToFooterComment = defineAction({
  key: "replyToFooterComment",
  label: "Reply to Footer Comment",
  description: "Replies to a footer comment (the reply joins the comment's thread).",
  endpoint: "POST /footer-comments",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    parentCommentId: body("parentCommentId", {
      ...commentId,
      label: "Parent Comment Id",
      comments: "The footer comment to reply to.",
    }),
    body: body("body", { ...commentBody, comments: "The body of the reply." }),
    debugRequest: i.debugRequest,
  },
  run: (_input, ctx) => createComment(ctx, "footer", { ...ctx.request.body }),
});

type Comment = { version?: { number?: number }; resolutionStatus?: string };

/** A comment update is identified by its version alone (bodies are rewritten on save). */
const commentUpdate = (kind: "footer" | "inline"): VersionedKind<Comment> => ({
  operation: kind === "footer" ? "updateFooterComment" : "updateInlineComment",
  noun: `${kind} comment`,
  path: `/${kind}-comments/{comment-id}`,
  matches: (stored, sent) =>
    typeof sent.resolved !== "boolean" ||
    (stored.resolutionStatus === "resolved") === sent.resolved,
  matchedFields: "resolution status",
});

/** The update of a comment with the next version number, resolved safely when lost. */
async function updateComment(
  ctx: RunContext,
  kind: "footer" | "inline",
  id: string,
  fields: Record<string, unknown>,
  given: { number: number | undefined; message: string | undefined },
): Promise<ActionOutput> {
  const update = commentUpdate(kind);
  const pathParams = { "comment-id": id };
  const version = await nextVersion(ctx, { path: update.path, pathParams }, given);
  return writeOutput(
    updateVersionedSafely(ctx.client, update, {
      pathParams,
      body: { ...fields, version },
      debug: ctx.debug,
    }),
  );
}

export const updateFooterComment = defineAction({
  key: "updateFooterComment",
  label: "Update Footer Comment",
  description: "Replaces the body of a footer comment (a new version).",
  endpoint: "PUT /footer-comments/{comment-id}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    commentId: path("comment-id", commentId),
    body: body("body", commentBody),
    versionNumber,
    versionMessage,
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) =>
    updateComment(
      ctx,
      "footer",
      input.commentId,
      { body: input.body },
      {
        number: input.versionNumber,
        message: input.versionMessage,
      },
    ),
});

export const deleteFooterComment = defineAction({
  key: "deleteFooterComment",
  label: "Delete Footer Comment",
  description: "Deletes a footer comment and its replies, permanently.",
  endpoint: "DELETE /footer-comments/{comment-id}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    commentId: path("comment-id", commentId),
    debugRequest: i.debugRequest,
  },
});

const integerOrBlank = p.optionalInteger(0, 10_000);

export const createInlineComment = defineAction({
  key: "createInlineComment",
  label: "Create Inline Comment",
  description:
    "Comments on a piece of text in a page or blog post (the comment is anchored on that text).",
  endpoint: "POST /inline-comments",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    ...containerIds,
    body: body("body", commentBody),
    textSelection: i.defineInput({
      label: "Text Selection",
      comments: "The exact text of the page to anchor the comment on.",
      type: "string",
      required: true,
      example: "quarterly targets",
      parse: p.requiredText,
    }),
    textSelectionMatchCount: i.defineInput({
      label: "Text Selection Match Count",
      comments:
        "How many times the text occurs in the page (Confluence checks it). Leave blank to count them in the page's current body.",
      type: "string",
      required: false,
      example: "1",
      parse: integerOrBlank,
    }),
    textSelectionMatchIndex: i.defineInput({
      label: "Text Selection Match Index",
      comments: "Which occurrence to anchor on, from 0 (the first).",
      default: "0",
      type: "string",
      required: false,
      example: "0",
      parse: integerOrBlank,
    }),
    debugRequest: i.debugRequest,
  },
  run: async (input, ctx) => {
    checkOneContainer(input);
    const index = input.textSelectionMatchIndex ?? 0;
    if (input.textSelectionMatchCount !== undefined && index >= input.textSelectionMatchCount) {
      throw new InputError(
        "Text Selection Match Index",
        "must be less than Text Selection Match Count",
      );
    }
    const count =
      input.textSelectionMatchCount ??
      (await countMatches(ctx, input.pageId, input.blogPostId, input.textSelection));
    return createComment(ctx, "inline", {
      ...ctx.request.body,
      inlineCommentProperties: {
        textSelection: input.textSelection,
        textSelectionMatchCount: count,
        textSelectionMatchIndex: index,
      },
    });
  },
});

/**
 * Occurrences of `text` in the container's current storage body, outside tags (a good guess of
 * what Confluence counts in the rendered text; give the count to be exact).
 */
async function countMatches(
  ctx: RunContext,
  pageId: string | undefined,
  postId: string | undefined,
  text: string,
): Promise<number> {
  const response = await ctx.client.request<{ body?: { storage?: { value?: string } } }>({
    path: pageId === undefined ? "/blogposts/{id}" : "/pages/{id}",
    pathParams: { id: pageId ?? postId ?? "" },
    query: { "body-format": "storage" },
    debug: ctx.debug,
  });
  const storage = response.data.body?.storage?.value ?? "";
  const plain = storage.replace(/<[^>]*>/g, "");
  return Math.max(1, plain.split(text).length - 1);
}

export const resolveInlineComment = defineAction({
  key: "resolveInlineComment",
  label: "Resolve Inline Comment",
  description: "Resolves an inline comment, or reopens a resolved one.",
  endpoint: "PUT /inline-comments/{comment-id}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    commentId: path("comment-id", commentId),
    resolved: i.flag("Resolved", "true resolves the comment; false reopens it.", true),
    versionNumber,
    versionMessage,
    debugRequest: i.debugRequest,
  },
  // UpdateInlineCommentModel.resolved: "If matching the existing state ... no change will occur".
  run: (input, ctx) =>
    updateComment(
      ctx,
      "inline",
      input.commentId,
      { resolved: input.resolved },
      {
        number: input.versionNumber,
        message: input.versionMessage,
      },
    ),
});

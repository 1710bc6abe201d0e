// Blog posts, beyond the specification (v2 createBlogPost, getBlogPostById, getBlogPostsInSpace,
// updateBlogPost, deleteBlogPost: https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-blog-post/).
// Bodies use the page actions' body input, so they take every format the page actions take.

import {
  createBlogPostSafely,
  pageMatches,
  updateVersionedSafely,
  type VersionedKind,
} from "../../core/writes/index.js";
import type { Page } from "../../types/confluence.js";
import { InputError } from "../input-error.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import { writeOutput } from "../request.js";
import { nextVersion, versionMessage, versionNumber } from "../versioning.js";
import { body, path, query } from "../wire.js";
import { defineAction } from "./define.js";
import { pageBody, pageTitle, writeStatus } from "./pages.js";

export const blogPostId = i.defineInput({
  label: "Blog Post Id",
  comments: "The Blog Post Id.",
  type: "string",
  required: true,
  example: "123456",
  parse: p.numericId,
});

const postTitle = (required: boolean) => ({
  ...pageTitle(required),
  comments: "Title of the blog post.",
});
const postBody = (required: boolean) => ({
  ...pageBody(required),
  comments: "The body of the blog post.",
});

export const createBlogPost = defineAction({
  key: "createBlogPost",
  label: "Create Blog Post",
  description: "Creates a blog post in a space.",
  endpoint: "POST /blogposts",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    spaceId: body("spaceId", i.spaceId),
    status: body("status", { ...writeStatus(false), comments: "The status of the blog post." }),
    title: body("title", postTitle(false)),
    body: body("body", postBody(false)),
    private: query(
      "private",
      i.flag("Private", "The blog post will be private: only its creator can view and edit it."),
      "omitFalse",
    ),
    debugRequest: i.debugRequest,
  },
  // BlogPostCreateRequest: a published blog post needs a title (as a page does). A lost answer
  // is resolved by title, author and time (src/core/writes/blogposts.ts), never repeated blindly.
  run: async (input, ctx) => {
    if (input.title === undefined && input.status !== "draft") {
      throw new InputError("Title", "is required unless Status is draft");
    }
    return writeOutput(
      createBlogPostSafely(ctx.client, {
        query: ctx.request.query,
        body: { ...ctx.request.body },
        debug: ctx.debug,
      }),
    );
  },
});

export const getBlogPost = defineAction({
  key: "getBlogPost",
  label: "Get Blog Post",
  description: "Returns a blog post by id.",
  endpoint: "GET /blogposts/{id}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    blogPostId: path("id", blogPostId),
    bodyFormat: query("body-format", i.bodyFormatSingle),
    getDraft: query(
      "get-draft",
      i.flag("Get Draft", "Retrieve the draft version of this blog post."),
      "omitFalse",
    ),
    includeLabels: query(
      "include-labels",
      i.flag("Include Labels", "Includes the blog post's labels (at most 50)."),
      "omitFalse",
    ),
    ...i.getInputs,
  },
});

export const listBlogPostsInSpace = defineAction({
  key: "listBlogPostsInSpace",
  label: "List Blog Posts in Space",
  description: "Returns the blog posts of a space.",
  endpoint: "GET /spaces/{id}/blogposts",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    spaceId: path("id", i.spaceId),
    sort: query("sort", i.sortPages),
    title: query("title", { ...i.titleFilter, comments: "Only blog posts with this title." }),
    bodyFormat: query("body-format", i.bodyFormatList),
    ...i.listInputs,
  },
});

/** updateBlogPost as a versioned update: the title and status identify it. */
const BLOG_POST_UPDATE: VersionedKind<Page> = {
  operation: "updateBlogPost",
  noun: "blog post",
  path: "/blogposts/{id}",
  probeQuery: { "body-format": "storage" },
  matches: pageMatches,
  matchedFields: "title and status",
};

export const updateBlogPost = defineAction({
  key: "updateBlogPost",
  label: "Update Blog Post",
  description: "Updates a blog post's title and body (a new version).",
  endpoint: "PUT /blogposts/{id}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    blogPostId: path("id", blogPostId),
    status: body("status", { ...writeStatus(true), comments: "The status of the blog post." }),
    title: body("title", postTitle(true)),
    body: body("body", postBody(true)),
    versionNumber,
    versionMessage,
    debugRequest: i.debugRequest,
  },
  // A lost answer is resolved from the blog post's version number (src/core/writes/versioned.ts).
  run: async (input, ctx) => {
    const pathParams = { id: input.blogPostId };
    const version = await nextVersion(
      ctx,
      { path: "/blogposts/{id}", pathParams },
      { number: input.versionNumber, message: input.versionMessage },
    );
    return writeOutput(
      updateVersionedSafely(ctx.client, BLOG_POST_UPDATE, {
        pathParams,
        // BlogPostUpdateRequest repeats the id in the body.
        body: { id: input.blogPostId, ...ctx.request.body, version },
        debug: ctx.debug,
      }),
    );
  },
});

export const deleteBlogPost = defineAction({
  key: "deleteBlogPost",
  label: "Delete Blog Post",
  description:
    "Deletes a blog post: moves it to the trash, or purges a trashed one, or discards a draft.",
  endpoint: "DELETE /blogposts/{id}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    blogPostId: path("id", blogPostId),
    purge: query("purge", i.flag("Purge", "Permanently delete a trashed blog post."), "omitFalse"),
    draft: query("draft", i.flag("Draft", "Delete the blog post's draft."), "omitFalse"),
    debugRequest: i.debugRequest,
  },
});

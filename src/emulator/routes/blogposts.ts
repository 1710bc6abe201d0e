// Blog posts: GET/POST /blogposts, GET /spaces/{id}/blogposts, GET/PUT/DELETE /blogposts/{id}
// (getBlogPosts, createBlogPost, getBlogPostsInSpace, getBlogPostById, updateBlogPost,
// deleteBlogPost). A blog post is a PageRecord of kind "blogpost": the list pipeline, the
// single renderer and the version/draft/trash rules of pages (domain/pages.ts) serve both.
import { parseWriteBody, toStorage } from "../body-format.js";
import type { SiteContext } from "../context.js";
import { deletePage, restoreFromTrash, saveRevision } from "../domain/pages.js";
import { badRequest, notFound } from "../errors.js";
import { jsonObject, params, query } from "../http.js";
import type { PageRecord } from "../model.js";
import { DELETE_PAGE, READ_PAGE, WRITE_PAGE } from "../oauth/scopes.js";
import { bool, pathId } from "../params.js";
import { makePage } from "../records.js";
import type { Route } from "../route.js";
import { filteredScope, listPages, renderRequested } from "./pages-read.js";
import { optionalString, versionNumber, written } from "./pages-write.js";

const ID = /^[0-9]{1,18}$/;

export function blogPostOf(ctx: SiteContext, raw: string, name = "id"): PageRecord {
  const post = ctx.store.blogposts.get(pathId(raw, name));
  if (!post) throw notFound();
  return post;
}

function writeStatus(body: Record<string, unknown>, fallback?: string): "current" | "draft" {
  const status = optionalString(body, "status") ?? fallback;
  if (status !== "current" && status !== "draft") {
    throw badRequest("status must be current or draft");
  }
  return status;
}

export const BLOGPOSTS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/blogposts",
    scopes: READ_PAGE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const scope = filteredScope(ctx, q, "blogpost");
      return listPages(ctx, request, reply, scope, "blogpost");
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/blogposts",
    scopes: READ_PAGE,
    handler: async (ctx, request, reply) => {
      const spaceId = pathId(params(request).id!);
      if (!ctx.store.spaces.has(spaceId)) throw notFound();
      const posts = ctx.store.blogpostsBySpace;
      return listPages(
        ctx,
        request,
        reply,
        {
          where: { inSpace: spaceId },
          candidates: () => posts.get(spaceId) ?? [],
          idOrdered: true,
        },
        "blogpost",
      );
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/blogposts/:id",
    scopes: READ_PAGE,
    handler: async (ctx, request) =>
      renderRequested(ctx, request, blogPostOf(ctx, params(request).id!)),
  },

  {
    method: "POST",
    path: "/wiki/api/v2/blogposts",
    scopes: WRITE_PAGE,
    handler: async (ctx, request) => {
      const q = query(request);
      const body = jsonObject(request);
      const user = ctx.user(request);
      const isPrivate = bool(q, "private", false);
      const spaceId = optionalString(body, "spaceId");
      if (spaceId === undefined) throw badRequest("spaceId is required");
      if (!ID.test(spaceId)) throw badRequest(`Invalid spaceId: ${spaceId.slice(0, 50)}`);
      if (!ctx.store.spaces.has(spaceId)) throw notFound();
      const status = writeStatus(body, "current");
      const title = optionalString(body, "title");
      // As for pages: a published blog post needs a title.
      if (status === "current" && !title) {
        throw badRequest("Title is required for a published blog post");
      }
      const writeBody = parseWriteBody(body.body);
      const post = makePage({
        num: ctx.store.allocateId(),
        kind: "blogpost",
        spaceId,
        parentId: undefined,
        title: title ?? "",
        body: writeBody ? toStorage(writeBody) : "",
        status,
        authorId: user.accountId,
        createdAt: new Date().toISOString(),
      });
      if (isPrivate) post.ownerId = user.accountId;
      ctx.store.addPage(post);
      return written(ctx, post, request);
    },
  },

  {
    method: "PUT",
    path: "/wiki/api/v2/blogposts/:id",
    scopes: WRITE_PAGE,
    handler: async (ctx, request) => {
      const post = blogPostOf(ctx, params(request).id!);
      const body = jsonObject(request);
      if (body.id !== undefined && String(body.id) !== post.id) {
        throw badRequest("id does not match the blog post id");
      }
      const status = writeStatus(body);
      const title = optionalString(body, "title");
      if (title === undefined || title === "") throw badRequest("title is required");
      const version = versionNumber(body);
      const spaceId = optionalString(body, "spaceId");
      if (spaceId !== undefined && spaceId !== post.spaceId) {
        throw badRequest("Moving a blog post to a different space is not supported");
      }
      if (post.status === "trashed") {
        restoreFromTrash(ctx.store, post, status);
        return written(ctx, post, request);
      }
      const writeBody = parseWriteBody(body.body);
      if (!writeBody) throw badRequest("body is required");
      const draft = saveRevision(ctx.store, post, {
        status,
        title,
        body: toStorage(writeBody),
        version,
        parentId: undefined,
        ownerId: undefined,
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      });
      return written(ctx, post, request, draft && { revision: draft, status: "draft" });
    },
  },

  // Same trash / purge / discard-draft rules as deletePage (domain/pages.ts, deleteBlogPost).
  {
    method: "DELETE",
    path: "/wiki/api/v2/blogposts/:id",
    scopes: DELETE_PAGE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const post = blogPostOf(ctx, params(request).id!);
      deletePage(ctx.store, post, {
        purge: bool(q, "purge", false),
        draft: bool(q, "draft", false),
      });
      return reply.code(204).send();
    },
  },
];

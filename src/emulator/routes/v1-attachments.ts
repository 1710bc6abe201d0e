// v1 attachment uploads, the only way to add a file in Confluence Cloud (v2 has no upload):
// createAttachment (POST: new files only, 400 for a file name the content already has) and
// createOrUpdateAttachments (PUT: a new version of the attachment with that file name, else a
// new attachment), on a page or a blog post, multipart with `file`, `comment`, `minorEdit`.
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---attachments/
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { addUploads, createOrUpdateUploads } from "../domain/attachments.js";
import { ApiError, notFound } from "../errors.js";
import { params } from "../http.js";
import { readUpload } from "../multipart.js";
import { V1_CREATE_ATTACHMENT } from "../oauth/scopes.js";
import type { Route } from "../route.js";
import { links, v1Attachment } from "../serialize/v1.js";

function uploadRoute(method: "POST" | "PUT"): Route {
  return {
    method,
    path: "/wiki/rest/api/content/:id/child/attachment",
    scopes: V1_CREATE_ATTACHMENT,
    handler: async (ctx: SiteContext, request: FastifyRequest) => {
      // Atlassian's XSRF protection: multipart uploads need this header ("XSRF check failed").
      if (String(request.headers["x-atlassian-token"] ?? "").toLowerCase() !== "no-check") {
        throw new ApiError(403, "XSRF check failed");
      }
      const id = params(request).id!;
      const container = ctx.store.pages.get(id) ?? ctx.store.blogposts.get(id);
      if (!container || container.status === "trashed") throw notFound();
      const { files, comment, minorEdit } = await readUpload(request);
      const meta = {
        comment,
        minorEdit,
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      };
      const written =
        method === "POST"
          ? addUploads(ctx.store, container, files, meta)
          : createOrUpdateUploads(ctx.store, container, files, meta);
      const results = written.map((record) => v1Attachment(request, record));
      return {
        results,
        size: results.length,
        _links: links(request, `/rest/api/content/${container.id}/child/attachment`),
      };
    },
  };
}

export const V1_ATTACHMENTS_ROUTES: readonly Route[] = [uploadRoute("POST"), uploadRoute("PUT")];

// GET /attachments, GET /attachments/{id}, GET /pages/{id}/attachments,
// GET /blogposts/{id}/attachments, DELETE /attachments/{id} (getAttachments, getAttachmentById,
// getPageAttachments, getBlogpostAttachments, deleteAttachment).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { deleteAttachment } from "../domain/attachments.js";
import { notFound } from "../errors.js";
import { baseUrl, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { AttachmentRecord } from "../model.js";
import { DELETE_ATTACHMENT, READ_ATTACHMENT } from "../oauth/scopes.js";
import {
  attachmentId,
  bool,
  enumList,
  enumValue,
  integer,
  limit as limitParam,
  pathId,
  single,
} from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";
import { ATTACHMENT_SORT_NAMES, ATTACHMENT_SORTS } from "../sort-specs.js";
import { applySingleIncludes } from "./single-includes.js";

const STATUSES = ["current", "archived", "trashed"] as const;

export function listAttachments(
  ctx: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: { container?: string },
  candidates: () => Iterable<AttachmentRecord>,
) {
  const q = query(request);
  const sortName = enumValue(q, "sort", ATTACHMENT_SORT_NAMES) ?? "id";
  // "By default, `current` and `archived` are used."
  const statuses: string[] = enumList(q, "status", STATUSES) ?? ["current", "archived"];
  const mediaType = single(q, "mediaType");
  const filename = single(q, "filename");
  // getAttachments / getPageAttachments default to 50.
  const limit = limitParam(q, 50);
  return sendView(ctx, request, reply, {
    view: "attachments",
    filters: { ...scope, statuses, mediaType, filename },
    candidates,
    keep: (a, f) =>
      f.statuses.includes(a.status) &&
      (f.mediaType === undefined || a.mediaType === f.mediaType) &&
      (f.filename === undefined || a.title === f.filename),
    sort: ATTACHMENT_SORTS[sortName]!,
    limit,
    serialize: serialize.attachment,
  });
}

export const ATTACHMENTS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/attachments",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request, reply) => {
      return listAttachments(ctx, request, reply, {}, () => ctx.store.attachments.values());
    },
  },

  // getPageAttachments, getBlogpostAttachments: the attachments of one page or blog post.
  ...(["page", "blogpost"] as const).map(
    (kind): Route => ({
      method: "GET",
      path: `/wiki/api/v2/${kind === "page" ? "pages" : "blogposts"}/:id/attachments`,
      scopes: READ_ATTACHMENT,
      handler: async (ctx, request, reply) => {
        const containerId = pathId(params(request).id!);
        if (!ctx.store.contentOf(kind).byId.has(containerId)) throw notFound();
        return listAttachments(
          ctx,
          request,
          reply,
          { container: containerId },
          () => ctx.store.attachmentsByContainer.get(containerId) ?? [],
        );
      },
    }),
  ),

  {
    method: "GET",
    path: "/wiki/api/v2/attachments/:id",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request) => {
      const q = query(request);
      const record = ctx.store.attachments.get(attachmentId(params(request).id!));
      if (!record) throw notFound();
      const wanted = integer(q, "version");
      if (wanted !== undefined && wanted !== record.version.number) throw notFound();
      return applySingleIncludes(ctx, q, serialize.attachment(record), {
        self: `/wiki/api/v2/attachments/${record.id}`,
        ownerKind: "attachment",
        id: record.id,
        targetType: "attachment",
        operations: ["read", "delete"],
        version: record.version,
        labels: record.labels,
        base: baseUrl(request),
      });
    },
  },

  // Trash or purge: the rules are in src/emulator/domain/attachments.ts (deleteAttachment).
  {
    method: "DELETE",
    path: "/wiki/api/v2/attachments/:id",
    scopes: DELETE_ATTACHMENT,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const id = attachmentId(params(request).id!);
      const purge = bool(q, "purge", false);
      const record = ctx.store.attachments.get(id);
      if (!record) throw notFound();
      deleteAttachment(ctx.store, record, purge);
      return reply.code(204).send();
    },
  },
];

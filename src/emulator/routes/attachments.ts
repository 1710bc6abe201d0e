// GET /attachments, GET /attachments/{id}, GET /pages/{id}/attachments, DELETE /attachments/{id}
// (getAttachments, getAttachmentById, getPageAttachments, deleteAttachment).
import type { SiteContext } from "../context.js";
import { badRequest, notFound } from "../errors.js";
import { baseUrl, params, query, sendList } from "../http.js";
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
  type Query,
  single,
} from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize.js";
import { ATTACHMENT_SORT_NAMES, ATTACHMENT_SORTS } from "../sort-specs.js";
import { sliceAfter, sortItems } from "../sorting.js";
import { applySingleIncludes } from "./single-includes.js";

const STATUSES = ["current", "archived", "trashed"] as const;

function listAttachments(
  ctx: SiteContext,
  q: Query,
  scope: string,
  candidates: () => Iterable<AttachmentRecord>,
) {
  const sortName = enumValue(q, "sort", ATTACHMENT_SORT_NAMES) ?? "id";
  // "By default, `current` and `archived` are used."
  const statuses: string[] = enumList(q, "status", STATUSES) ?? ["current", "archived"];
  const mediaType = single(q, "mediaType");
  const filename = single(q, "filename");
  // getAttachments / getPageAttachments default to 50.
  const limit = limitParam(q, 50);
  const spec = ATTACHMENT_SORTS[sortName]!;
  const key = `attachments|${scope}|${statuses.join(",")}|${mediaType ?? ""}|${filename ?? ""}|${sortName}`;
  const sorted = ctx.views.get(key, ctx.store.generation, () => {
    const matches: AttachmentRecord[] = [];
    for (const a of candidates()) {
      if (!statuses.includes(a.status)) continue;
      if (mediaType !== undefined && a.mediaType !== mediaType) continue;
      if (filename !== undefined && a.title !== filename) continue;
      matches.push(a);
    }
    return sortItems(matches, spec);
  });
  const slice = sliceAfter(sorted, spec, single(q, "cursor"), limit);
  return { results: slice.items.map(serialize.attachment), nextCursor: slice.nextCursor, limit };
}

export const ATTACHMENTS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/attachments",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const list = listAttachments(ctx, q, "all", () => ctx.store.attachments.values());
      return sendList(request, reply, list.results, list.nextCursor, list.limit);
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/pages/:id/attachments",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const pageId = pathId(params(request).id!);
      if (!ctx.store.pages.has(pageId)) throw notFound();
      const list = listAttachments(
        ctx,
        q,
        `page:${pageId}`,
        () => ctx.store.attachmentsByContainer.get(pageId) ?? [],
      );
      return sendList(request, reply, list.results, list.nextCursor, list.limit);
    },
  },

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
        base: baseUrl(request),
      });
    },
  },

  // "Deleting an attachment moves the attachment to the trash ... To permanently delete an
  // attachment (or "purge" it), the endpoint must be called on a trashed attachment with
  // purge=true." (deleteAttachment)
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
      if (purge) {
        if (record.status !== "trashed")
          throw badRequest("Only a trashed attachment can be purged");
        ctx.store.removeAttachment(record);
      } else {
        if (record.status === "trashed") throw notFound();
        record.status = "trashed";
        ctx.store.touch();
      }
      return reply.code(204).send();
    },
  },
];

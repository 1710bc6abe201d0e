// Attachment operations and versions: getAttachmentOperations, getAttachmentVersions and
// getAttachmentVersionDetails (confluence-v2.json; scope read:attachment:confluence;
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-attachment/). An attachment
// record holds its current version only (an upload under the same file name replaces it), so the
// version list is that version; an earlier number is a 404, as for any missing version.
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { notFound } from "../errors.js";
import { params, query } from "../http.js";
import { sendView } from "../list.js";
import type { AttachmentRecord } from "../model.js";
import { READ_ATTACHMENT } from "../oauth/scopes.js";
import { attachmentId, enumValue, limit as limitParam, pathId } from "../params.js";
import type { Route } from "../route.js";
import { version } from "../serialize/v2.js";

function attachmentOf(ctx: SiteContext, request: FastifyRequest, name: string): AttachmentRecord {
  const record = ctx.store.attachments.get(attachmentId(params(request)[name]!, name));
  if (!record) throw notFound();
  return record;
}

export const ATTACHMENT_VERSIONS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/attachments/:id/operations",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request) => {
      attachmentOf(ctx, request, "id");
      // The same operations getAttachmentById's include-operations reports.
      return {
        operations: ["read", "delete"].map((operation) => ({
          operation,
          targetType: "attachment",
        })),
      };
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/attachments/:id/versions",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request, reply) => {
      const record = attachmentOf(ctx, request, "id");
      const q = query(request);
      const sortName =
        enumValue(q, "sort", ["modified-date", "-modified-date"]) ?? "-modified-date";
      return sendView(ctx, request, reply, {
        view: "attachment-versions",
        filters: { id: record.id, number: record.version.number },
        candidates: () => [{ num: record.version.number, version: record.version }],
        sort: { name: sortName, key: (r) => r.num, descending: sortName.startsWith("-") },
        limit: limitParam(q),
        serialize: (r) => ({
          ...version(r.version),
          attachment: { id: record.id, title: record.title },
        }),
      });
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/attachments/:id/versions/:versionNumber",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request) => {
      const record = attachmentOf(ctx, request, "id");
      const number = Number(pathId(params(request).versionNumber!, "version-number"));
      if (number !== record.version.number) throw notFound();
      return {
        ...version(record.version),
        contentTypeModified: false,
        collaborators: [record.version.authorId],
        ...(number > 1 ? { prevVersion: number - 1 } : {}),
      };
    },
  },
];

// Attachment operations and versions: getAttachmentOperations, getAttachmentVersions and
// getAttachmentVersionDetails (confluence-v2.json; scope read:attachment:confluence;
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-attachment/). Every version
// an attachment had is listed and detailed (domain/attachment-versions.ts); a number it never
// had is a 404.
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { attachmentRevision, attachmentRevisions } from "../domain/attachment-versions.js";
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
        candidates: () =>
          attachmentRevisions(record).map((revision) => ({
            num: revision.version.number,
            revision,
          })),
        // Version numbers grow with their dates: modified-date order is number order.
        sort: { name: sortName, key: (r) => r.num, descending: sortName.startsWith("-") },
        limit: limitParam(q),
        serialize: (r) => ({
          ...version(r.revision.version),
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
      const revision = attachmentRevision(record, number);
      if (revision === undefined) throw notFound();
      const previous = attachmentRevision(record, number - 1);
      return {
        ...version(revision.version),
        // "contentTypeModified": the file's media type differs from the version before it.
        contentTypeModified: previous !== undefined && previous.mediaType !== revision.mediaType,
        collaborators: [revision.version.authorId],
        ...(previous !== undefined ? { prevVersion: number - 1 } : {}),
        ...(number < record.version.number ? { nextVersion: number + 1 } : {}),
      };
    },
  },
];

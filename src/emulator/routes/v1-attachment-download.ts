// v1 downloadAttatchment (sic), `GET /wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download`:
// the document declares 302 (and 400, 401, 404), i.e. a redirect to where the bytes are; we
// redirect to the site's download servlet (routes/download.ts) for the requested `version`
// (default: the current one). An attachment of other content, a trashed attachment or a version it
// never had is a 404. The redirect keeps the request's own prefix (the OAuth gateway's
// `/ex/confluence/{cloudId}`), so the caller's credentials reach the bytes.
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---attachments/#api-wiki-rest-api-content-id-child-attachment-attachmentid-download-get
import { attachmentRevision } from "../domain/attachment-versions.js";
import { notFound } from "../errors.js";
import { params, query } from "../http.js";
import { attachmentContainer } from "../model.js";
import { attachmentId, integer } from "../params.js";
import type { Route } from "../route.js";

const V1_PATH = "/wiki/rest/api/content/";

export const V1_ATTACHMENT_DOWNLOAD_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/rest/api/content/:id/child/attachment/:attachmentId/download",
    // confluence-v1.json: readonly:content.attachment:confluence (current), read:attachment (beta).
    scopes: [["readonly:content.attachment:confluence"], ["read:attachment:confluence"]],
    handler: async (ctx, request, reply) => {
      const { id, attachmentId: rawId } = params(request);
      const record = ctx.store.attachments.get(attachmentId(rawId!, "attachmentId"));
      if (
        record === undefined ||
        record.status !== "current" ||
        attachmentContainer(record) !== id
      ) {
        throw notFound();
      }
      const number = integer(query(request), "version") ?? record.version.number;
      if (attachmentRevision(record, number) === undefined) throw notFound();
      const prefix = request.url.slice(0, request.url.indexOf(V1_PATH));
      const location = `${prefix}/wiki/download/attachments/${id}/${encodeURIComponent(record.title)}?version=${number}&api=v2`;
      return reply.code(302).header("location", location).send();
    },
  },
];

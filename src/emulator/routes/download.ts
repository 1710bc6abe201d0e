// Attachment downloads: the `downloadLink` / `_links.download` that v2 attachments carry
// (`/download/attachments/{containerId}/{fileName}?version=N&api=v2`, relative to `/wiki`).
// Not part of the REST API documents: it is the site's download servlet, which answers with the
// file's bytes, its media type and a Content-Disposition, and needs the same authentication.
// `version=N` serves that version of the file (every version stays downloadable; without it,
// the current one; a version the attachment never had is a 404).
// Source: "Attachment" schema (downloadLink) in confluence-v2.json, and Atlassian's guidance to
// download through `_links.download` (developer.atlassian.com/cloud/confluence/rest/v2/api-group-attachment).
import { attachmentRevision, currentRevision } from "../domain/attachment-versions.js";
import { notFound } from "../errors.js";
import { params, query } from "../http.js";
import { integer } from "../params.js";
import type { Route } from "../route.js";

export const DOWNLOADS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/download/attachments/:container/:fileName",
    scopes: "unchecked",
    handler: async (ctx, request, reply) => {
      const { container, fileName } = params(request);
      const attachment = ctx.store.attachmentsByContainer
        .get(container ?? "")
        ?.find((a) => a.title === fileName && a.status === "current");
      if (attachment === undefined) throw notFound();
      const number = integer(query(request), "version");
      const revision =
        number === undefined ? currentRevision(attachment) : attachmentRevision(attachment, number);
      if (revision === undefined) throw notFound();
      return reply
        .header("content-type", revision.mediaType)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.title)}`,
        )
        .send(revision.data ?? Buffer.alloc(0));
    },
  },
];

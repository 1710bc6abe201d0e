// Search hits → v1 Content (confluence-v1.json `Content`): pages and blog posts, attachments,
// comments (with their `container`) and custom content. Spaces are not content: /search returns
// them as `space` results (SearchResult.space), /content/search leaves them out.
import type { FastifyRequest } from "fastify";
import type { V1Content } from "../../types/confluence.js";
import type { SearchItem, SearchRecord } from "../cql/documents.js";
import { links, v1Attachment, v1Page, v1Version } from "./v1.js";

export type ContentHit = Exclude<SearchRecord, { kind: "space" }>;

export function v1SearchContent(
  request: FastifyRequest,
  { doc }: SearchItem,
  hit: ContentHit,
): V1Content {
  const spaceKey = doc.spaceKey ?? "";
  switch (hit.kind) {
    case "page":
      return v1Page(request, hit.record, spaceKey);
    case "attachment":
      return v1Attachment(request, hit.record);
    case "comment": {
      const comment = hit.record;
      return {
        id: comment.id,
        type: "comment",
        status: comment.status,
        title: doc.title,
        version: v1Version(comment.current.version),
        extensions: { location: comment.kind },
        _expandable: { container: `/rest/api/content/${comment.containerId}` },
        _links: links(request, `/rest/api/content/${comment.id}`, {
          webui: `/spaces/${spaceKey}/pages/${comment.containerId}?focusedCommentId=${comment.id}`,
        }),
      };
    }
    default: {
      const item = hit.record;
      return {
        id: item.id,
        type: item.type,
        status: item.status,
        title: item.title,
        version: v1Version(item.version),
        _links: links(request, `/rest/api/content/${item.id}`, {
          webui: `/spaces/${spaceKey}/customcontent/${item.id}`,
        }),
      };
    }
  }
}

// The root comments of one container: getPageFooterComments, getPageInlineComments,
// getBlogPostFooterComments, getBlogPostInlineComments, getAttachmentComments,
// getCustomContentComments ("Returns the root footer comments of specific page"; replies are
// listed by /footer-comments/{id}/children). Containers are found through the comment container
// registry (content-store.ts), so blog posts are served once their model registers them.

import { notFound } from "../errors.js";
import { params, query } from "../http.js";
import type { CommentContainerType, CommentKind } from "../model-content.js";
import { READ_COMMENT } from "../oauth/scopes-content.js";
import { attachmentId, integer, pathId } from "../params.js";
import type { Route } from "../route.js";
import { listComments } from "./comment-helpers.js";

interface Listing {
  segment: string;
  type: CommentContainerType;
  kind: CommentKind;
  parseId: (raw: string) => string;
}

const LISTINGS: Listing[] = [
  { segment: "pages", type: "page", kind: "footer", parseId: (raw) => pathId(raw) },
  { segment: "pages", type: "page", kind: "inline", parseId: (raw) => pathId(raw) },
  { segment: "blogposts", type: "blogpost", kind: "footer", parseId: (raw) => pathId(raw) },
  { segment: "blogposts", type: "blogpost", kind: "inline", parseId: (raw) => pathId(raw) },
  {
    segment: "attachments",
    type: "attachment",
    kind: "footer",
    parseId: (raw) => attachmentId(raw),
  },
  {
    segment: "custom-content",
    type: "customContent",
    kind: "footer",
    parseId: (raw) => pathId(raw),
  },
];

function listingRoute(listing: Listing): Route {
  const { segment, type, kind } = listing;
  return {
    method: "GET",
    path: `/wiki/api/v2/${segment}/:id/${kind}-comments`,
    scopes: READ_COMMENT,
    handler: async (ctx, request, reply) => {
      const id = listing.parseId(params(request).id!);
      if (!ctx.store.content.container(type, id)) throw notFound();
      // getAttachmentComments takes the attachment `version`; comments are not versioned per
      // attachment version here, so it is validated and otherwise ignored.
      if (type === "attachment") integer(query(request), "version");
      const content = ctx.store.content;
      return listComments(ctx, request, reply, {
        view: "container-comments",
        where: { type, id },
        candidates: () =>
          content.commentsOn(type, id).filter((c) => c.parentCommentId === undefined),
        kind,
        statusFilter: type === "page" || type === "blogpost",
      });
    },
  };
}

export const COMMENT_LISTINGS_ROUTES: readonly Route[] = LISTINGS.map(listingRoute);

// Ambiguity-safe comment creation (createFooterComment, a reply through parentCommentId, and
// createInlineComment of confluence-v2.json). A comment has no unique key: two identical
// comments are both accepted. So after a lost answer the probe looks, newest first, at the
// comments of the same container (or the replies of the same parent) created since the first
// send, and takes as ours the one at version 1, saved by the connection's user (authorship.ts),
// whose text is the text we sent (storage-text.ts). One: applied. None: not applied (sent again).
// Several: unknown. Residual risk (docs/confluence.md, "Lost answers"): the same user posting the
// same text on the same container within those seconds from elsewhere is taken as ours, and a
// create stalled inside Confluence past the probe (the resolver waits settleMs after a timeout)
// would land after the re-send, leaving two comments.
import type { ConfluenceClient, ConfluenceResponse } from "../types.js";
import {
  type AuthoredVersion,
  authorship,
  savedBefore,
  savedBy,
  writeStarted,
} from "./authorship.js";
import { callOptions, resolveWrite, type SafeWriteOptions, type Verdict } from "./resolve.js";
import { sameStorageText, sentStorage, storageOf } from "./storage-text.js";

type Json = Record<string, unknown>;

export type CommentKind = "footer" | "inline";

export interface SafeCreateComment extends SafeWriteOptions {
  kind: CommentKind;
  /** CreateFooterCommentModel / CreateInlineCommentModel, with its container or parent id. */
  body: Json;
}

interface ListedComment {
  id: string;
  version?: AuthoredVersion;
  body?: Json;
}

/** Pages of newest comments read at most (100 each) before giving up as unknown. */
const MAX_PAGES = 5;

/** The listing holding a new comment of this place, newest first. */
function listingOf(kind: CommentKind, body: Json): { path: string; id: string } | undefined {
  if (typeof body.parentCommentId === "string") {
    return { path: `/${kind}-comments/{id}/children`, id: body.parentCommentId };
  }
  if (typeof body.pageId === "string")
    return { path: `/pages/{id}/${kind}-comments`, id: body.pageId };
  if (typeof body.blogPostId === "string") {
    return { path: `/blogposts/{id}/${kind}-comments`, id: body.blogPostId };
  }
  return undefined;
}

export function createCommentSafely(
  client: ConfluenceClient,
  request: SafeCreateComment,
): Promise<ConfluenceResponse<Json>> {
  const { kind, body } = request;
  const call = callOptions(request);
  const text = sentStorage(body.body);
  const listing = listingOf(kind, body);
  const startedAt = writeStarted();
  const where = listing === undefined ? "its container" : listing.path.replace("{id}", listing.id);
  const probe = async (): Promise<Verdict<Json>> => {
    if (listing === undefined || text === undefined) {
      return {
        state: "unknown",
        reason: "only storage bodies on a page, blog post or parent can be looked up",
      };
    }
    const who = await authorship(client, call, startedAt);
    const ours: ListedComment[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const found = await client.listPage<ListedComment>(listing.path, {
        ...call,
        pathParams: { id: listing.id },
        query: { "body-format": "storage", sort: "-created-date" },
        limit: 100,
        cursor,
      });
      for (const comment of found.results) {
        const first = comment.version?.number === 1;
        if (first && savedBy(comment.version, who) && sameStorageText(storageOf(comment), text)) {
          ours.push(comment);
        }
      }
      // Newest first: a first version older than the write means the rest are older still.
      const older = found.results.some(
        (comment) => comment.version?.number === 1 && savedBefore(comment.version, who),
      );
      cursor = found.nextCursor;
      if (older || cursor === undefined) break;
      if (page === MAX_PAGES - 1) {
        return {
          state: "unknown",
          reason: `more than ${MAX_PAGES * 100} comments since the write`,
        };
      }
    }
    if (ours.length === 0) return { state: "absent" };
    if (ours.length > 1) {
      return {
        state: "unknown",
        reason: `${ours.length} comments by you with this text since the write`,
      };
    }
    const comment = await client.request<Json>({
      ...call,
      path: `/${kind}-comments/{comment-id}`,
      pathParams: { "comment-id": ours[0]!.id },
      query: { "body-format": "storage" },
    });
    return { state: "applied", response: comment };
  };
  return resolveWrite(
    {
      operation: kind === "footer" ? "createFooterComment" : "createInlineComment",
      method: "POST",
      path: `/wiki/api/v2/${kind}-comments`,
      check: `whether ${where} has your comment with this text`,
      send: () =>
        client.request<Json>({
          ...call,
          method: "POST",
          path: `/${kind}-comments`,
          body,
          idempotent: false,
        }),
      probe,
      // No unique key: Confluence never rejects a repeat as a duplicate.
      isCollision: () => false,
    },
    request,
  );
}

// Applies the visibility rule (domain/visibility.ts) to a request before its handler runs, from
// the matched route's path parameters and, for creates, the body's space: every v1/v2 row is
// covered without a check in each handler.
//
// - Content or a space the user may not view answers 404: it does not exist for them.
// - A write to content the user may view but not edit: v1 answers 403, which its content
//   operations declare ("Returned if the calling user does not have permission to ..."; a real
//   body: `{"statusCode":403,...,"message":"Could not update Content ..."}`,
//   https://github.com/iamjackg/md2cf/issues/12; on Cloud, create_page 403 in a space without add
//   permission, https://github.com/atlassian-api/atlassian-python-api/issues/713). v1 space
//   writes declare only 404 ("... or the calling user does not have permission to ..."), and the
//   v2 document declares no 403 on content operations: there the answer is 404, as publishers
//   observe for edit-restricted pages ("Confluence API reports a 404 error as the page cannot be
//   found, versus a 403", https://github.com/sphinx-contrib/confluencebuilder/pull/1111).
import type { FastifyRequest } from "fastify";
import { canEditContent, canEditSpace, canViewContent, canViewSpace } from "./domain/visibility.js";
import { ApiError, apiFamilyOf, notFound } from "./errors.js";
import type { SpaceRecord, UserRecord } from "./model.js";
import type { Store } from "./store.js";

/**
 * Path parameters naming a space (after a `spaces` segment) or content of any kind (ids are
 * site-wide, as in Confluence; ids of other things, e.g. labels or long tasks, name no content
 * and pass).
 */
const ID_PARAMS = ["id", "ownerId", "customContentId", "container"] as const;

/** A write the user may not make on something they can see. */
function refused(request: FastifyRequest, onSpace: boolean): ApiError {
  return apiFamilyOf(request.url) === "v1" && !onSpace
    ? new ApiError(403, "You do not have permission to edit this content", "FORBIDDEN")
    : notFound();
}

function checkSpace(
  user: UserRecord,
  space: SpaceRecord | undefined,
  request: FastifyRequest,
  write: "none" | "space" | "content",
): void {
  if (!space) return;
  if (!canViewSpace(user, space)) throw notFound();
  if (write !== "none" && !canEditSpace(user, space)) {
    throw refused(request, write === "space");
  }
}

/** The space a create names in its body: v2 `spaceId`, v1 `space.key`. */
function bodySpace(store: Store, body: unknown): SpaceRecord | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { spaceId, space } = body as { spaceId?: unknown; space?: unknown };
  if (typeof spaceId === "string") return store.spaces.get(spaceId);
  const key = (space as { key?: unknown } | null | undefined)?.key;
  return typeof key === "string" ? store.spacesByKey.get(key) : undefined;
}

export function guardAccess(store: Store, user: UserRecord, request: FastifyRequest): void {
  const route = request.routeOptions.url ?? "";
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const writes = request.method !== "GET" && request.method !== "HEAD";
  if (params.spaceKey !== undefined) {
    checkSpace(user, store.spacesByKey.get(params.spaceKey), request, writes ? "space" : "none");
    return;
  }
  let named = false;
  for (const name of ID_PARAMS) {
    const id = params[name];
    if (id === undefined) continue;
    named = true;
    if (route.includes(`/spaces/:${name}`)) {
      checkSpace(user, store.spaces.get(id), request, writes ? "space" : "none");
      continue;
    }
    if (!canViewContent(store, user, id)) throw notFound();
    if (writes && !canEditContent(store, user, id)) throw refused(request, false);
  }
  if (!named && request.method === "POST") {
    checkSpace(user, bodySpace(store, request.body), request, "content");
  }
}

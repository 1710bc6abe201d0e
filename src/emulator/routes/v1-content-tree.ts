// v1 movePage (PUT /wiki/rest/api/content/{pageId}/move/{position}/{targetId}) and
// restoreContentVersion (POST /wiki/rest/api/content/{id}/version, operationKey "restore"):
// Confluence has no v2 operation for either. Rules and sources in domain/move.ts.
import { type MovePosition, movePage, restoreVersion } from "../domain/move.js";
import { badRequest, notFound } from "../errors.js";
import { jsonObject, params } from "../http.js";
import type { PageRecord } from "../model.js";
import { V1_MOVE_PAGE, V1_RESTORE_VERSION } from "../oauth/scopes.js";
import type { Route } from "../route.js";
import { links, v1Version } from "../serialize/v1.js";
import type { Store } from "../store.js";

const ID = /^[0-9]{1,18}$/;
const POSITIONS: readonly MovePosition[] = ["before", "after", "append"];

function pageOf(store: Store, id: string): PageRecord {
  const page = ID.test(id) ? store.pages.get(id) : undefined;
  if (!page) throw notFound();
  return page;
}

/**
 * A page or a blog post: v1 content ids name either. restoreContentVersion answers 400, not
 * 404, when "there is no content with the given ID" (its documented 400; it declares no 404).
 */
function contentOf(store: Store, id: string): PageRecord {
  const content = ID.test(id) ? (store.pages.get(id) ?? store.blogposts.get(id)) : undefined;
  if (content?.status !== "current") {
    throw badRequest(`There is no content with the given id ${id.slice(0, 40)}`);
  }
  return content;
}

/** VersionRestore: `{ operationKey: "restore", params: { versionNumber, message, restoreTitle? } }`. */
function parseRestore(body: Record<string, unknown>) {
  if (body.operationKey !== "restore") throw badRequest("operationKey must be restore");
  const given = body.params;
  if (typeof given !== "object" || given === null) throw badRequest("params is required");
  const { versionNumber, message, restoreTitle } = given as Record<string, unknown>;
  if (typeof versionNumber !== "number" || !Number.isInteger(versionNumber)) {
    throw badRequest("params.versionNumber must be an integer");
  }
  if (typeof message !== "string") throw badRequest("params.message must be a string");
  if (restoreTitle !== undefined && typeof restoreTitle !== "boolean") {
    throw badRequest("params.restoreTitle must be a boolean");
  }
  return { versionNumber, message, restoreTitle: restoreTitle === true };
}

export const V1_CONTENT_TREE_ROUTES: readonly Route[] = [
  {
    method: "PUT",
    path: "/wiki/rest/api/content/:pageId/move/:position/:targetId",
    scopes: V1_MOVE_PAGE,
    handler: async (ctx, request) => {
      const { pageId, position, targetId } = params(request);
      if (!POSITIONS.includes(position as MovePosition)) {
        throw badRequest(`position must be one of ${POSITIONS.join(", ")}`);
      }
      const page = pageOf(ctx.store, pageId!);
      movePage(ctx.store, page, position as MovePosition, pageOf(ctx.store, targetId!));
      return { pageId: page.id };
    },
  },
  {
    method: "POST",
    path: "/wiki/rest/api/content/:id/version",
    scopes: V1_RESTORE_VERSION,
    handler: async (ctx, request) => {
      const content = contentOf(ctx.store, params(request).id!);
      const input = parseRestore(jsonObject(request));
      const revision = restoreVersion(ctx.store, content, {
        ...input,
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      });
      const number = revision.version.number;
      return {
        ...v1Version(revision.version),
        _expandable: { content: `/rest/api/content/${content.id}` },
        _links: links(request, `/rest/api/content/${content.id}/version/${number}`),
      };
    },
  },
];

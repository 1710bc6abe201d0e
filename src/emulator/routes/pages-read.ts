// GET /pages, GET /spaces/{id}/pages, GET /pages/{id} (getPages, getPagesInSpace, getPageById).
import type { Page } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import { notFound } from "../errors.js";
import { baseUrl, params, query, sendList } from "../http.js";
import type { PageRecord, Revision } from "../model.js";
import { READ_PAGE } from "../oauth/scopes.js";
import {
  bool,
  enumList,
  enumValue,
  idList,
  integer,
  limit as limitParam,
  pathId,
  type Query,
  single,
} from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize.js";
import { PAGE_SORT_NAMES, PAGE_SORTS } from "../sort-specs.js";
import { sliceAfter, sortItems } from "../sorting.js";
import { ownerKey } from "../store.js";

// Enums copied from the OpenAPI spec (confluence-v2.json), not from src/catalog/inputs.ts: the
// emulator shares no code with the client. `status`: getPages / getPagesInSpace parameter enum.
const LIST_STATUSES = ["current", "archived", "deleted", "trashed"] as const;
// getPageById `status` parameter enum.
const SINGLE_STATUSES = [
  "current",
  "archived",
  "trashed",
  "deleted",
  "historical",
  "draft",
] as const;
// `body-format`: PrimaryBodyRepresentation (getPages, getPagesInSpace) and
// PrimaryBodyRepresentationSingle (getPageById). Sort orders: PageSortOrder, in sort-specs.ts.
const BULK_FORMATS = ["storage", "atlas_doc_format"] as const;
const SINGLE_FORMATS = [
  "storage",
  "atlas_doc_format",
  "view",
  "export_view",
  "anonymous_export_view",
  "styled_view",
  "editor",
] as const;

interface ListScope {
  name: string;
  candidates: () => Iterable<PageRecord>;
  extra?: (page: PageRecord) => boolean;
}

function listPages(ctx: SiteContext, q: Query, scope: ListScope) {
  const sortName = enumValue(q, "sort", PAGE_SORT_NAMES) ?? "id";
  // "By default, current and archived are used."
  const statuses: string[] = enumList(q, "status", LIST_STATUSES) ?? ["current", "archived"];
  const title = single(q, "title");
  const subtype = enumValue(q, "subtype", ["live", "page"] as const);
  const bodyFormat = enumValue(q, "body-format", BULK_FORMATS);
  const limit = limitParam(q);
  const spec = PAGE_SORTS[sortName]!;
  const viewKey = `pages|${scope.name}|${statuses.join(",")}|${title ?? ""}|${subtype ?? ""}|${sortName}`;
  const sorted = ctx.views.get(viewKey, ctx.store.generation, () => {
    const matches: PageRecord[] = [];
    for (const page of scope.candidates()) {
      if (!statuses.includes(page.status)) continue;
      if (title !== undefined && page.current.title !== title) continue;
      if (subtype === "live" && page.subtype !== "live") continue;
      if (subtype === "page" && page.subtype !== undefined) continue;
      if (scope.extra && !scope.extra(page)) continue;
      matches.push(page);
    }
    return sortItems(matches, spec);
  });
  const slice = sliceAfter(sorted, spec, single(q, "cursor"), limit);
  const results = slice.items.map((page) =>
    serialize.page(page, ctx.store.spaces.get(page.spaceId)?.key ?? "", bodyFormat),
  );
  return { results, nextCursor: slice.nextCursor, limit };
}

function pickRevision(page: PageRecord, q: Query): { revision: Revision; status: string } {
  if (bool(q, "get-draft", false)) {
    if (page.status === "draft") return { revision: page.current, status: "draft" };
    if (page.draft) return { revision: page.draft, status: "draft" };
    throw notFound();
  }
  const wanted = integer(q, "version");
  if (wanted !== undefined && wanted !== page.current.version.number) {
    const old = page.history.find((revision) => revision.version.number === wanted);
    if (!old) throw notFound();
    return { revision: old, status: "historical" };
  }
  return { revision: page.current, status: page.status };
}

export function renderSinglePage(
  ctx: SiteContext,
  page: PageRecord,
  q: Query,
  base: string,
  userId: string,
  picked = { revision: page.current, status: page.status as string },
): Page {
  const bodyFormat = enumValue(q, "body-format", SINGLE_FORMATS);
  const spaceKey = ctx.store.spaces.get(page.spaceId)?.key ?? "";
  const result: Page = serialize.page(page, spaceKey, bodyFormat, picked.revision, picked.status);
  const self = `/wiki/api/v2/pages/${page.id}`;
  if (bool(q, "include-labels", false)) {
    result.labels = serialize.optionalField(page.labels, `${self}/labels`);
  }
  if (bool(q, "include-properties", false)) {
    const props = ctx.store.propertiesOf(ownerKey("page", page.id)).map(serialize.property);
    result.properties = serialize.optionalField(props, `${self}/properties`);
  }
  if (bool(q, "include-operations", false)) {
    const ops = ["read", "update", "delete"].map((operation) => ({
      operation,
      targetType: "page",
    }));
    result.operations = serialize.optionalField(ops, `${self}/operations`);
  }
  if (bool(q, "include-likes", false)) {
    const likes = page.likedBy.map((accountId) => ({ accountId }));
    result.likes = serialize.optionalField(likes, `${self}/likes/users`);
  }
  if (bool(q, "include-versions", false)) {
    // Newest first, like GET /pages/{id}/versions.
    const versions = [...page.history, page.current]
      .reverse()
      .map((r) => serialize.version(r.version));
    result.versions = serialize.optionalField(versions, `${self}/versions`);
  }
  if (!bool(q, "include-version", true)) delete result.version;
  if (bool(q, "include-favorited-by-current-user-status", false)) {
    result.isFavoritedByCurrentUser = page.favoritedBy.includes(userId);
  }
  // Accepted and validated; the emulator has nothing to add for these.
  bool(q, "include-webresources", false);
  bool(q, "include-collaborators", false);
  bool(q, "include-direct-children", false);
  result._links = { ...result._links, base };
  return result;
}

export const PAGE_READS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/pages",
    scopes: READ_PAGE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const ids = idList(q, "id");
      const spaceIds = idList(q, "space-id", 100);
      const store = ctx.store;
      const scope: ListScope = ids
        ? {
            name: `id:${ids.join(",")}|space:${spaceIds?.join(",") ?? ""}`,
            candidates: () => ids.map((id) => store.pages.get(id)).filter((p) => p !== undefined),
            extra: spaceIds ? (page) => spaceIds.includes(page.spaceId) : undefined,
          }
        : spaceIds
          ? {
              name: `space:${spaceIds.join(",")}`,
              candidates: () => spaceIds.flatMap((id) => store.pagesBySpace.get(id) ?? []),
            }
          : { name: "all", candidates: () => store.pages.values() };
      const list = listPages(ctx, q, scope);
      return sendList(request, reply, list.results, list.nextCursor, list.limit);
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/pages",
    scopes: READ_PAGE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const spaceId = pathId(params(request).id!);
      const pages = ctx.store.pagesBySpace.get(spaceId);
      if (!ctx.store.spaces.has(spaceId) || !pages) throw notFound();
      const depth = enumValue(q, "depth", ["all", "root"] as const) ?? "all";
      const list = listPages(ctx, q, {
        name: `in-space:${spaceId}|${depth}`,
        candidates: () => pages,
        // "root": pages at the root level of the space (the homepage and root-level pages).
        extra: depth === "root" ? (page) => page.parentId === undefined : undefined,
      });
      return sendList(request, reply, list.results, list.nextCursor, list.limit);
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/pages/:id",
    scopes: READ_PAGE,
    handler: async (ctx, request) => {
      const q = query(request);
      const page = ctx.store.pages.get(pathId(params(request).id!));
      if (!page) throw notFound();
      const statuses = enumList(q, "status", SINGLE_STATUSES);
      const picked = pickRevision(page, q);
      if (statuses && !statuses.includes(picked.status as (typeof SINGLE_STATUSES)[number])) {
        throw notFound();
      }
      const userId = ctx.user(request).accountId;
      return renderSinglePage(ctx, page, q, baseUrl(request), userId, picked);
    },
  },
];

// GET /pages, GET /spaces/{id}/pages, GET /pages/{id} (getPages, getPagesInSpace, getPageById).
// The list and single renderers serve blog posts too (routes/blogposts.ts): the v2 blogpost
// endpoints mirror the page ones with fewer filters.

import type { FastifyReply, FastifyRequest } from "fastify";
import type { Page } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import { notFound } from "../errors.js";
import { baseUrl, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { ContentKind, PageRecord, Revision } from "../model.js";
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
import * as serialize from "../serialize/v2.js";
import { PAGE_SORT_NAMES, PAGE_SORTS } from "../sort-specs.js";
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

/** Where a page list looks: an index of the store, named in the view key by `where`. */
export interface ListScope {
  where: Record<string, unknown>;
  candidates: () => Iterable<PageRecord>;
  /** The candidates are one array in id order (see ListView.idOrdered). */
  idOrdered?: boolean;
  extra?: (page: PageRecord) => boolean;
}

/** What differs between the page and blog-post lists (their OpenAPI parameter enums). */
interface ListRules {
  statuses: readonly string[];
  defaultStatuses: string[];
  sortNames: readonly string[];
}

const LIST_RULES: Record<ContentKind, ListRules> = {
  // getPages: "By default, current and archived are used."
  page: {
    statuses: LIST_STATUSES,
    defaultStatuses: ["current", "archived"],
    sortNames: PAGE_SORT_NAMES,
  },
  // getBlogPosts `status` enum: current, deleted, trashed ("By default, only current is used").
  blogpost: {
    statuses: ["current", "deleted", "trashed"],
    defaultStatuses: ["current"],
    sortNames: PAGE_SORT_NAMES.filter((name) => !name.endsWith("title")),
  },
};

export function listPages(
  ctx: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: ListScope,
  kind: ContentKind = "page",
) {
  const q = query(request);
  const rules = LIST_RULES[kind];
  const sortName = enumValue(q, "sort", rules.sortNames) ?? "id";
  const statuses: string[] = enumList(q, "status", rules.statuses) ?? rules.defaultStatuses;
  const title = single(q, "title");
  const subtype = kind === "page" ? enumValue(q, "subtype", ["live", "page"] as const) : undefined;
  const bodyFormat = enumValue(q, "body-format", BULK_FORMATS);
  const limit = limitParam(q);
  return sendView(ctx, request, reply, {
    view: kind,
    filters: { ...scope.where, statuses, title, subtype },
    candidates: scope.candidates,
    idOrdered: scope.idOrdered,
    keep: (page, f) =>
      f.statuses.includes(page.status) &&
      (f.title === undefined || page.current.title === f.title) &&
      (f.subtype !== "live" || page.subtype === "live") &&
      (f.subtype !== "page" || page.subtype === undefined) &&
      (scope.extra === undefined || scope.extra(page)),
    sort: PAGE_SORTS[sortName]!,
    limit,
    serialize: (page) =>
      serialize.content(page, ctx.store.spaces.get(page.spaceId)?.key ?? "", bodyFormat),
  });
}

export function pickRevision(page: PageRecord, q: Query): { revision: Revision; status: string } {
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

/** What the caller may do with a page or blog post (the emulator grants its user everything). */
export function contentOperations(page: PageRecord) {
  return ["read", "update", "delete"].map((operation) => ({ operation, targetType: page.kind }));
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
  const result: Page = serialize.content(
    page,
    spaceKey,
    bodyFormat,
    picked.revision,
    picked.status,
  );
  const self = `/wiki/api/v2/${page.kind === "page" ? "pages" : "blogposts"}/${page.id}`;
  if (bool(q, "include-labels", false)) {
    result.labels = serialize.optionalField(page.labels, `${self}/labels`);
  }
  if (bool(q, "include-properties", false)) {
    const props = ctx.store.propertiesOf(ownerKey(page.kind, page.id)).map(serialize.property);
    result.properties = serialize.optionalField(props, `${self}/properties`);
  }
  if (bool(q, "include-operations", false)) {
    const ops = contentOperations(page);
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

/**
 * getPages / getBlogPosts: the `id` and `space-id` filters as a list scope. Ids first (at most
 * 250), else the spaces' own lists (read in id order for one space), else every item.
 */
export function filteredScope(
  ctx: SiteContext,
  q: ReturnType<typeof query>,
  kind: ContentKind,
): ListScope {
  const { byId, bySpace } = ctx.store.contentOf(kind);
  const ids = idList(q, "id");
  const spaceIds = idList(q, "space-id", 100);
  if (ids) {
    return {
      where: { ids, spaceIds },
      candidates: () => ids.map((id) => byId.get(id)).filter((item) => item !== undefined),
      extra: spaceIds ? (item) => spaceIds.includes(item.spaceId) : undefined,
    };
  }
  if (spaceIds) {
    return {
      where: { spaceIds },
      candidates: () => spaceIds.flatMap((id) => bySpace.get(id) ?? []),
      idOrdered: spaceIds.length === 1,
    };
  }
  return { where: {}, candidates: () => byId.values() };
}

export const PAGE_READS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/pages",
    scopes: READ_PAGE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const scope = filteredScope(ctx, q, "page");
      return listPages(ctx, request, reply, scope);
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
      return listPages(ctx, request, reply, {
        where: { inSpace: spaceId, depth },
        candidates: () => pages,
        idOrdered: true,
        // "root": pages at the root level of the space (the homepage and root-level pages).
        extra: depth === "root" ? (page) => page.parentId === undefined : undefined,
      });
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/pages/:id",
    scopes: READ_PAGE,
    handler: async (ctx, request) => {
      const page = ctx.store.pages.get(pathId(params(request).id!));
      if (!page) throw notFound();
      return renderRequested(ctx, request, page);
    },
  },
];

/** getPageById / getBlogPostById: the revision the query picks, with its include-* fields. */
export function renderRequested(ctx: SiteContext, request: FastifyRequest, page: PageRecord): Page {
  const q = query(request);
  const statuses = enumList(q, "status", SINGLE_STATUSES);
  const picked = pickRevision(page, q);
  if (statuses && !statuses.includes(picked.status as (typeof SINGLE_STATUSES)[number])) {
    throw notFound();
  }
  const userId = ctx.user(request).accountId;
  return renderSinglePage(ctx, page, q, baseUrl(request), userId, picked);
}

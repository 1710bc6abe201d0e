// CQL search, v1 (Confluence has no v2 search): searchByCQL `GET /wiki/rest/api/search` and
// searchContentByCQL `GET /wiki/rest/api/content/search` (confluence-v1.json; scope
// search:confluence; https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/).
// Pages follow `_links.next` with an opaque `cursor`, as Atlassian's examples show; `start`
// is honoured on /search. A query Confluence cannot parse answers 400 with the v1 error body.
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import type { SearchItem } from "../cql/documents.js";
import { CqlSyntaxError } from "../cql/index.js";
import { searchCql } from "../cql/search.js";
import { ApiError, badParameter } from "../errors.js";
import { query } from "../http.js";
import { V1_SEARCH } from "../oauth/scopes.js";
import { integer, single } from "../params.js";
import type { Route } from "../route.js";
import { links, v1Space } from "../serialize/v1.js";
import { type ContentHit, v1SearchContent } from "../serialize/v1-search.js";

// Atlassian caps search pages (the limit is "restricted to a maximum value" per expansion);
// 100 here, a bigger `limit` is lowered, as Confluence does.
const MAX_LIMIT = 100;

interface SearchWindow {
  cql: string;
  start: number;
  limit: number;
}

const encodeCursor = (start: number) =>
  Buffer.from(JSON.stringify({ s: start })).toString("base64url");

function decodeCursor(cursor: string): number {
  try {
    const { s } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { s?: unknown };
    if (typeof s === "number" && Number.isInteger(s) && s >= 0) return s;
  } catch {
    // fall through
  }
  throw new ApiError(400, `Invalid cursor: ${cursor.slice(0, 100)}`);
}

function searchWindow(request: FastifyRequest): SearchWindow {
  const q = query(request);
  const cql = single(q, "cql") ?? "";
  const limit = integer(q, "limit") ?? 25;
  if (limit < 0) throw badParameter("limit", String(limit), "non-negative int");
  const cursor = single(q, "cursor");
  const start = cursor !== undefined ? decodeCursor(cursor) : (integer(q, "start") ?? 0);
  if (start < 0) throw badParameter("start", String(start), "non-negative int");
  return { cql, start, limit: Math.min(limit, MAX_LIMIT) };
}

/** Whether `expand` (comma-separated) names this expansion. */
function expands(request: FastifyRequest, name: string): boolean {
  const value = single(query(request), "expand") ?? "";
  return value.split(",").some((part) => part.trim() === name);
}

/** Matches in ORDER BY order (cql/search.ts); a query Confluence refuses answers 400. */
function run(
  ctx: SiteContext,
  request: FastifyRequest,
  window: SearchWindow,
  contentOnly: boolean,
) {
  try {
    return searchCql(ctx.store, {
      ...window,
      contentOnly,
      needTotal: !contentOnly,
      user: ctx.user(request),
      now: new Date(),
    });
  } catch (error) {
    if (!(error instanceof CqlSyntaxError)) throw error;
    throw new ApiError(
      400,
      `com.atlassian.confluence.api.service.exceptions.BadRequestException: ${error.message}`,
    );
  }
}

/** A /search result: `content` for content, `space` for a space (SearchResult, v1). */
function searchResult(request: FastifyRequest, item: SearchItem, withHistory: boolean) {
  const { doc, hit } = item;
  const common = {
    title: doc.title,
    excerpt: doc.text.trim().slice(0, 200),
    breadcrumbs: [],
    iconCssClass: `aui-icon content-type-${doc.type}`,
    lastModified: doc.lastModified.toISOString(),
    friendlyLastModified: doc.lastModified.toDateString(),
    score: 1,
  };
  if (hit.kind === "space") {
    const space = v1Space(request, hit.record);
    return { ...common, space, url: space._links?.webui ?? "", entityType: "space" };
  }
  const v1 = v1SearchContent(request, item, hit);
  // `expand=content.history`: the creation date (ContentHistory, confluence-v1.json), which
  // the "new content" triggers read.
  const content = withHistory
    ? { ...v1, history: { latest: true, createdDate: doc.created.toISOString() } }
    : v1;
  const url = (content._links as { webui?: string } | undefined)?.webui ?? "";
  return { ...common, content, url, entityType: "content" };
}

function nextLink(
  path: string,
  window: SearchWindow,
  next: number | undefined,
): Record<string, string> {
  if (next === undefined) return {};
  const params = new URLSearchParams({
    cql: window.cql,
    limit: String(window.limit),
    cursor: encodeCursor(next),
  });
  return { next: `${path}?${params}` };
}

export const SEARCH_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/rest/api/search",
    scopes: V1_SEARCH,
    handler: async (ctx, request) => {
      const started = Date.now();
      const window = searchWindow(request);
      const { total, slice, next } = run(ctx, request, window, false);
      const withHistory = expands(request, "content.history");
      const results = slice.map((item) => searchResult(request, item, withHistory));
      return {
        results,
        start: window.start,
        limit: window.limit,
        size: results.length,
        totalSize: total ?? 0,
        cqlQuery: window.cql,
        searchDuration: Date.now() - started,
        _links: links(request, "/rest/api/search", nextLink("/rest/api/search", window, next)),
      };
    },
  },

  {
    method: "GET",
    path: "/wiki/rest/api/content/search",
    scopes: V1_SEARCH,
    handler: async (ctx, request) => {
      const window = searchWindow(request);
      const { slice, next } = run(ctx, request, window, true);
      return {
        results: slice.map((item) => v1SearchContent(request, item, item.hit as ContentHit)),
        start: window.start,
        limit: window.limit,
        size: slice.length,
        _links: links(
          request,
          "/rest/api/content/search",
          nextLink("/rest/api/content/search", window, next),
        ),
      };
    },
  },
];

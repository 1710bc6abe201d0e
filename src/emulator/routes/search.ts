// CQL search, v1 (Confluence has no v2 search): searchByCQL `GET /wiki/rest/api/search` and
// searchContentByCQL `GET /wiki/rest/api/content/search` (confluence-v1.json; scope
// search:confluence; https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/).
// Pages follow `_links.next` with an opaque `cursor`, as Atlassian's examples show; `start`
// is honoured on /search. A query Confluence cannot parse answers 400 with the v1 error body.
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { searchableDocuments } from "../cql/documents.js";
import { CqlSyntaxError, compileCql, parseCql } from "../cql/index.js";
import { visibleTo } from "../domain/visibility.js";
import { ApiError, badParameter } from "../errors.js";
import { query } from "../http.js";
import { V1_SEARCH } from "../oauth/scopes.js";
import { integer, single } from "../params.js";
import type { Route } from "../route.js";
import { links, v1Attachment, v1Page } from "../serialize/v1.js";

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

function run(ctx: SiteContext, request: FastifyRequest, window: SearchWindow) {
  let compiled: ReturnType<typeof compileCql>;
  try {
    compiled = compileCql(parseCql(window.cql), {
      now: new Date(),
      currentUserId: ctx.user(request).accountId,
    });
  } catch (error) {
    if (!(error instanceof CqlSyntaxError)) throw error;
    throw new ApiError(
      400,
      `com.atlassian.confluence.api.service.exceptions.BadRequestException: ${error.message}`,
    );
  }
  // perms: search silently leaves out what the caller may not view.
  const visible = visibleTo(ctx.store, ctx.user(request));
  const matches = [...searchableDocuments(ctx.store)]
    .filter(({ doc, page, attachment }) => visible(page ?? attachment) && compiled.matches(doc))
    .sort((a, b) => compiled.compare(a.doc, b.doc));
  const slice = matches.slice(window.start, window.start + window.limit);
  const nextStart = window.start + slice.length;
  return { matches, slice, next: nextStart < matches.length ? nextStart : undefined };
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
      const { matches, slice, next } = run(ctx, request, window);
      const withHistory = expands(request, "content.history");
      const results = slice.map(({ doc, page, attachment }) => {
        const spaceKey = doc.spaceKey ?? "";
        const v1 =
          page !== undefined ? v1Page(request, page, spaceKey) : v1Attachment(request, attachment!);
        // `expand=content.history`: the creation date (ContentHistory, confluence-v1.json),
        // which the "new content" triggers read.
        const content = withHistory
          ? { ...v1, history: { latest: true, createdDate: doc.created.toISOString() } }
          : v1;
        return {
          content,
          title: doc.title,
          excerpt: doc.text.trim().slice(0, 200),
          url: (content._links as { webui?: string }).webui ?? "",
          breadcrumbs: [],
          entityType: "content",
          iconCssClass: `aui-icon content-type-${doc.type}`,
          lastModified: doc.lastModified.toISOString(),
          friendlyLastModified: doc.lastModified.toDateString(),
          score: 1,
        };
      });
      return {
        results,
        start: window.start,
        limit: window.limit,
        size: results.length,
        totalSize: matches.length,
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
      const { slice, next } = run(ctx, request, window);
      return {
        results: slice.map(({ doc, page, attachment }) =>
          page !== undefined
            ? v1Page(request, page, doc.spaceKey ?? "")
            : v1Attachment(request, attachment!),
        ),
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

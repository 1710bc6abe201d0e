// What pages and blog posts share beyond CRUD, one set of rows per kind:
// versions (getPageVersions, getPageVersionDetails, getBlogPostVersions,
// getBlogPostVersionDetails), likes (get{Page,BlogPost}LikeCount, get{Page,BlogPost}LikeUsers),
// operations (get{Page,BlogPost}Operations) and labels (getPageLabels, getBlogPostLabels).
// Behaviour: https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-version/,
// .../api-group-like/, .../api-group-operation/, .../api-group-label/.
import type { FastifyRequest } from "fastify";
import type { Label } from "../../types/confluence.js";
import { renderBody } from "../body-format.js";
import type { SiteContext } from "../context.js";
import { notFound } from "../errors.js";
import { params, query } from "../http.js";
import { sendView } from "../list.js";
import type { ContentKind, PageRecord, Revision } from "../model.js";
import { READ_PAGE } from "../oauth/scopes.js";
import { enumValue, integer, limit as limitParam, pathId } from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";
import {
  LABEL_SORT_NAMES,
  LABEL_SORTS,
  type LabelItem,
  VERSION_SORT_NAMES,
  VERSION_SORTS,
  type VersionItem,
} from "../sort-specs.js";
import { contentOperations } from "./pages-read.js";

const SEGMENTS: Record<ContentKind, string> = { page: "pages", blogpost: "blogposts" };
const BULK_FORMATS = ["storage", "atlas_doc_format"] as const;
/** The label prefixes of getPageLabels & co. */
export const LABEL_PREFIXES = ["my", "team", "global", "system"] as const;

export function contentOf(
  ctx: SiteContext,
  kind: ContentKind,
  raw: string,
  name = "id",
): PageRecord {
  const record = ctx.store.contentOf(kind).byId.get(pathId(raw, name));
  if (!record) throw notFound();
  return record;
}

/** Published versions, oldest first (drafts are not versions). */
function publishedRevisions(record: PageRecord): Revision[] {
  return record.status === "draft" ? [] : [...record.history, record.current];
}

/**
 * A list of labels through the list pipeline (`prefix` filter, LabelSortOrder); shared by every
 * `/{content}/{id}/labels` route and the space label routes.
 */
export function sendLabels(
  ctx: SiteContext,
  request: FastifyRequest,
  reply: Parameters<Route["handler"]>[2],
  view: string,
  labels: () => readonly Label[],
  prefixes: readonly string[] = LABEL_PREFIXES,
) {
  const q = query(request);
  const prefix = enumValue(q, "prefix", prefixes);
  const sortName = enumValue(q, "sort", LABEL_SORT_NAMES) ?? "id";
  return sendView(ctx, request, reply, {
    view: `labels:${view}`,
    filters: { prefix },
    candidates: () => labels().map((label): LabelItem => ({ num: Number(label.id), label })),
    keep: (item, f) => f.prefix === undefined || item.label.prefix === f.prefix,
    sort: LABEL_SORTS[sortName]!,
    limit: limitParam(q),
    serialize: (item) => item.label,
  });
}

/**
 * The handler of a `…/{id}/labels` row: the record the path id names (404 when none) and its
 * labels, listed by sendLabels under the view `view:id`.
 */
export function labelsHandler<T extends { id: string }>(
  view: string,
  find: (ctx: SiteContext, id: string) => T | undefined,
  labels: (record: T, ctx: SiteContext) => readonly Label[],
  prefixes?: readonly string[],
): Route["handler"] {
  return async (ctx, request, reply) => {
    const record = find(ctx, params(request).id!);
    if (!record) throw notFound();
    return sendLabels(
      ctx,
      request,
      reply,
      `${view}:${record.id}`,
      () => labels(record, ctx),
      prefixes,
    );
  };
}

function extraRoutes(kind: ContentKind): Route[] {
  const base = `/wiki/api/v2/${SEGMENTS[kind]}`;
  const idName = kind === "page" ? "page-id" : "blogpost-id";
  return [
    {
      method: "GET",
      path: `${base}/:id/versions`,
      scopes: READ_PAGE,
      handler: async (ctx, request, reply) => {
        const q = query(request);
        const record = contentOf(ctx, kind, params(request).id!);
        const bodyFormat = enumValue(q, "body-format", BULK_FORMATS);
        // Newest first unless asked otherwise, as Confluence lists versions.
        const sortName = enumValue(q, "sort", VERSION_SORT_NAMES) ?? "-modified-date";
        return sendView(ctx, request, reply, {
          view: `versions:${kind}`,
          filters: { id: record.id },
          candidates: () =>
            publishedRevisions(record).map(
              (revision): VersionItem => ({ num: revision.version.number, revision }),
            ),
          sort: VERSION_SORTS[sortName]!,
          limit: limitParam(q),
          serialize: ({ revision }) => ({
            ...serialize.version(revision.version),
            [kind]: {
              id: record.id,
              title: revision.title,
              ...(bodyFormat ? { body: renderBody(revision.body ?? "", bodyFormat) } : {}),
            },
          }),
        });
      },
    },

    {
      method: "GET",
      path: `${base}/:id/versions/:versionNumber`,
      scopes: READ_PAGE,
      handler: async (ctx, request) => {
        const record = contentOf(ctx, kind, params(request).id!, idName);
        const raw = params(request).versionNumber!;
        const number = integer({ "version-number": raw }, "version-number");
        const revisions = publishedRevisions(record);
        const index = revisions.findIndex((r) => r.version.number === number);
        if (index < 0) throw notFound();
        const { version } = revisions[index]!;
        const previous = revisions[index - 1];
        const next = revisions[index + 1];
        return {
          ...serialize.version(version),
          contentTypeModified: false,
          collaborators: [version.authorId],
          ...(previous ? { prevVersion: previous.version.number } : {}),
          ...(next ? { nextVersion: next.version.number } : {}),
        };
      },
    },

    {
      method: "GET",
      path: `${base}/:id/likes/count`,
      scopes: READ_PAGE,
      handler: async (ctx, request) => ({
        count: contentOf(ctx, kind, params(request).id!).likedBy.length,
      }),
    },

    {
      method: "GET",
      path: `${base}/:id/likes/users`,
      scopes: READ_PAGE,
      handler: async (ctx, request, reply) => {
        const record = contentOf(ctx, kind, params(request).id!);
        return sendView(ctx, request, reply, {
          view: `likes:${kind}`,
          filters: { id: record.id },
          candidates: () => record.likedBy.map((accountId, num) => ({ num, accountId })),
          sort: { name: "id", key: (like) => like.num, descending: false },
          limit: limitParam(query(request)),
          serialize: ({ accountId }) => ({ accountId }),
        });
      },
    },

    {
      method: "GET",
      path: `${base}/:id/operations`,
      scopes: READ_PAGE,
      handler: async (ctx, request) => ({
        operations: contentOperations(contentOf(ctx, kind, params(request).id!)),
      }),
    },

    {
      method: "GET",
      path: `${base}/:id/labels`,
      scopes: READ_PAGE,
      handler: labelsHandler(
        kind,
        (ctx, id) => contentOf(ctx, kind, id),
        (record) => record.labels,
      ),
    },
  ];
}

export const CONTENT_EXTRAS_ROUTES: readonly Route[] = [
  ...extraRoutes("page"),
  ...extraRoutes("blogpost"),
];

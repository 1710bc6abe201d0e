// Custom content by container (getCustomContentByTypeInSpace / InPage / InBlogPost), its
// children, labels, versions, operations and attachments (getChildCustomContent,
// getCustomContentLabels, getCustomContentVersions, getCustomContentVersionDetails,
// getCustomContentOperations, getCustomContentAttachments).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { badRequest, notFound } from "../errors.js";
import { params, query } from "../http.js";
import { sendView } from "../list.js";
import type { CustomContentRecord } from "../model.js";
import { READ_ATTACHMENT, READ_CUSTOM_CONTENT } from "../oauth/scopes-content.js";
import { enumValue, limit as limitParam, pathId, single } from "../params.js";
import type { Route } from "../route.js";
import { version } from "../serialize/v2.js";
import { CUSTOM_CONTENT_SORT_NAMES, CUSTOM_CONTENT_SORTS } from "../sort-specs.js";
import { listAttachments } from "./attachments.js";
import { customContentOf, customContentWire } from "./custom-content-write.js";

/** CustomContentBodyRepresentation. */
const FORMATS = ["raw", "storage", "atlas_doc_format"] as const;

interface Container {
  segment: string;
  exists: (ctx: SiteContext, id: string) => boolean;
  holds: (ctx: SiteContext, record: CustomContentRecord, id: string) => boolean;
}

const CONTAINERS: Container[] = [
  {
    segment: "spaces",
    exists: (ctx, id) => ctx.store.spaces.has(id),
    holds: (_ctx, record, id) => record.spaceId === id,
  },
  {
    segment: "pages",
    exists: (ctx, id) => ctx.store.content.container("page", id) !== undefined,
    holds: (_ctx, record, id) => record.pageId === id,
  },
  {
    segment: "blogposts",
    exists: (ctx, id) => ctx.store.content.container("blogpost", id) !== undefined,
    holds: (ctx, record, id) => ctx.store.content.customExtra(record.id).blogPostId === id,
  },
];

function listByType(
  ctx: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  container: Container,
) {
  const id = pathId(params(request).id!);
  const q = query(request);
  const type = single(q, "type");
  if (!type) throw badRequest("The 'type' query parameter is required");
  if (!container.exists(ctx, id)) throw notFound();
  const sortName = enumValue(q, "sort", CUSTOM_CONTENT_SORT_NAMES) ?? "id";
  const bodyFormat = enumValue(q, "body-format", FORMATS);
  const limit = limitParam(q);
  return sendView(ctx, request, reply, {
    view: `custom-content-in-${container.segment}`,
    filters: { id, type },
    candidates: () => ctx.store.customContent.values(),
    keep: (c, f) => c.type === f.type && c.status === "current" && container.holds(ctx, c, f.id),
    sort: CUSTOM_CONTENT_SORTS[sortName]!,
    limit,
    serialize: (c) => customContentWire(ctx, c, bodyFormat),
  });
}

/** ChildCustomContentSortOrder. */
const CHILD_SORT_NAMES = [
  "created-date",
  "-created-date",
  "id",
  "-id",
  "modified-date",
  "-modified-date",
];
/** LabelSortOrder: name, created-date (the label's; we keep insertion order). */
const LABEL_PREFIXES = ["my", "team", "global", "system"] as const;

export const CUSTOM_CONTENT_RELATED_ROUTES: readonly Route[] = [
  ...CONTAINERS.map(
    (container): Route => ({
      method: "GET",
      path: `/wiki/api/v2/${container.segment}/:id/custom-content`,
      scopes: READ_CUSTOM_CONTENT,
      handler: async (ctx, request, reply) => listByType(ctx, request, reply, container),
    }),
  ),
  {
    method: "GET",
    path: "/wiki/api/v2/custom-content/:id/children",
    scopes: READ_CUSTOM_CONTENT,
    handler: async (ctx, request, reply) => {
      const parent = customContentOf(ctx, request);
      const q = query(request);
      const sortName = enumValue(q, "sort", CHILD_SORT_NAMES) ?? "id";
      const limit = limitParam(q);
      return sendView(ctx, request, reply, {
        view: "custom-content-children",
        filters: { id: parent.id },
        candidates: () => ctx.store.customContent.values(),
        keep: (c, f) =>
          c.status === "current" && ctx.store.content.customExtra(c.id).parentId === f.id,
        sort: CUSTOM_CONTENT_SORTS[sortName]!,
        limit,
        serialize: (c) => ({
          id: c.id,
          status: c.status,
          title: c.title,
          type: c.type,
          spaceId: c.spaceId,
        }),
      });
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/custom-content/:id/labels",
    scopes: READ_CUSTOM_CONTENT,
    handler: async (ctx, request, reply) => {
      const record = customContentOf(ctx, request);
      const q = query(request);
      const prefix = enumValue(q, "prefix", LABEL_PREFIXES);
      const sortName = enumValue(q, "sort", ["name", "-name", "created-date", "-created-date"]);
      const limit = limitParam(q);
      const labels = ctx.store.content
        .customExtra(record.id)
        .labels.map((label, index) => ({ ...label, num: index }));
      const byName = sortName === "name" || sortName === "-name";
      return sendView(ctx, request, reply, {
        view: "custom-content-labels",
        filters: { id: record.id, prefix },
        candidates: () => labels,
        keep: (l, f) => f.prefix === undefined || l.prefix === f.prefix,
        sort: {
          name: sortName ?? "created-date",
          key: byName ? (l) => l.name : (l) => l.num,
          descending: sortName?.startsWith("-") ?? false,
        },
        limit,
        serialize: ({ id, name, prefix: p }) => ({ id, name, prefix: p }),
      });
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/custom-content/:customContentId/versions",
    scopes: READ_CUSTOM_CONTENT,
    handler: async (ctx, request, reply) => {
      const record = customContentOf(ctx, request, "customContentId");
      const q = query(request);
      enumValue(q, "body-format", FORMATS);
      const sortName =
        enumValue(q, "sort", ["modified-date", "-modified-date"]) ?? "-modified-date";
      const limit = limitParam(q);
      const all = [...ctx.store.content.customExtra(record.id).history, record].map((r) => ({
        num: r.version.number,
        title: r.title,
        version: r.version,
      }));
      return sendView(ctx, request, reply, {
        view: "custom-content-versions",
        filters: { id: record.id },
        candidates: () => all,
        sort: { name: sortName, key: (r) => r.num, descending: sortName.startsWith("-") },
        limit,
        serialize: (r) => ({ ...version(r.version), custom: { id: record.id, title: r.title } }),
      });
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/custom-content/:customContentId/versions/:versionNumber",
    scopes: READ_CUSTOM_CONTENT,
    handler: async (ctx, request) => {
      const record = customContentOf(ctx, request, "customContentId");
      const number = Number(pathId(params(request).versionNumber!, "version-number"));
      const history = ctx.store.content.customExtra(record.id).history;
      const all = [...history.map((h) => h.version), record.version];
      const found = all.find((v) => v.number === number);
      if (!found) throw notFound();
      const oldest = all[0]!.number;
      return {
        ...version(found),
        contentTypeModified: false,
        collaborators: [found.authorId],
        ...(number > oldest ? { prevVersion: number - 1 } : {}),
        ...(number < record.version.number ? { nextVersion: number + 1 } : {}),
      };
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/custom-content/:id/operations",
    scopes: READ_CUSTOM_CONTENT,
    handler: async (ctx, request) => {
      customContentOf(ctx, request);
      return {
        operations: ["read", "update", "delete"].map((operation) => ({
          operation,
          targetType: "custom_content",
        })),
      };
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/custom-content/:id/attachments",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request, reply) => {
      const record = customContentOf(ctx, request);
      return listAttachments(
        ctx,
        request,
        reply,
        { container: record.id },
        () => ctx.store.attachmentsByContainer.get(record.id) ?? [],
      );
    },
  },
];

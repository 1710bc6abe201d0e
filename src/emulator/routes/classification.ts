// Data classification levels (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-classification-level/):
// the site's levels, a space's default level and the level of a page, blog post, whiteboard or
// database. Content without a level of its own has its space's default; with neither, the
// emulator answers 404. Setting an unknown or unpublished level is a 400; `reset` removes the
// content's own level (back to the space default). The demo site's levels: seed-content.ts.
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { badRequest, notFound } from "../errors.js";
import { jsonObject, params, query } from "../http.js";
import {
  contentTypeScopes,
  READ_CONFIGURATION,
  READ_SPACE,
  READ_WRITE_PAGE,
  WRITE_PAGE,
  WRITE_SPACE,
} from "../oauth/scopes-content.js";
import { enumValue, pathId } from "../params.js";
import type { Route, RouteScopes } from "../route.js";

function levelById(ctx: SiteContext, id: unknown) {
  if (typeof id !== "string") throw badRequest("id must be a classification level id");
  const level = ctx.store.content.classificationLevels.find((l) => l.id === id);
  if (level?.status !== "PUBLISHED") {
    throw badRequest(`Classification level ${id.slice(0, 60)} is not a published level`);
  }
  return level;
}

function spaceOf(ctx: SiteContext, request: FastifyRequest): string {
  const id = pathId(params(request).id!);
  if (!ctx.store.spaces.has(id)) throw notFound();
  return id;
}

function levelWire(ctx: SiteContext, id: string | undefined) {
  const level = ctx.store.content.classificationLevels.find((l) => l.id === id);
  if (!level) throw notFound();
  return level;
}

interface Classified {
  segment: string;
  /** The space of a live item, or undefined. */
  spaceOf: (ctx: SiteContext, id: string) => string | undefined;
  scopes: { read: RouteScopes; write: RouteScopes };
  /** The `status` values of the update / reset bodies. */
  statuses: readonly string[];
}

const whiteboard = contentTypeScopes("whiteboard");
const database = contentTypeScopes("database");
const treeSpace = (type: string) => (ctx: SiteContext, id: string) => {
  const item = ctx.store.content.tree.get(id);
  return item?.type === type && item.status === "current" ? item.spaceId : undefined;
};

const CLASSIFIED: readonly Classified[] = [
  {
    segment: "pages",
    spaceOf: (ctx, id) => ctx.store.content.container("page", id)?.spaceId,
    scopes: { read: READ_WRITE_PAGE, write: WRITE_PAGE },
    statuses: ["current", "draft"],
  },
  {
    segment: "blogposts",
    spaceOf: (ctx, id) => ctx.store.content.container("blogpost", id)?.spaceId,
    scopes: { read: READ_WRITE_PAGE, write: WRITE_PAGE },
    statuses: ["current", "draft"],
  },
  {
    segment: "whiteboards",
    spaceOf: treeSpace("whiteboard"),
    scopes: { read: whiteboard.read, write: whiteboard.write },
    statuses: ["current"],
  },
  {
    segment: "databases",
    spaceOf: treeSpace("database"),
    scopes: { read: database.read, write: database.write },
    statuses: ["current"],
  },
];

function contentRoutes(kind: Classified): Route[] {
  const base = `/wiki/api/v2/${kind.segment}/:id/classification-level`;
  const target = (ctx: SiteContext, request: FastifyRequest) => {
    const id = pathId(params(request).id!);
    const spaceId = kind.spaceOf(ctx, id);
    if (spaceId === undefined) throw notFound();
    return { id, spaceId };
  };
  const status = (value: unknown) => {
    if (typeof value !== "string" || !kind.statuses.includes(value)) {
      throw badRequest(`status must be one of ${kind.statuses.join(", ")}`);
    }
  };
  return [
    {
      method: "GET",
      path: base,
      scopes: kind.scopes.read,
      handler: async (ctx, request) => {
        const { id, spaceId } = target(ctx, request);
        if (kind.segment === "pages" || kind.segment === "blogposts") {
          enumValue(query(request), "status", ["current", "draft", "archived"] as const);
        }
        const content = ctx.store.content;
        return levelWire(
          ctx,
          content.contentLevels.get(id) ?? content.spaceDefaultLevels.get(spaceId),
        );
      },
    },
    {
      method: "PUT",
      path: base,
      scopes: kind.scopes.write,
      handler: async (ctx, request, reply) => {
        const { id } = target(ctx, request);
        const body = jsonObject(request);
        status(body.status);
        ctx.store.content.contentLevels.set(id, levelById(ctx, body.id).id);
        ctx.store.content.touch();
        return reply.code(204).send();
      },
    },
    {
      method: "POST",
      path: `${base}/reset`,
      scopes: kind.scopes.write,
      handler: async (ctx, request, reply) => {
        const { id } = target(ctx, request);
        status(jsonObject(request).status);
        ctx.store.content.contentLevels.delete(id);
        ctx.store.content.touch();
        return reply.code(204).send();
      },
    },
  ];
}

export const CLASSIFICATION_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/classification-levels",
    scopes: READ_CONFIGURATION,
    handler: async (ctx) => ctx.store.content.classificationLevels,
  },
  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/classification-level/default",
    scopes: READ_SPACE,
    handler: async (ctx, request) =>
      levelWire(ctx, ctx.store.content.spaceDefaultLevels.get(spaceOf(ctx, request))),
  },
  {
    method: "PUT",
    path: "/wiki/api/v2/spaces/:id/classification-level/default",
    scopes: WRITE_SPACE,
    handler: async (ctx, request, reply) => {
      const spaceId = spaceOf(ctx, request);
      const level = levelById(ctx, jsonObject(request).id);
      ctx.store.content.spaceDefaultLevels.set(spaceId, level.id);
      ctx.store.content.touch();
      return reply.code(204).send();
    },
  },
  {
    method: "DELETE",
    path: "/wiki/api/v2/spaces/:id/classification-level/default",
    scopes: WRITE_SPACE,
    handler: async (ctx, request, reply) => {
      ctx.store.content.spaceDefaultLevels.delete(spaceOf(ctx, request));
      ctx.store.content.touch();
      return reply.code(204).send();
    },
  },
  ...CLASSIFIED.flatMap(contentRoutes),
];

// Folders, whiteboards, databases and smart links: create, get, delete, operations, direct
// children, descendants and ancestors (createFolder ... getSmartLinkAncestors in
// confluence-v2.json). Their properties are in content-properties.ts; rules in
// domain/tree-content.ts.
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import {
  ancestorsOf,
  type ChildNode,
  childrenOf,
  createTreeContent,
  descendantsOf,
  trashTreeContent,
} from "../domain/tree-content.js";
import { badParameter, notFound } from "../errors.js";
import { baseUrl, jsonObject, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { TreeContentRecord } from "../model-content.js";
import {
  contentTypeScopes,
  READ_CONTENT_METADATA,
  READ_HIERARCHY,
} from "../oauth/scopes-content.js";
import { bool, enumValue, integer, limit as limitParam, pathId } from "../params.js";
import type { Route } from "../route.js";
import { treeContent } from "../serialize/tree-content.js";
import { optionalField, property } from "../serialize/v2.js";
import type { SortSpec } from "../sorting.js";
import { ownerKey } from "../store.js";
import { TREE_TYPES, type TreeType } from "./tree-types.js";

function childSorts(): Record<string, SortSpec<ChildNode>> {
  const keys: Record<string, (c: ChildNode) => string | number> = {
    id: (c) => c.num,
    "child-position": (c) => c.num,
    "created-date": (c) => c.createdAt,
    "modified-date": (c) => c.modifiedAt,
    title: (c) => c.title,
  };
  const out: Record<string, SortSpec<ChildNode>> = {};
  for (const [name, key] of Object.entries(keys)) {
    out[name] = { name, key, descending: false };
    out[`-${name}`] = { name: `-${name}`, key, descending: true };
  }
  return out;
}

/** ContentSortOrder. */
const CHILD_SORTS = childSorts();

function operationsOf(item: TreeContentRecord) {
  return ["read", "update", "delete"].map((operation) => ({ operation, targetType: item.type }));
}

/** The live item of the route's type at `:id`, or 404. */
function itemOf(ctx: SiteContext, request: FastifyRequest, type: TreeType): TreeContentRecord {
  const item = ctx.store.content.tree.get(pathId(params(request).id!));
  if (!item || item.type !== type.type || item.status !== "current") throw notFound();
  return item;
}

/** The rows of one tree content type. */
function typeRoutes(type: TreeType): Route[] {
  const base = `/wiki/api/v2/${type.segment}`;
  const scopes = contentTypeScopes(type.noun);
  const render = (ctx: SiteContext, request: FastifyRequest, item: TreeContentRecord) => {
    const spaceKey = ctx.store.spaces.get(item.spaceId)?.key ?? "";
    const result: Record<string, unknown> = treeContent(item, spaceKey);
    result._links = { ...(result._links as object), base: baseUrl(request) };
    return result;
  };
  return [
    {
      method: "POST",
      path: base,
      scopes: scopes.write,
      handler: async (ctx, request) => {
        // `private` (whiteboards, databases): "The content will be private. Only the user who
        // creates this content will have permission to view and edit one."; one user here.
        if (type.type === "whiteboard" || type.type === "database") {
          bool(query(request), "private", false);
        }
        const body = jsonObject(request);
        const item = createTreeContent(ctx.store, {
          type: type.type,
          spaceId: body.spaceId,
          title: body.title,
          parentId: body.parentId,
          embedUrl: body.embedUrl,
          defaultTitle: type.defaultTitle,
          authorId: ctx.user(request).accountId,
          now: new Date().toISOString(),
        });
        return render(ctx, request, item);
      },
    },
    {
      method: "GET",
      path: `${base}/:id`,
      scopes: scopes.read,
      handler: async (ctx, request) => {
        const item = itemOf(ctx, request, type);
        const q = query(request);
        const result = render(ctx, request, item);
        const self = `${base}/${item.id}`;
        if (bool(q, "include-properties", false)) {
          const props = ctx.store.propertiesOf(ownerKey(item.type, item.id)).map(property);
          result.properties = optionalField(props, `${self}/properties`);
        }
        if (bool(q, "include-operations", false)) {
          result.operations = optionalField(operationsOf(item), `${self}/operations`);
        }
        if (bool(q, "include-direct-children", false)) {
          const children = childrenOf(ctx.store, item.id).map(childWire);
          result.directChildren = optionalField(children, `${self}/direct-children`);
        }
        bool(q, "include-collaborators", false);
        return result;
      },
    },
    {
      method: "DELETE",
      path: `${base}/:id`,
      scopes: scopes.delete,
      handler: async (ctx, request, reply) => {
        trashTreeContent(ctx.store, itemOf(ctx, request, type));
        return reply.code(204).send();
      },
    },
    {
      method: "GET",
      path: `${base}/:id/operations`,
      scopes: scopes.read,
      handler: async (ctx, request) => ({ operations: operationsOf(itemOf(ctx, request, type)) }),
    },
    {
      method: "GET",
      path: `${base}/:id/direct-children`,
      scopes: READ_HIERARCHY,
      handler: async (ctx, request, reply) => {
        const item = itemOf(ctx, request, type);
        const q = query(request);
        const sortName = enumValue(q, "sort", Object.keys(CHILD_SORTS)) ?? "child-position";
        const limit = limitParam(q);
        return sendView(ctx, request, reply, {
          view: "tree-children",
          filters: { id: item.id },
          candidates: () => childrenOf(ctx.store, item.id),
          sort: CHILD_SORTS[sortName]!,
          limit,
          serialize: childWire,
        });
      },
    },
    {
      method: "GET",
      path: `${base}/:id/descendants`,
      scopes: READ_HIERARCHY,
      handler: async (ctx, request, reply) => {
        const item = itemOf(ctx, request, type);
        const q = query(request);
        const depth = integer(q, "depth") ?? 2;
        if (depth < 1 || depth > 5) throw badParameter("depth", String(depth), "integer 1..5");
        const limit = limitParam(q);
        return sendView(ctx, request, reply, {
          view: "tree-descendants",
          filters: { id: item.id, depth },
          candidates: () => descendantsOf(ctx.store, item.id, depth),
          sort: { name: "tree-order", key: (d) => d.order, descending: false },
          limit,
          serialize: (d) => ({
            id: d.id,
            status: d.status,
            title: d.title,
            type: d.type,
            parentId: d.parentId,
            depth: d.depth,
            childPosition: null,
          }),
        });
      },
    },
    {
      method: "GET",
      path: `${base}/:id/ancestors`,
      scopes: READ_CONTENT_METADATA,
      handler: async (ctx, request) => {
        const item = itemOf(ctx, request, type);
        const limit = limitParam(query(request));
        // "If more results exist, call the endpoint with the highest ancestor's ID": the
        // nearest `limit` ancestors, still top to bottom.
        return { results: ancestorsOf(ctx.store, item.parentId).slice(-limit) };
      },
    },
  ];
}

function childWire(child: ChildNode) {
  return {
    id: child.id,
    status: child.status,
    title: child.title,
    type: child.type,
    spaceId: child.spaceId,
    childPosition: null,
  };
}

export const TREE_CONTENT_ROUTES: readonly Route[] = TREE_TYPES.flatMap(typeRoutes);

// Content properties of pages, attachments and custom content: list, create, get, update,
// delete (getPageContentProperties, createPageProperty, getPageContentPropertiesById,
// updatePagePropertyById, deletePagePropertyById and their attachment / custom-content twins).
import type { FastifyRequest } from "fastify";
import type { JsonValue } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import { createProperty, updateProperty } from "../domain/properties.js";
import { badRequest, notFound } from "../errors.js";
import { jsonObject, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { PropertyOwnerKind, PropertyRecord } from "../model.js";
import { propertyScopes } from "../oauth/scopes.js";
import { attachmentId, enumValue, limit as limitParam, pathId, single } from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";
import { PROPERTY_SORT_NAMES, PROPERTY_SORTS } from "../sort-specs.js";
import { ownerKey } from "../store.js";

export interface OwnerRoute {
  kind: PropertyOwnerKind;
  /** URL segment: pages, attachments, custom-content. */
  segment: string;
  /** The noun of its OAuth scopes: read:{noun}:confluence. */
  noun: string;
  parseId: (raw: string) => string;
  exists: (ctx: SiteContext, id: string) => boolean;
  /** The wire shape; ContentProperty unless said (space properties are SpaceProperty). */
  shape?: (record: PropertyRecord) => unknown;
  /** Explicit scopes when they are not the noun's read/write pair. */
  scopes?: { read: Route["scopes"]; write: Route["scopes"] };
  /** createSpaceProperty answers 201; the content property creates answer 200. */
  createdStatus?: number;
}

const OWNERS: OwnerRoute[] = [
  {
    kind: "page",
    segment: "pages",
    noun: "page",
    parseId: (raw) => pathId(raw, "page-id"),
    exists: (ctx, id) => ctx.store.pages.has(id),
  },
  {
    kind: "attachment",
    segment: "attachments",
    noun: "attachment",
    parseId: (raw) => attachmentId(raw, "attachment-id"),
    exists: (ctx, id) => ctx.store.attachments.has(id),
  },
  {
    kind: "customContent",
    segment: "custom-content",
    noun: "custom-content",
    parseId: (raw) => pathId(raw, "custom-content-id"),
    exists: (ctx, id) => ctx.store.customContent.has(id),
  },
  // emu1: blog posts (getBlogpostContentProperties & co.: the page scopes) and spaces
  // (getSpaceProperties & co.: read:space, write:space; SpaceProperty shape, 201 on create).
  {
    kind: "blogpost",
    segment: "blogposts",
    noun: "page",
    parseId: (raw) => pathId(raw, "blogpost-id"),
    exists: (ctx, id) => ctx.store.blogposts.has(id),
  },
  {
    kind: "space",
    segment: "spaces",
    noun: "space",
    parseId: (raw) => pathId(raw, "space-id"),
    exists: (ctx, id) => ctx.store.spaces.has(id),
    shape: serialize.spaceProperty,
    createdStatus: 201,
  },
];

/** Property keys: non-empty, at most 255 characters (Confluence's limit). */
function propertyKey(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 255) {
    throw badRequest("key must be a non-empty string of at most 255 characters");
  }
  return value;
}

function propertyValue(body: Record<string, unknown>): JsonValue {
  if (!("value" in body) || body.value === undefined) throw badRequest("value is required");
  return body.value as JsonValue;
}

/** The five property rows of one owner kind (also used by content-properties.ts). */
export function ownerRoutes(owner: OwnerRoute): Route[] {
  const base = `/wiki/api/v2/${owner.segment}/:ownerId/properties`;
  const scopes = owner.scopes ?? propertyScopes(owner.noun);
  const shape = owner.shape ?? serialize.property;

  const ownerOf = (ctx: SiteContext, request: FastifyRequest): string => {
    const id = owner.parseId(params(request).ownerId!);
    if (!owner.exists(ctx, id)) throw notFound();
    return ownerKey(owner.kind, id);
  };

  const propertyOf = (ctx: SiteContext, request: FastifyRequest): PropertyRecord => {
    const key = ownerOf(ctx, request);
    const property = ctx.store.properties.get(pathId(params(request).propertyId!, "property-id"));
    if (!property || property.ownerKey !== key) throw notFound();
    return property;
  };

  return [
    {
      method: "GET",
      path: base,
      scopes: scopes.read,
      handler: async (ctx, request, reply) => {
        const q = query(request);
        const key = ownerOf(ctx, request);
        const filterKey = single(q, "key");
        const sortName = enumValue(q, "sort", PROPERTY_SORT_NAMES) ?? "id";
        const limit = limitParam(q);
        return sendView(ctx, request, reply, {
          view: "properties",
          filters: { owner: key, key: filterKey },
          candidates: (f) => {
            const byKey = ctx.store.propertiesByOwner.get(f.owner);
            if (f.key === undefined) return byKey?.values() ?? [];
            const one = byKey?.get(f.key);
            return one ? [one] : [];
          },
          sort: PROPERTY_SORTS[sortName]!,
          limit,
          serialize: shape,
        });
      },
    },

    {
      method: "POST",
      path: base,
      scopes: scopes.write,
      handler: async (ctx, request, reply) => {
        const key = ownerOf(ctx, request);
        const body = jsonObject(request);
        const name = propertyKey(body.key);
        const value = propertyValue(body);
        const record = createProperty(ctx.store, key, {
          key: name,
          value,
          authorId: ctx.user(request).accountId,
          now: new Date().toISOString(),
        });
        if (owner.createdStatus) reply.code(owner.createdStatus);
        return shape(record);
      },
    },

    {
      method: "GET",
      path: `${base}/:propertyId`,
      scopes: scopes.read,
      handler: async (ctx, request) => shape(propertyOf(ctx, request)),
    },

    {
      method: "PUT",
      path: `${base}/:propertyId`,
      scopes: scopes.write,
      handler: async (ctx, request) => {
        const property = propertyOf(ctx, request);
        const body = jsonObject(request);
        const name = propertyKey(body.key);
        const value = propertyValue(body);
        const version = body.version as Record<string, unknown> | undefined;
        const number = version?.number;
        if (typeof number !== "number" || !Number.isInteger(number)) {
          throw badRequest("version.number must be an integer");
        }
        const message = typeof version?.message === "string" ? version.message : "";
        updateProperty(ctx.store, property, {
          key: name,
          value,
          version: { number, message },
          authorId: ctx.user(request).accountId,
          now: new Date().toISOString(),
        });
        return shape(property);
      },
    },

    {
      method: "DELETE",
      path: `${base}/:propertyId`,
      scopes: scopes.write,
      handler: async (ctx, request, reply) => {
        ctx.store.removeProperty(propertyOf(ctx, request));
        return reply.code(204).send();
      },
    },
  ];
}

export const PROPERTIES_ROUTES: readonly Route[] = OWNERS.flatMap(ownerRoutes);

// POST /custom-content, PUT /custom-content/{id}, DELETE /custom-content/{id}
// (createCustomContent, updateCustomContent, deleteCustomContent). Rules in
// domain/custom-content.ts.
import type { FastifyRequest } from "fastify";
import { parseWriteBody } from "../body-format.js";
import type { SiteContext } from "../context.js";
import {
  type CustomContentContainer,
  createCustomContent,
  deleteCustomContent,
  updateCustomContent,
} from "../domain/custom-content.js";
import { badRequest, notFound } from "../errors.js";
import { baseUrl, jsonObject, params, query } from "../http.js";
import type { CustomContentRecord } from "../model.js";
import { DELETE_CUSTOM_CONTENT, WRITE_CUSTOM_CONTENT } from "../oauth/scopes-content.js";
import { bool, pathId } from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";

/** CustomContentBodyWrite accepts `raw` besides storage and atlas_doc_format. */
function customBody(value: unknown) {
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const raw = record.representation === "raw" ? record : (record.raw as Record<string, unknown>);
    if (raw && typeof raw === "object" && typeof raw.value === "string") {
      return { representation: "storage" as const, value: raw.value };
    }
  }
  return parseWriteBody(value);
}

function idOrUndefined(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${name} must be a string`);
  return pathId(value, name);
}

function containerOf(body: Record<string, unknown>): CustomContentContainer {
  return {
    spaceId: idOrUndefined(body.spaceId, "spaceId"),
    pageId: idOrUndefined(body.pageId, "pageId"),
    blogPostId: idOrUndefined(body.blogPostId, "blogPostId"),
    customContentId: idOrUndefined(body.customContentId, "customContentId"),
  };
}

/** The v2 custom content shape plus the containers model.ts does not hold. */
export function customContentWire(
  ctx: SiteContext,
  record: CustomContentRecord,
  bodyFormat: string | undefined,
) {
  const spaceKey = ctx.store.spaces.get(record.spaceId)?.key ?? "";
  const extra = ctx.store.content.customExtra(record.id);
  return {
    ...serialize.customContent(record, spaceKey, bodyFormat),
    ...(extra.blogPostId !== undefined ? { blogPostId: extra.blogPostId } : {}),
    ...(extra.parentId !== undefined ? { customContentId: extra.parentId } : {}),
  };
}

export function customContentOf(ctx: SiteContext, request: FastifyRequest, name = "id") {
  const raw = params(request)[name]!;
  const record = ctx.store.customContent.get(
    pathId(raw, name === "id" ? "id" : "custom-content-id"),
  );
  if (!record) throw notFound();
  return record;
}

function written(ctx: SiteContext, request: FastifyRequest, record: CustomContentRecord) {
  const result = customContentWire(ctx, record, "storage");
  return { ...result, _links: { ...result._links, base: baseUrl(request) } };
}

export const CUSTOM_CONTENT_WRITE_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/wiki/api/v2/custom-content",
    scopes: WRITE_CUSTOM_CONTENT,
    handler: async (ctx, request, reply) => {
      const body = jsonObject(request);
      const record = createCustomContent(ctx.store, containerOf(body), {
        type: body.type,
        title: body.title,
        status: body.status,
        body: customBody(body.body),
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      });
      reply.code(201);
      return written(ctx, request, record);
    },
  },
  {
    method: "PUT",
    path: "/wiki/api/v2/custom-content/:id",
    scopes: WRITE_CUSTOM_CONTENT,
    handler: async (ctx, request) => {
      const record = customContentOf(ctx, request);
      const body = jsonObject(request);
      if (body.id !== undefined && String(body.id) !== record.id) {
        throw badRequest("The id in the body does not match the path");
      }
      const version = body.version as Record<string, unknown> | undefined;
      updateCustomContent(ctx.store, record, {
        type: body.type,
        title: body.title,
        status: body.status,
        body: customBody(body.body),
        versionNumber: version?.number,
        message: typeof version?.message === "string" ? version.message : "",
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      });
      return written(ctx, request, record);
    },
  },
  {
    method: "DELETE",
    path: "/wiki/api/v2/custom-content/:id",
    scopes: DELETE_CUSTOM_CONTENT,
    handler: async (ctx, request, reply) => {
      const record = customContentOf(ctx, request);
      deleteCustomContent(ctx.store, record, bool(query(request), "purge", false));
      return reply.code(204).send();
    },
  },
];

// POST /pages, PUT /pages/{id}, DELETE /pages/{id} (createPage, updatePage, deletePage).
import type { FastifyRequest } from "fastify";
import type { Page } from "../../types/confluence.js";
import { parseWriteBody, toStorage } from "../body-format.js";
import type { SiteContext } from "../context.js";
import {
  assertTitleFree,
  deletePage,
  parentIn,
  restoreFromTrash,
  saveRevision,
} from "../domain/pages.js";
import { badRequest, notFound } from "../errors.js";
import { baseUrl, jsonObject, params, query } from "../http.js";
import type { PageRecord, Revision } from "../model.js";
import { DELETE_PAGE, WRITE_PAGE } from "../oauth/scopes.js";
import { bool, pathId } from "../params.js";
import { makePage } from "../records.js";
import type { Route } from "../route.js";
import { renderSinglePage } from "./pages-read.js";

const ID = /^[0-9]{1,18}$/;

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${name} must be a string`);
  return value;
}

export function versionNumber(body: Record<string, unknown>): { number: number; message: string } {
  const version = body.version;
  if (typeof version !== "object" || version === null) throw badRequest("version is required");
  const { number, message } = version as Record<string, unknown>;
  if (typeof number !== "number" || !Number.isInteger(number)) {
    throw badRequest("version.number must be an integer");
  }
  return { number, message: typeof message === "string" ? message : "" };
}

/** Writes answer with the page as stored, in `storage` (what createPage/updatePage return). */
export function written(
  ctx: SiteContext,
  page: PageRecord,
  request: FastifyRequest,
  picked?: { revision: Revision; status: string },
): Page {
  const userId = ctx.user(request).accountId;
  return renderSinglePage(ctx, page, STORAGE, baseUrl(request), userId, picked);
}

const STORAGE = { "body-format": "storage" };

export const PAGE_WRITES_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/wiki/api/v2/pages",
    scopes: WRITE_PAGE,
    handler: async (ctx, request) => {
      const q = query(request);
      const body = jsonObject(request);
      const store = ctx.store;
      const user = ctx.user(request);
      bool(q, "embedded", false);
      const isPrivate = bool(q, "private", false);
      const rootLevel = bool(q, "root-level", false);
      const spaceId = optionalString(body, "spaceId");
      if (spaceId === undefined) throw badRequest("spaceId is required");
      if (!ID.test(spaceId)) throw badRequest(`Invalid spaceId: ${spaceId.slice(0, 50)}`);
      const space = store.spaces.get(spaceId);
      if (!space) throw notFound();
      const status = optionalString(body, "status") ?? "current";
      if (status !== "current" && status !== "draft")
        throw badRequest("status must be current or draft");
      const title = optionalString(body, "title");
      // "If creating a published page, the title must be specified."
      if (status === "current" && !title)
        throw badRequest("Title is required for a published page");
      const parentId = optionalString(body, "parentId");
      if (rootLevel && parentId !== undefined) {
        throw badRequest("parentId may not be supplied when root-level is true");
      }
      if (parentId !== undefined) parentIn(store, spaceId, parentId);
      const subtype = optionalString(body, "subtype");
      if (subtype !== undefined && subtype !== "live") throw badRequest("subtype must be live");
      const writeBody = parseWriteBody(body.body);
      if (status === "current" && title) assertTitleFree(store, spaceId, title);
      const num = store.allocateId();
      const page = makePage({
        num,
        spaceId,
        // Without parentId (and root-level false) the space homepage is the parent.
        parentId: rootLevel ? undefined : (parentId ?? space.homepageId),
        title: title ?? "",
        body: writeBody ? toStorage(writeBody) : "",
        status,
        authorId: user.accountId,
        createdAt: new Date().toISOString(),
      });
      page.subtype = subtype;
      if (isPrivate) page.ownerId = user.accountId;
      store.addPage(page);
      return written(ctx, page, request);
    },
  },

  {
    method: "PUT",
    path: "/wiki/api/v2/pages/:id",
    scopes: WRITE_PAGE,
    handler: async (ctx, request) => {
      const id = pathId(params(request).id!);
      const body = jsonObject(request);
      const store = ctx.store;
      const user = ctx.user(request);
      const page = store.pages.get(id);
      if (!page) throw notFound();
      const bodyId = body.id;
      if (bodyId !== undefined && String(bodyId) !== id)
        throw badRequest("id does not match the page id");
      const status = optionalString(body, "status");
      if (status !== "current" && status !== "draft")
        throw badRequest("status must be current or draft");
      const title = optionalString(body, "title");
      if (title === undefined || title === "") throw badRequest("title is required");
      const version = versionNumber(body);
      const spaceId = optionalString(body, "spaceId");
      if (spaceId !== undefined && spaceId !== page.spaceId) {
        throw badRequest("Moving a page to a different space is not supported");
      }
      if (page.status === "trashed") {
        restoreFromTrash(store, page, status);
        return written(ctx, page, request);
      }
      const writeBody = parseWriteBody(body.body);
      if (!writeBody) throw badRequest("body is required");
      const storage = toStorage(writeBody);
      const parentId = optionalString(body, "parentId");
      const ownerId = optionalString(body, "ownerId");
      const draft = saveRevision(store, page, {
        status,
        title,
        body: storage,
        version,
        parentId,
        ownerId,
        authorId: user.accountId,
        now: new Date().toISOString(),
      });
      // Saving a draft of a published page answers with that draft (status "draft", version 1).
      return written(ctx, page, request, draft && { revision: draft, status: "draft" });
    },
  },

  // Trash, purge or discard a draft: the rules are in src/emulator/domain/pages.ts (deletePage).
  {
    method: "DELETE",
    path: "/wiki/api/v2/pages/:id",
    scopes: DELETE_PAGE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const id = pathId(params(request).id!);
      const purge = bool(q, "purge", false);
      const draft = bool(q, "draft", false);
      const store = ctx.store;
      const page = store.pages.get(id);
      if (!page) throw notFound();
      deletePage(store, page, { purge, draft });
      return reply.code(204).send();
    },
  },
];

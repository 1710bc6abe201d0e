// POST /pages, PUT /pages/{id}, DELETE /pages/{id} (createPage, updatePage, deletePage).
import type { FastifyRequest } from "fastify";
import type { Page } from "../../types/confluence.js";
import { parseWriteBody, toStorage } from "../body-format.js";
import type { SiteContext } from "../context.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import { baseUrl, jsonObject, params, query } from "../http.js";
import type { PageRecord, Revision } from "../model.js";
import { DELETE_PAGE, WRITE_PAGE } from "../oauth/scopes.js";
import { bool, pathId } from "../params.js";
import { makePage, makeVersion } from "../records.js";
import type { Route } from "../route.js";
import type { Store } from "../store.js";
import { renderSinglePage } from "./pages-read.js";

const ID = /^[0-9]{1,18}$/;

/**
 * Confluence keeps titles unique in a space. The failure is a 400 whose title public clients
 * match verbatim: "A page with this title already exists: A page already exists with the same
 * TITLE in this space" (v1 createContent's BadRequestException; v2 sends it as errors[0].title).
 * Archived pages still hold their title (public clients check `status=current,archived` before
 * creating for that reason); trashed pages and unpublished drafts do not.
 */
const TITLE_HOLDERS: ReadonlySet<PageRecord["status"]> = new Set(["current", "archived"]);

export function assertTitleFree(
  store: Store,
  spaceId: string,
  title: string,
  self?: PageRecord,
): void {
  for (const other of store.pagesBySpace.get(spaceId) ?? []) {
    if (other !== self && TITLE_HOLDERS.has(other.status) && other.current.title === title) {
      throw badRequest(
        "A page with this title already exists: A page already exists with the same TITLE in this space",
      );
    }
  }
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${name} must be a string`);
  return value;
}

function parentIn(store: Store, spaceId: string, parentId: string): PageRecord {
  const parent = ID.test(parentId) ? store.pages.get(parentId) : undefined;
  if (!parent || parent.spaceId !== spaceId || parent.status === "trashed") throw notFound();
  return parent;
}

function isDescendant(store: Store, candidate: PageRecord, ancestorId: string): boolean {
  let current: PageRecord | undefined = candidate;
  for (let hops = 0; current && hops < 10_000; hops++) {
    if (current.id === ancestorId) return true;
    current = current.parentId ? store.pages.get(current.parentId) : undefined;
  }
  return false;
}

function versionNumber(body: Record<string, unknown>): { number: number; message: string } {
  const version = body.version;
  if (typeof version !== "object" || version === null) throw badRequest("version is required");
  const { number, message } = version as Record<string, unknown>;
  if (typeof number !== "number" || !Number.isInteger(number)) {
    throw badRequest("version.number must be an integer");
  }
  return { number, message: typeof message === "string" ? message : "" };
}

/**
 * 409 CONFLICT when version.number is not what Confluence expects. Message as observed on the v2
 * API (community.developer.atlassian.com/t/98344: `{"status":409,"code":"CONFLICT","title":
 * "Version must be incremented when updating a page. Current Version: [5]. Provided version:
 * [5]","detail":null}`); updatePage's OpenAPI entry does not list the 409, v1 updateContent does.
 */
export function versionConflict(current: number, provided: number): ApiError {
  return new ApiError(
    409,
    `Version must be incremented when updating a page. Current Version: [${current}]. Provided version: [${provided}]`,
    "CONFLICT",
  );
}

/** Writes answer with the page as stored, in `storage` (what createPage/updatePage return). */
function written(
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
      const now = new Date().toISOString();

      // "this endpoint can be used to restore a 'trashed' or 'deleted' page to 'current' status.
      // For restoration, page contents will not be updated and only the page status will be changed."
      if (page.status === "trashed") {
        if (status !== "current")
          throw badRequest("A trashed page can only be restored to current");
        assertTitleFree(store, page.spaceId, page.current.title, page);
        page.status = "current";
        store.touch();
        return written(ctx, page, request);
      }

      const writeBody = parseWriteBody(body.body);
      if (!writeBody) throw badRequest("body is required");
      const storage = toStorage(writeBody);
      const parentId = optionalString(body, "parentId");
      if (parentId !== undefined && parentId !== page.parentId) {
        const parent = parentIn(store, page.spaceId, parentId);
        if (isDescendant(store, parent, page.id))
          throw badRequest("A page cannot be moved below itself");
      }

      if (status === "draft") {
        // "unless you are updating the status to 'draft' which requires a version number of 1."
        if (version.number !== 1)
          throw versionConflict(page.draft?.version.number ?? 1, version.number);
        const draft = {
          title,
          body: storage,
          version: makeVersion(1, user.accountId, now, version.message),
        };
        if (page.status === "draft") page.current = draft;
        else page.draft = draft;
      } else {
        const current = page.current.version.number;
        // A never-published draft is at version 1; publishing it keeps or increments that number.
        const publishingDraft =
          page.status === "draft" && (version.number === 1 || version.number === 2);
        if (!publishingDraft && version.number !== current + 1)
          throw versionConflict(current, version.number);
        assertTitleFree(store, page.spaceId, title, page);
        if (page.status !== "draft") page.history.push(page.current);
        page.current = {
          title,
          body: storage,
          version: makeVersion(version.number, user.accountId, now, version.message),
        };
        page.status = "current";
        page.draft = undefined;
      }
      if (parentId !== undefined) page.parentId = parentId;
      const ownerId = optionalString(body, "ownerId");
      if (ownerId !== undefined) page.ownerId = ownerId;
      store.touch();
      // Saving a draft of a published page answers with that draft (status "draft", version 1).
      const draft = status === "draft" ? page.draft : undefined;
      return written(ctx, page, request, draft && { revision: draft, status: "draft" });
    },
  },

  // "Deleting a page moves the page to the trash ... To permanently delete a page (or "purge"
  // it), the endpoint must be called on a trashed page with purge=true. ... To delete a page that
  // is a draft, the endpoint must be called on a draft with draft=true. Discarded drafts are not
  // sent to the trash and are permanently deleted." (deletePage)
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
      if (draft) {
        if (page.status === "draft") store.removePage(page);
        else if (page.draft) {
          page.draft = undefined;
          store.touch();
        } else throw notFound();
      } else if (purge) {
        if (page.status !== "trashed") throw badRequest("Only a trashed page can be purged");
        store.removePage(page);
      } else {
        if (page.status === "draft" || page.status === "trashed") throw notFound();
        page.status = "trashed";
        store.touch();
      }
      return reply.code(204).send();
    },
  },
];

// The few v1 endpoints useful through Raw Request (confluence-v1.json): getSpaces,
// getContentById, getCurrentUser (attachment uploads: v1-attachments.ts). v1 ids are numbers for spaces and strings for content.
import type { V1SpaceArray, V1User } from "../../types/confluence.js";
import { visibleTo } from "../domain/visibility.js";
import { ApiError, badParameter, notFound } from "../errors.js";
import { params, query } from "../http.js";
import { V1_CURRENT_USER, V1_READ_CONTENT, V1_READ_SPACE } from "../oauth/scopes.js";
import { integer, list, single } from "../params.js";
import type { Route } from "../route.js";
import { links, v1Attachment, v1Page, v1Space, v1User } from "../serialize/v1.js";

export const V1_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/rest/api/space",
    scopes: V1_READ_SPACE,
    handler: async (ctx, request): Promise<V1SpaceArray> => {
      const q = query(request);
      const start = integer(q, "start") ?? 0;
      const limit = integer(q, "limit") ?? 25;
      if (start < 0) throw badParameter("start", String(start), "non-negative int");
      if (limit < 1) throw badParameter("limit", String(limit), "positive int");
      const keys = list(q, "spaceKey");
      const type = single(q, "type");
      const status = single(q, "status");
      const visible = visibleTo(ctx.store, ctx.user(request));
      const matches = [...ctx.store.spaces.values()].filter(
        (s) =>
          visible(s) &&
          (!keys || keys.includes(s.key)) &&
          (!type || s.type === type) &&
          (!status || s.status === status),
      );
      const page = matches.slice(start, start + Math.min(limit, 250));
      return {
        results: page.map((s) => v1Space(request, s)),
        start,
        limit,
        size: page.length,
        _links: links(request, "/rest/api/space"),
      };
    },
  },

  {
    method: "GET",
    path: "/wiki/rest/api/content/:id",
    scopes: V1_READ_CONTENT,
    handler: async (ctx, request) => {
      const id = params(request).id!;
      if (!/^(att)?[0-9]{1,18}$/.test(id)) throw new ApiError(400, "The content id is invalid");
      const page = ctx.store.pages.get(id);
      if (page) return v1Page(request, page, ctx.store.spaces.get(page.spaceId)?.key ?? "");
      const attachment = ctx.store.attachments.get(id.startsWith("att") ? id : `att${id}`);
      if (attachment) return v1Attachment(request, attachment);
      throw notFound();
    },
  },

  {
    method: "GET",
    path: "/wiki/rest/api/user/current",
    scopes: V1_CURRENT_USER,
    handler: async (ctx, request): Promise<V1User> => v1User(request, ctx.user(request)),
  },

  // getUser: one user by account id; 404 when no user of the site has it. Confluence's user
  // lookup: https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/#api-wiki-rest-api-user-get
  {
    method: "GET",
    path: "/wiki/rest/api/user",
    scopes: V1_CURRENT_USER,
    handler: async (ctx, request): Promise<V1User> => {
      const accountId = single(query(request), "accountId") ?? "";
      if (accountId === "") throw badParameter("accountId", accountId, "an account id");
      const user = ctx.store.users.find((candidate) => candidate.accountId === accountId);
      if (user === undefined) throw notFound();
      return v1User(request, user);
    },
  },

  // getBulkUserLookup: several users by comma-separated account ids (unknown ones are left
  // out), at most `limit` (default 200, the documented maximum), in the order asked.
  {
    method: "GET",
    path: "/wiki/rest/api/user/bulk",
    scopes: V1_CURRENT_USER,
    handler: async (ctx, request) => {
      const q = query(request);
      const ids = (single(q, "accountId") ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
      if (ids.length === 0) throw badParameter("accountId", "", "one or more account ids");
      const limit = integer(q, "limit") ?? 200;
      if (limit < 1 || limit > 200) {
        throw badParameter("limit", String(limit), "integer between 1 and 200");
      }
      const results = ids
        .map((id) => ctx.store.users.find((user) => user.accountId === id))
        .filter((user) => user !== undefined)
        .slice(0, limit)
        .map((user) => ({
          ...v1User(request, user),
          _expandable: { operations: "", personalSpace: "", isExternalCollaborator: "" },
        }));
      return {
        results,
        start: 0,
        limit,
        size: results.length,
        _links: links(request, "/rest/api/user/bulk"),
      };
    },
  },
];

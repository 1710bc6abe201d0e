// v1 content restrictions (api-group-content-restrictions) on pages and blog posts, users only:
// getRestrictions (`/restriction`: ContentRestrictionArray of the read and update restrictions),
// getRestrictionsByOperation (`/restriction/byOperation`: an object keyed by operation),
// getRestrictionsForOperation (`/byOperation/{operationKey}`), and for one user
// (`/byOperation/{operationKey}/user?accountId=`): getContentRestrictionStatusForUser (200 when the
// restriction names the user: "the following request will return true"; 404 otherwise, the only
// other status the document declares), addUserToContentRestriction (PUT) and
// removeUserFromContentRestriction (DELETE), both 200 with no body. Who may change them is the
// request guard's rule for any write to the content (access-guard.ts). The rules and what they
// change for visibility: domain/restrictions.ts.
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-restrictions/
import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import {
  addRestrictedUser,
  RESTRICTION_OPERATIONS,
  type RestrictionOperation,
  removeRestrictedUser,
  restrictableContent,
  restrictedUsers,
} from "../domain/restrictions.js";
import { badParameter, notFound } from "../errors.js";
import { params, query } from "../http.js";
import type { PageRecord, UserRecord } from "../model.js";
import { single } from "../params.js";
import type { Route, ScopeAlternatives } from "../route.js";
import { links, v1User } from "../serialize/v1.js";

// confluence-v1.json x-atlassian-oauth2-scopes: current (classic) scope, or the beta granular set.
const READ: ScopeAlternatives = [
  ["read:confluence-content.all"],
  ["read:content-details:confluence"],
];
const READ_USER: ScopeAlternatives = [
  ["read:confluence-content.all"],
  ["read:content.restriction:confluence"],
];
const WRITE_USER: ScopeAlternatives = [
  ["write:confluence-content"],
  ["write:content.restriction:confluence"],
];
const BASE = "/wiki/rest/api/content/:id/restriction";
/** The default page size of the restriction listings (getRestrictions `limit` default). */
const LIMIT = 100;

function operationOf(request: FastifyRequest): RestrictionOperation {
  const value = params(request).operationKey ?? "";
  const operation = RESTRICTION_OPERATIONS.find((op) => op === value);
  if (operation === undefined) throw badParameter("operationKey", value, "read or update");
  return operation;
}

function contentOf(ctx: SiteContext, request: FastifyRequest): PageRecord {
  return restrictableContent(ctx.store, params(request).id ?? "");
}

/** The user `accountId` names; undefined when it names nobody on the site. */
function namedUser(ctx: SiteContext, request: FastifyRequest): UserRecord | undefined {
  const accountId = single(query(request), "accountId");
  return ctx.store.users.find((user) => user.accountId === accountId);
}

/** What a `…/byOperation/{operationKey}/user?accountId=` request is about. */
function userRestrictionTarget(ctx: SiteContext, request: FastifyRequest) {
  return {
    page: contentOf(ctx, request),
    operation: operationOf(request),
    user: namedUser(ctx, request),
  };
}

function contentRestriction(
  ctx: SiteContext,
  request: FastifyRequest,
  page: PageRecord,
  operation: RestrictionOperation,
) {
  const users = restrictedUsers(page, operation)
    .map((id) => ctx.store.users.find((user) => user.accountId === id))
    .filter((user): user is UserRecord => user !== undefined)
    .map((user) => v1User(request, user));
  return {
    operation,
    restrictions: {
      user: { results: users, start: 0, limit: LIMIT, size: users.length },
      group: { results: [], start: 0, limit: LIMIT, size: 0 },
    },
    _expandable: { content: `/rest/api/content/${page.id}` },
    _links: links(request, `/rest/api/content/${page.id}/restriction/byOperation/${operation}`),
  };
}

export const V1_RESTRICTIONS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: BASE,
    scopes: READ,
    handler: async (ctx, request) => {
      const page = contentOf(ctx, request);
      const results = RESTRICTION_OPERATIONS.map((op) =>
        contentRestriction(ctx, request, page, op),
      );
      // An opaque digest of the current restrictions (clients echo it back on updates).
      const restrictionsHash = createHash("sha256")
        .update(JSON.stringify(RESTRICTION_OPERATIONS.map((op) => restrictedUsers(page, op))))
        .digest("hex");
      return {
        results,
        start: 0,
        limit: LIMIT,
        size: results.length,
        restrictionsHash,
        _links: links(request, `/rest/api/content/${page.id}/restriction`),
      };
    },
  },
  {
    method: "GET",
    path: `${BASE}/byOperation`,
    scopes: READ,
    handler: async (ctx, request) => {
      const page = contentOf(ctx, request);
      return Object.fromEntries(
        RESTRICTION_OPERATIONS.map((op) => [op, contentRestriction(ctx, request, page, op)]),
      );
    },
  },
  {
    method: "GET",
    path: `${BASE}/byOperation/:operationKey`,
    scopes: READ,
    handler: async (ctx, request) =>
      contentRestriction(ctx, request, contentOf(ctx, request), operationOf(request)),
  },
  {
    method: "GET",
    path: `${BASE}/byOperation/:operationKey/user`,
    scopes: READ_USER,
    handler: async (ctx, request, reply) => {
      const { page, operation, user } = userRestrictionTarget(ctx, request);
      if (user === undefined || !restrictedUsers(page, operation).includes(user.accountId)) {
        throw notFound();
      }
      return reply.code(200).send();
    },
  },
  {
    method: "PUT",
    path: `${BASE}/byOperation/:operationKey/user`,
    scopes: WRITE_USER,
    handler: async (ctx, request, reply) => {
      const { page, operation, user } = userRestrictionTarget(ctx, request);
      if (user === undefined) {
        throw badParameter(
          "accountId",
          single(query(request), "accountId") ?? "",
          "account id of a user",
        );
      }
      addRestrictedUser(ctx.store, page, operation, user.accountId);
      return reply.code(200).send();
    },
  },
  {
    method: "DELETE",
    path: `${BASE}/byOperation/:operationKey/user`,
    scopes: WRITE_USER,
    handler: async (ctx, request, reply) => {
      const { page, operation, user } = userRestrictionTarget(ctx, request);
      if (user === undefined) throw notFound();
      removeRestrictedUser(ctx.store, page, operation, user.accountId);
      return reply.code(200).send();
    },
  },
];

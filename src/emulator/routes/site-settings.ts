// Site-wide v2 resources: Forge app properties (getForgeAppProperties ... deleteForgeAppProperty),
// the admin key (getAdminKey, enableAdminKey, disableAdminKey), data policies
// (getDataPolicyMetadata, getDataPolicySpaces) and the available space permissions
// (getAvailableSpacePermissions). Sources per row.
import type { JsonValue } from "../../types/confluence.js";
import { badRequest, notFound } from "../errors.js";
import { params, query, sendList } from "../http.js";
import { sendView } from "../list.js";
import {
  ADMIN_KEY,
  READ_APP_DATA,
  READ_CONFIGURATION,
  READ_SPACE,
  WRITE_APP_DATA,
} from "../oauth/scopes-content.js";
import { enumValue, idList, limit as limitParam, list, single } from "../params.js";
import type { Route } from "../route.js";
import { space as spaceWire } from "../serialize/v2.js";
import { SPACE_SORT_NAMES, SPACE_SORTS } from "../sort-specs.js";

/** Forge app property keys: "^(?!\.+$)[^\/]+$"-like; we refuse empty and over-long keys. */
function appKey(raw: string): string {
  if (raw === "" || raw.length > 127 || /^\.+$/.test(raw)) {
    throw badRequest(`Invalid property key: ${raw.slice(0, 50)}`);
  }
  return raw;
}

/** "a default duration of 10 minutes" when durationInMinutes is absent or 0 (enableAdminKey). */
const DEFAULT_ADMIN_KEY_MINUTES = 10;

export const SITE_SETTINGS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/app/properties",
    scopes: READ_APP_DATA,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const limit = limitParam(q, 50);
      // Keys in insertion order; the cursor is the last key served.
      const keys = [...ctx.store.content.appProperties.keys()];
      const after = single(q, "cursor");
      const start = after === undefined ? 0 : keys.indexOf(after) + 1;
      const slice = keys.slice(start, start + limit);
      const next = start + limit < keys.length ? slice[slice.length - 1] : undefined;
      const results = slice.map((key) => ({
        key,
        value: ctx.store.content.appProperties.get(key),
      }));
      return sendList(request, reply, results, next, limit);
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/app/properties/:propertyKey",
    scopes: READ_APP_DATA,
    handler: async (ctx, request) => {
      const key = appKey(params(request).propertyKey!);
      const value = ctx.store.content.appProperties.get(key);
      if (value === undefined) throw notFound();
      return { key, value };
    },
  },
  {
    method: "PUT",
    path: "/wiki/api/v2/app/properties/:propertyKey",
    scopes: WRITE_APP_DATA,
    handler: async (ctx, request, reply) => {
      const key = appKey(params(request).propertyKey!);
      const body = request.body;
      if (body === undefined || Buffer.isBuffer(body)) throw badRequest("A JSON value is required");
      const existed = ctx.store.content.appProperties.has(key);
      ctx.store.content.appProperties.set(key, body as JsonValue);
      ctx.store.content.touch();
      // 201 when the property was created, 200 when it was updated; neither has a body
      // (putForgeAppProperty).
      return reply.code(existed ? 200 : 201).send();
    },
  },
  {
    method: "DELETE",
    path: "/wiki/api/v2/app/properties/:propertyKey",
    scopes: WRITE_APP_DATA,
    handler: async (ctx, request, reply) => {
      const key = appKey(params(request).propertyKey!);
      ctx.store.content.appProperties.delete(key);
      ctx.store.content.touch();
      return reply.code(204).send();
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/admin-key",
    scopes: ADMIN_KEY,
    handler: async (ctx, request) => {
      // "Returns information about the admin key if one is currently enabled for the calling
      // user"; none (or an expired one) is a 404.
      const accountId = ctx.user(request).accountId;
      const expiry = ctx.store.content.adminKeys.get(accountId);
      if (expiry === undefined || expiry <= Date.now()) throw notFound();
      return { accountId, expirationTime: new Date(expiry).toISOString() };
    },
  },
  {
    method: "POST",
    path: "/wiki/api/v2/admin-key",
    scopes: ADMIN_KEY,
    handler: async (ctx, request) => {
      const body = request.body;
      let minutes = DEFAULT_ADMIN_KEY_MINUTES;
      if (typeof body === "object" && body !== null && !Buffer.isBuffer(body)) {
        const given = (body as Record<string, unknown>).durationInMinutes;
        if (given !== undefined) {
          if (typeof given !== "number" || !Number.isInteger(given) || given < 0) {
            throw badRequest("durationInMinutes must be a non-negative integer");
          }
          if (given > 0) minutes = given;
        }
      }
      const accountId = ctx.user(request).accountId;
      const expiry = Date.now() + minutes * 60_000;
      ctx.store.content.adminKeys.set(accountId, expiry);
      return { accountId, expirationTime: new Date(expiry).toISOString() };
    },
  },
  {
    method: "DELETE",
    path: "/wiki/api/v2/admin-key",
    scopes: ADMIN_KEY,
    handler: async (ctx, request, reply) => {
      ctx.store.content.adminKeys.delete(ctx.user(request).accountId);
      return reply.code(204).send();
    },
  },
  {
    method: "GET",
    path: "/wiki/api/v2/data-policies/metadata",
    scopes: READ_CONFIGURATION,
    // The emulated site has no app access rules: nothing is blocked.
    handler: async () => ({ anyContentBlocked: false }),
  },
  {
    method: "GET",
    path: "/wiki/api/v2/data-policies/spaces",
    scopes: READ_SPACE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const ids = idList(q, "ids");
      const keys = list(q, "keys");
      const sortName = enumValue(q, "sort", SPACE_SORT_NAMES) ?? "id";
      const limit = limitParam(q);
      return sendView(ctx, request, reply, {
        view: "data-policy-spaces",
        filters: { ids, keys },
        candidates: () => ctx.store.spaces.values(),
        keep: (s, f) => (!f.ids || f.ids.includes(s.id)) && (!f.keys || f.keys.includes(s.key)),
        sort: SPACE_SORTS[sortName]!,
        limit,
        serialize: (s) => {
          const { id, key, name, _links } = spaceWire(s, undefined);
          return { id, key, name, dataPolicy: { anyContentBlocked: false }, _links };
        },
      });
    },
  },
];

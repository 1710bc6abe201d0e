// GET /spaces, POST /spaces, GET /spaces/{id} (getSpaces, createSpace, getSpaceById, with every
// include-* of getSpaceById). Permissions and roles: routes/space-permissions.ts.
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-space/
import type { SpaceType } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import {
  createSpace,
  permissionAssignments,
  roleAssignments,
  spaceOperations,
} from "../domain/spaces.js";
import { badRequest, notFound } from "../errors.js";
import { baseUrl, jsonObject, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { SpaceRecord } from "../model.js";
import { READ_SPACE, WRITE_SPACE } from "../oauth/scopes.js";
import {
  bool,
  enumValue,
  idList,
  limit as limitParam,
  list,
  pathId,
  type Query,
} from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";
import { SPACE_SORT_NAMES, SPACE_SORTS } from "../sort-specs.js";
import { ownerKey } from "../store.js";

const SPACE_TYPES: readonly SpaceType[] = [
  "global",
  "collaboration",
  "knowledge_base",
  "personal",
  "system",
  "onboarding",
  "xflow_sample_space",
];
const DESCRIPTION_FORMATS = ["plain", "view"] as const;

/** Every space shows Confluence's default space icon (SpaceIcon). */
const DEFAULT_ICON = { path: "/images/logo/default-space-logo.svg" };

/** The description of createSpace: `{ value, representation: "plain" }`. */
function descriptionOf(body: Record<string, unknown>): string {
  const description = body.description;
  if (description === undefined || description === null) return "";
  if (typeof description !== "object") throw badRequest("description must be an object");
  const { value, representation } = description as Record<string, unknown>;
  if (representation !== undefined && representation !== "plain") {
    throw badRequest("description.representation must be plain");
  }
  if (value !== undefined && typeof value !== "string") {
    throw badRequest("description.value must be a string");
  }
  return value ?? "";
}

/** getSpaceById's include-* wrappers (each limited to 50 results, like the page ones). */
function withIncludes(
  ctx: SiteContext,
  q: Query,
  space: SpaceRecord,
  result: Record<string, unknown>,
) {
  const self = `/wiki/api/v2/spaces/${space.id}`;
  if (bool(q, "include-icon", false)) result.icon = DEFAULT_ICON;
  if (bool(q, "include-operations", false)) {
    result.operations = serialize.optionalField(spaceOperations(), `${self}/operations`);
  }
  if (bool(q, "include-properties", false)) {
    const props = ctx.store.propertiesOf(ownerKey("space", space.id)).map(serialize.spaceProperty);
    result.properties = serialize.optionalField(props, `${self}/properties`);
  }
  if (bool(q, "include-permissions", false)) {
    const assignments = permissionAssignments(ctx.store.users, space).map(({ num, ...a }) => a);
    result.permissions = serialize.optionalField(assignments, `${self}/permissions`);
  }
  if (bool(q, "include-role-assignments", false)) {
    const roles = roleAssignments(ctx.store, space).map(({ num, ...r }) => r);
    result.roleAssignments = serialize.optionalField(roles, `${self}/role-assignments`);
  }
  if (bool(q, "include-labels", false)) {
    result.labels = serialize.optionalField(space.labels, `${self}/labels`);
  }
  return result;
}

export const SPACES_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/spaces",
    scopes: READ_SPACE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const ids = idList(q, "ids");
      const keys = list(q, "keys");
      const type = enumValue(q, "type", SPACE_TYPES);
      const status = enumValue(q, "status", ["current", "archived"] as const);
      // "The results will be sorted by id ascending" unless `sort` says otherwise.
      const sortName = enumValue(q, "sort", SPACE_SORT_NAMES) ?? "id";
      const descriptionFormat = enumValue(q, "description-format", DESCRIPTION_FORMATS);
      const includeIcon = bool(q, "include-icon", false);
      const labels = list(q, "labels");
      const limit = limitParam(q);
      const store = ctx.store;
      return sendView(ctx, request, reply, {
        view: "spaces",
        filters: { ids, keys, type, status, labels },
        candidates: (f) =>
          f.ids
            ? f.ids.map((id) => store.spaces.get(id)).filter((s) => s !== undefined)
            : f.keys
              ? f.keys.map((key) => store.spacesByKey.get(key)).filter((s) => s !== undefined)
              : store.spaces.values(),
        keep: (space: SpaceRecord, f) =>
          (!f.keys || f.keys.includes(space.key)) &&
          (!f.type || space.type === f.type) &&
          (!f.status || space.status === f.status) &&
          (!f.labels || space.labels.some((label) => f.labels?.includes(label.name))),
        sort: SPACE_SORTS[sortName]!,
        limit,
        serialize: (space) => ({
          ...serialize.space(space, descriptionFormat),
          ...(includeIcon ? { icon: DEFAULT_ICON } : {}),
        }),
      });
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id",
    scopes: READ_SPACE,
    handler: async (ctx, request) => {
      const q = query(request);
      const space = ctx.store.spaces.get(pathId(params(request).id!));
      if (!space) throw notFound();
      const result = serialize.space(
        space,
        enumValue(q, "description-format", DESCRIPTION_FORMATS),
      );
      result._links = { ...result._links, base: baseUrl(request) };
      return withIncludes(ctx, q, space, { ...result });
    },
  },

  // createSpace: 201 with the space (SpaceBulk + _links.base); the homepage is created with it.
  {
    method: "POST",
    path: "/wiki/api/v2/spaces",
    scopes: WRITE_SPACE,
    handler: async (ctx, request, reply) => {
      const body = jsonObject(request);
      const { name, key, alias, createPrivateSpace } = body;
      if (typeof name !== "string") throw badRequest("name is required");
      // `alias` is what newer sites call the key in URLs; either names the key here.
      const wanted = key ?? alias;
      if (wanted !== undefined && typeof wanted !== "string")
        throw badRequest("key must be a string");
      if (createPrivateSpace !== undefined && typeof createPrivateSpace !== "boolean") {
        throw badRequest("createPrivateSpace must be a boolean");
      }
      const space = createSpace(ctx.store, {
        name,
        key: wanted,
        description: descriptionOf(body),
        isPrivate: createPrivateSpace === true,
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      });
      const result = serialize.space(space, undefined);
      result._links = { ...result._links, base: baseUrl(request) };
      return reply.code(201).send(result);
    },
  },
];

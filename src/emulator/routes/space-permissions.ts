// Space permissions and roles, read side: GET /spaces/{id}/permissions, /spaces/{id}/operations,
// /spaces/{id}/role-assignments, /space-permissions, /space-roles, /space-roles/{id},
// /space-role-mode (getSpacePermissionsAssignments, getSpaceOperations, getSpaceRoleAssignments,
// getAvailableSpacePermissions, getAvailableSpaceRoles, getSpaceRolesById, getSpaceRoleMode).
// Role writes: POST /space-roles, PUT/DELETE /space-roles/{id}, POST /spaces/{id}/role-assignments
// (createSpaceRole, updateSpaceRole, deleteSpaceRole, setSpaceRoleAssignments). Rules in
// src/emulator/domain/spaces.ts; space permissions themselves are fixed (every user, everything). https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-space-permissions/,
// .../api-group-space-roles/
import type { SiteContext } from "../context.js";
import {
  createRole,
  deleteRole,
  finishedTask,
  permissionAssignments,
  type RoleInput,
  roleAssignments,
  setRoleAssignments,
  spaceOperations,
  updateRole,
} from "../domain/spaces.js";
import { badRequest, notFound } from "../errors.js";
import { baseUrl, jsonObject, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { RoleAssignmentRecord, SpaceRecord } from "../model.js";
import { oneScope, READ_SPACE, READ_SPACE_PERMISSION } from "../oauth/scopes.js";
import { enumValue, limit as limitParam, pathId, single } from "../params.js";
import type { Route } from "../route.js";

const PRINCIPAL_TYPES = ["USER", "GROUP", "ACCESS_CLASS"] as const;
const BY_NUM = { name: "id", key: (item: { num: number }) => item.num, descending: false };

function spaceOf(ctx: SiteContext, raw: string): SpaceRecord {
  const space = ctx.store.spaces.get(pathId(raw));
  if (!space) throw notFound();
  return space;
}

const WRITE_CONFIGURATION = oneScope("write:configuration:confluence");

/** createSpaceRole / updateSpaceRole body: name, description, spacePermissions (all required). */
function roleInput(body: Record<string, unknown>): RoleInput {
  const { name, description, spacePermissions } = body;
  if (typeof name !== "string") throw badRequest("name is required");
  if (typeof description !== "string") throw badRequest("description is required");
  if (!Array.isArray(spacePermissions) || spacePermissions.some((p) => typeof p !== "string")) {
    throw badRequest("spacePermissions must be an array of permission ids");
  }
  return { name, description, spacePermissions: spacePermissions as string[] };
}

/** SetSpaceRoleAssignmentRequest: `[{ principal: { principalType, principalId }, roleId? }]`. */
function assignmentsInput(body: unknown) {
  if (!Array.isArray(body)) throw badRequest("The request body must be an array of assignments");
  return body.map((entry) => {
    const { principal, roleId } = (entry ?? {}) as Record<string, unknown>;
    const { principalType, principalId } = (principal ?? {}) as Record<string, unknown>;
    if (!PRINCIPAL_TYPES.includes(principalType as (typeof PRINCIPAL_TYPES)[number])) {
      throw badRequest("principal.principalType must be USER, GROUP or ACCESS_CLASS");
    }
    if (typeof principalId !== "string" || principalId === "") {
      throw badRequest("principal.principalId is required");
    }
    if (roleId !== undefined && typeof roleId !== "string")
      throw badRequest("roleId must be a string");
    return {
      principalType: principalType as RoleAssignmentRecord["principalType"],
      principalId,
      roleId,
    };
  });
}

/** SpacePermission entries: one per granted operation, the id its `key/targetType`. */
function availablePermissions() {
  return spaceOperations().map(({ operation, targetType }, num) => ({
    num,
    id: `${operation}/${targetType}`,
    displayName: `${operation} ${targetType}`,
    description: `Permission to ${operation} ${targetType}`,
    requiredPermissionIds: operation === "read" ? [] : ["read/space"],
  }));
}

export const SPACE_PERMISSIONS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/permissions",
    scopes: READ_SPACE,
    handler: async (ctx, request, reply) => {
      const space = spaceOf(ctx, params(request).id!);
      return sendView(ctx, request, reply, {
        view: "space-permissions",
        filters: { id: space.id },
        candidates: () => permissionAssignments(ctx.store.users, space),
        sort: BY_NUM,
        limit: limitParam(query(request)),
        serialize: ({ num, ...assignment }) => assignment,
      });
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/operations",
    scopes: READ_SPACE,
    handler: async (ctx, request) => {
      spaceOf(ctx, params(request).id!);
      return { operations: spaceOperations() };
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/role-assignments",
    scopes: READ_SPACE_PERMISSION,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const space = spaceOf(ctx, params(request).id!);
      const roleId = single(q, "role-id");
      const principalId = single(q, "principal-id");
      const principalType = enumValue(q, "principal-type", PRINCIPAL_TYPES);
      const roleType = single(q, "role-type");
      return sendView(ctx, request, reply, {
        view: "space-role-assignments",
        filters: { id: space.id, roleId, principalId, principalType, roleType },
        candidates: () => roleAssignments(ctx.store, space),
        keep: (a, f) =>
          (f.roleId === undefined || a.roleId === f.roleId) &&
          (f.principalId === undefined || a.principal.principalId === f.principalId) &&
          (f.principalType === undefined || a.principal.principalType === f.principalType) &&
          (f.roleType === undefined || f.roleType === "SYSTEM"),
        sort: BY_NUM,
        limit: limitParam(q),
        serialize: ({ num, ...assignment }) => assignment,
      });
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/space-permissions",
    scopes: READ_SPACE_PERMISSION,
    handler: async (ctx, request, reply) =>
      sendView(ctx, request, reply, {
        view: "available-space-permissions",
        filters: {},
        candidates: availablePermissions,
        sort: BY_NUM,
        limit: limitParam(query(request)),
        serialize: ({ num, ...permission }) => permission,
      }),
  },

  {
    method: "GET",
    path: "/wiki/api/v2/space-roles",
    scopes: READ_SPACE_PERMISSION,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const spaceId = single(q, "space-id");
      if (spaceId !== undefined) spaceOf(ctx, spaceId);
      const roleType = single(q, "role-type");
      enumValue(q, "principal-type", PRINCIPAL_TYPES);
      const principalId = single(q, "principal-id");
      return sendView(ctx, request, reply, {
        view: "space-roles",
        filters: { roleType, principalId, spaceId },
        candidates: () =>
          [...ctx.store.spaceRoles.values()].map((role) => ({ num: Number(role.id), role })),
        keep: ({ role }, f) => {
          if (f.roleType !== undefined && role.type !== f.roleType) return false;
          if (f.principalId === undefined) return true;
          // Roles the principal holds in the given space (or in any space).
          const spaces = f.spaceId
            ? [ctx.store.spaces.get(f.spaceId)!]
            : [...ctx.store.spaces.values()];
          return spaces.some((space) =>
            roleAssignments(ctx.store, space).some(
              (a) => a.principal.principalId === f.principalId && a.roleId === role.id,
            ),
          );
        },
        sort: BY_NUM,
        limit: limitParam(q),
        serialize: ({ role }) => role,
      });
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/space-roles/:id",
    scopes: READ_SPACE_PERMISSION,
    handler: async (ctx, request) => {
      const role = ctx.store.spaceRoles.get(pathId(params(request).id!));
      if (!role) throw notFound();
      return { ...role, _links: { base: baseUrl(request) } };
    },
  },

  {
    method: "POST",
    path: "/wiki/api/v2/space-roles",
    scopes: WRITE_CONFIGURATION,
    handler: async (ctx, request, reply) => {
      const role = createRole(ctx.store, roleInput(jsonObject(request)));
      return reply.code(201).send(role);
    },
  },

  {
    method: "PUT",
    path: "/wiki/api/v2/space-roles/:id",
    scopes: WRITE_CONFIGURATION,
    handler: async (ctx, request, reply) => {
      const id = pathId(params(request).id!);
      const role = updateRole(ctx.store, id, roleInput(jsonObject(request)));
      const taskId = finishedTask(ctx.store, "com.atlassian.confluence.space.role.update");
      const { spacePermissions, ...rest } = role;
      return reply.code(202).send({ ...rest, taskId });
    },
  },

  {
    method: "DELETE",
    path: "/wiki/api/v2/space-roles/:id",
    scopes: WRITE_CONFIGURATION,
    handler: async (ctx, request, reply) => {
      deleteRole(ctx.store, pathId(params(request).id!));
      const taskId = finishedTask(ctx.store, "com.atlassian.confluence.space.role.delete");
      return reply.code(202).send({ taskId });
    },
  },

  {
    method: "POST",
    path: "/wiki/api/v2/spaces/:id/role-assignments",
    scopes: oneScope("write:space.permission:confluence"),
    handler: async (ctx, request, reply) => {
      const space = spaceOf(ctx, params(request).id!);
      setRoleAssignments(ctx.store, space, assignmentsInput(request.body));
      return sendView(ctx, request, reply, {
        view: "space-role-assignments-set",
        filters: { id: space.id },
        candidates: () => roleAssignments(ctx.store, space),
        sort: BY_NUM,
        limit: 250,
        serialize: ({ num, ...assignment }) => assignment,
      });
    },
  },

  // The site uses space roles ("ROLES"), not the pre-roles permission scheme.
  {
    method: "GET",
    path: "/wiki/api/v2/space-role-mode",
    scopes: oneScope("read:configuration:confluence"),
    handler: async () => ({ mode: "ROLES" }),
  },
];

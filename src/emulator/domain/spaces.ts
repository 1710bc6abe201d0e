// The rules of spaces, apart from HTTP: creating one (key, homepage), and the emulator's
// permission listings: every user who may edit the space (domain/visibility.ts) holds every
// permission, one who may only view it holds `read space`, others none; the space's creator holds
// the Admin role, the other editors Collaborator, view-only users Viewer.
import { badRequest, notFound } from "../errors.js";
import type { RoleAssignmentRecord, SpaceRecord, SpaceRoleRecord, UserRecord } from "../model.js";
import { GRANTED_PERMISSIONS, makePage } from "../records.js";
import type { Store } from "../store.js";
import { canEditSpace, canViewSpace } from "./visibility.js";

/**
 * Space keys: letters and digits only, at most 255 characters, unique on the site; Confluence
 * stores them in upper case ("Space keys can only contain alphanumeric characters (A-Z, a-z,
 * 0-9)", https://support.atlassian.com/confluence-cloud/docs/create-a-space/ ).
 */
const KEY = /^[A-Za-z0-9]{1,255}$/;

/** A key derived from the name, as the UI suggests one: its letters and digits, upper case. */
function keyFromName(store: Store, name: string): string {
  const stem =
    name
      .replace(/[^A-Za-z0-9]/g, "")
      .toUpperCase()
      .slice(0, 10) || "SPACE";
  let key = stem;
  for (let n = 1; store.spacesByKey.has(key); n++) key = `${stem}${n}`;
  return key;
}

export interface SpaceInput {
  name: string;
  key: string | undefined;
  description: string;
  isPrivate: boolean;
  authorId: string;
  now: string;
}

/** Creates a space and its homepage ("{name} Home", the space's only root page). */
export function createSpace(store: Store, input: SpaceInput): SpaceRecord {
  const name = input.name.trim();
  if (name === "" || name.length > 200) {
    throw badRequest("Space name must be between 1 and 200 characters");
  }
  if (input.key !== undefined && !KEY.test(input.key)) {
    throw badRequest("Space key can only contain alphanumeric characters (A-Z, a-z, 0-9)");
  }
  const key = input.key?.toUpperCase() ?? keyFromName(store, name);
  if (store.spacesByKey.has(key)) {
    throw badRequest(`A space already exists with key ${key}`);
  }
  const num = store.allocateId();
  const homeNum = store.allocateId();
  const space: SpaceRecord = {
    id: String(num),
    num,
    key,
    name,
    // A private space is a collaboration space only its creator can see; the emulator does not
    // model visibility, so both are "global" spaces owned by the creator.
    type: "global",
    status: "current",
    authorId: input.authorId,
    createdAt: input.now,
    homepageId: String(homeNum),
    description: input.description,
    labels: [],
  };
  store.addSpace(space);
  store.addPage(
    makePage({
      num: homeNum,
      spaceId: space.id,
      parentId: undefined,
      title: `${name} Home`,
      body: "",
      status: "current",
      authorId: input.authorId,
      createdAt: input.now,
    }),
  );
  return space;
}

export interface Assignment {
  num: number;
  id: string;
  principal: { type: "user"; id: string };
  operation: { key: string; targetType: string };
}

/** Who holds which permission (see the top); ids are stable per space, user and permission. */
export function permissionAssignments(users: readonly UserRecord[], space: SpaceRecord) {
  const out: Assignment[] = [];
  users.forEach((user, u) => {
    const edits = canEditSpace(user, space);
    if (!canViewSpace(user, space)) return;
    GRANTED_PERMISSIONS.forEach(([key, targetType], g) => {
      if (!edits && g > 0) return; // GRANTED_PERMISSIONS[0] is `read space`
      const num = u * GRANTED_PERMISSIONS.length + g;
      out.push({
        num,
        id: `${space.id}${String(num).padStart(4, "0")}`,
        principal: { type: "user", id: user.accountId },
        operation: { key, targetType },
      });
    });
  });
  return out;
}

/**
 * The space's role assignments: those set through setSpaceRoleAssignments, else the defaults
 * (the creator is Admin, every other user Collaborator).
 */
export function roleAssignments(store: Store, space: SpaceRecord) {
  const set = store.roleAssignments.get(space.id);
  const records: RoleAssignmentRecord[] =
    set ??
    store.users
      .filter((user) => canViewSpace(user, space))
      .map((user) => ({
        principalType: "USER",
        principalId: user.accountId,
        roleId: user.accountId === space.authorId ? "1" : canEditSpace(user, space) ? "2" : "3",
      }));
  return records.map((r, num) => ({
    num,
    principal: { principalType: r.principalType, principalId: r.principalId },
    roleId: r.roleId,
  }));
}

/** What the caller may do with the space (PermittedOperationsResponse). */
export function spaceOperations() {
  return GRANTED_PERMISSIONS.map(([operation, targetType]) => ({ operation, targetType }));
}

// --- Space role writes (createSpaceRole, updateSpaceRole, deleteSpaceRole,
// setSpaceRoleAssignments). Only custom roles may be changed or deleted; the system roles are
// Confluence's own. Role changes run as a long task in Confluence (the answers carry a taskId):
// the emulator applies them at once and records a finished task.

export interface RoleInput {
  name: string;
  description: string;
  spacePermissions: string[];
}

const KNOWN_PERMISSIONS = new Set(GRANTED_PERMISSIONS.map(([key, target]) => `${key}/${target}`));

function checkRole(store: Store, input: RoleInput, self?: SpaceRoleRecord): void {
  if (input.name.trim() === "") throw badRequest("name must not be empty");
  for (const role of store.spaceRoles.values()) {
    if (role !== self && role.name.toLowerCase() === input.name.trim().toLowerCase()) {
      throw badRequest(`A space role named '${input.name.slice(0, 100)}' already exists`);
    }
  }
  for (const permission of input.spacePermissions) {
    if (!KNOWN_PERMISSIONS.has(permission)) {
      throw badRequest(`Unknown space permission: ${permission.slice(0, 100)}`);
    }
  }
}

export function createRole(store: Store, input: RoleInput): SpaceRoleRecord {
  checkRole(store, input);
  const role: SpaceRoleRecord = {
    id: String(store.allocateId()),
    type: "CUSTOM",
    name: input.name.trim(),
    description: input.description,
    spacePermissions: [...new Set(input.spacePermissions)],
  };
  store.spaceRoles.set(role.id, role);
  store.touch();
  return role;
}

function customRole(store: Store, id: string): SpaceRoleRecord {
  const role = store.spaceRoles.get(id);
  if (!role) throw notFound();
  if (role.type === "SYSTEM") throw badRequest("System roles cannot be changed");
  return role;
}

export function updateRole(store: Store, id: string, input: RoleInput): SpaceRoleRecord {
  const role = customRole(store, id);
  checkRole(store, input, role);
  role.name = input.name.trim();
  role.description = input.description;
  role.spacePermissions = [...new Set(input.spacePermissions)];
  store.touch();
  return role;
}

/** Deletes a custom role; principals holding it lose that assignment. */
export function deleteRole(store: Store, id: string): void {
  const role = customRole(store, id);
  store.spaceRoles.delete(role.id);
  for (const [spaceId, list] of store.roleAssignments) {
    store.roleAssignments.set(
      spaceId,
      list.filter((a) => a.roleId !== role.id),
    );
  }
  store.touch();
}

/**
 * Sets the role of each principal given (replacing its earlier one); an entry without roleId
 * removes the principal's role in the space.
 */
export function setRoleAssignments(
  store: Store,
  space: SpaceRecord,
  wanted: readonly {
    principalType: RoleAssignmentRecord["principalType"];
    principalId: string;
    roleId?: string;
  }[],
): void {
  for (const entry of wanted) {
    if (entry.roleId !== undefined && !store.spaceRoles.has(entry.roleId)) {
      throw badRequest(`Unknown role: ${entry.roleId.slice(0, 50)}`);
    }
  }
  let list = roleAssignments(store, space).map(
    ({ principal, roleId }): RoleAssignmentRecord => ({ ...principal, roleId }),
  );
  for (const entry of wanted) {
    list = list.filter(
      (a) => !(a.principalId === entry.principalId && a.principalType === entry.principalType),
    );
    if (entry.roleId !== undefined) {
      list.push({
        principalType: entry.principalType,
        principalId: entry.principalId,
        roleId: entry.roleId,
      });
    }
  }
  store.roleAssignments.set(space.id, list);
  store.touch();
}

/** Records a finished long task for a role change and returns its id. */
export function finishedTask(store: Store, name: string): string {
  const id = String(store.allocateId());
  const now = Date.now();
  store.longTasks.set(id, { id, name, startedAt: now, finishesAt: now, messages: [] });
  return id;
}

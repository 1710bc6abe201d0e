// The rules of spaces, apart from HTTP: creating one (key, homepage), and the emulator's fixed
// permission model (every site user may do everything in every space; the space's creator holds
// the Admin role, the other users the Collaborator role).
import { badRequest } from "../errors.js";
import type { SpaceRecord, UserRecord } from "../model.js";
import { makePage } from "../records.js";
import type { Store } from "../store.js";

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

/** The space permissions the emulator grants (SpacePermissionAssignment operation keys). */
const GRANTED: readonly (readonly [string, string])[] = [
  ["read", "space"],
  ["create", "page"],
  ["create", "blogpost"],
  ["create", "comment"],
  ["create", "attachment"],
  ["delete", "page"],
  ["delete", "blogpost"],
  ["export", "space"],
  ["restrict_content", "space"],
  ["administer", "space"],
];

export interface Assignment {
  num: number;
  id: string;
  principal: { type: "user"; id: string };
  operation: { key: string; targetType: string };
}

/** Every user holds every granted permission; ids are stable per space, user and permission. */
export function permissionAssignments(users: readonly UserRecord[], space: SpaceRecord) {
  const out: Assignment[] = [];
  users.forEach((user, u) => {
    GRANTED.forEach(([key, targetType], g) => {
      const num = u * GRANTED.length + g;
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

/** The emulator's space roles (SpaceRole; Confluence's default system roles). */
export const SPACE_ROLES = [
  {
    id: "1",
    type: "SYSTEM" as const,
    name: "Admin",
    description: "Manage the space and its content",
    spacePermissions: GRANTED.map(([key, target]) => `${key}/${target}`),
  },
  {
    id: "2",
    type: "SYSTEM" as const,
    name: "Collaborator",
    description: "Create and edit content",
    spacePermissions: GRANTED.filter(([key]) => key !== "administer").map(
      ([key, target]) => `${key}/${target}`,
    ),
  },
  {
    id: "3",
    type: "SYSTEM" as const,
    name: "Viewer",
    description: "View content",
    spacePermissions: ["read/space"],
  },
];

/** The creator is Admin, everyone else Collaborator. */
export function roleAssignments(users: readonly UserRecord[], space: SpaceRecord) {
  return users.map((user, num) => ({
    num,
    principal: { principalType: "USER" as const, principalId: user.accountId },
    roleId: user.accountId === space.authorId ? "1" : "2",
  }));
}

/** What the caller may do with the space (PermittedOperationsResponse). */
export function spaceOperations() {
  return GRANTED.map(([operation, targetType]) => ({ operation, targetType }));
}

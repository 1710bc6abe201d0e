// Factories for records with Confluence's defaults, shared by the seed, the generator and routes.
import type {
  AttachmentRecord,
  ContentKind,
  PageRecord,
  PageStatus,
  SpaceRoleRecord,
  VersionRecord,
} from "./model.js";

export interface NewPage {
  num: number;
  spaceId: string;
  parentId: string | undefined;
  title: string;
  body: string | undefined;
  status: PageStatus;
  authorId: string;
  createdAt: string;
  position?: number;
  versionNumber?: number;
  /** Default "page". */
  kind?: ContentKind;
}

export function makeVersion(
  number: number,
  authorId: string,
  createdAt: string,
  message = "",
): VersionRecord {
  return { number, message, minorEdit: false, authorId, createdAt };
}

/** Shared by every record without entries (read-only fields, replaced on change). */
const NONE: readonly never[] = Object.freeze([]);

export function makePage(input: NewPage): PageRecord {
  return {
    id: String(input.num),
    num: input.num,
    kind: input.kind ?? "page",
    spaceId: input.spaceId,
    parentId: input.parentId,
    status: input.status,
    authorId: input.authorId,
    ownerId: input.authorId,
    createdAt: input.createdAt,
    position: input.position ?? 0,
    subtype: undefined,
    current: {
      title: input.title,
      body: input.body,
      version: makeVersion(input.versionNumber ?? 1, input.authorId, input.createdAt),
    },
    history: NONE,
    draft: undefined,
    labels: [],
    likedBy: NONE,
    favoritedBy: NONE,
  };
}

export interface NewAttachment {
  num: number;
  title: string;
  mediaType: string;
  pageId?: string;
  blogPostId?: string;
  customContentId?: string;
  data: Buffer;
  authorId: string;
  createdAt: string;
  comment?: string;
  status?: AttachmentRecord["status"];
}

export function makeAttachment(input: NewAttachment): AttachmentRecord {
  return {
    id: `att${input.num}`,
    num: input.num,
    status: input.status ?? "current",
    title: input.title,
    createdAt: input.createdAt,
    pageId: input.pageId,
    ...(input.blogPostId === undefined ? {} : { blogPostId: input.blogPostId }),
    customContentId: input.customContentId,
    mediaType: input.mediaType,
    fileSize: input.data.length,
    // Confluence file ids are media-platform UUIDs; derive a stable one from the number.
    fileId: `00000000-0000-4000-8000-${String(input.num).padStart(12, "0")}`,
    comment: input.comment ?? "",
    version: makeVersion(1, input.authorId, input.createdAt),
    data: input.data,
    labels: [],
  };
}

// --- emu1: the space permissions the emulator grants and its default space roles ---

/** SpacePermission ids (`operation/targetType`), as SpacePermissionAssignment operations. */
export const GRANTED_PERMISSIONS: readonly (readonly [string, string])[] = [
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

const permissionId = ([key, target]: readonly [string, string]) => `${key}/${target}`;

/** Confluence's default system roles (Admin, Collaborator, Viewer); the ids are ours. */
export function defaultSpaceRoles(): SpaceRoleRecord[] {
  return [
    {
      id: "1",
      type: "SYSTEM",
      name: "Admin",
      description: "Manage the space and its content",
      spacePermissions: GRANTED_PERMISSIONS.map(permissionId),
    },
    {
      id: "2",
      type: "SYSTEM",
      name: "Collaborator",
      description: "Create and edit content",
      spacePermissions: GRANTED_PERMISSIONS.filter(([key]) => key !== "administer").map(
        permissionId,
      ),
    },
    {
      id: "3",
      type: "SYSTEM",
      name: "Viewer",
      description: "View content",
      spacePermissions: ["read/space"],
    },
  ];
}

// In-memory records of the emulated site. They hold what Confluence stores, not wire shapes:
// serialize.ts turns them into the v2/v1 response bodies.
import type { JsonValue, Label, SpaceType } from "../types/confluence.js";
import type { ExtraPropertyOwnerKind } from "./model-content.js";

export interface UserRecord {
  email: string;
  apiToken: string;
  accountId: string;
  displayName: string;
}

export interface VersionRecord {
  number: number;
  message: string;
  minorEdit: boolean;
  authorId: string;
  createdAt: string;
}

/** Page body as stored: Confluence's canonical representation is `storage` (XHTML). */
export interface Revision {
  title: string;
  /** Storage-format body; undefined for generated pages until read (built on demand). */
  body: string | undefined;
  version: VersionRecord;
}

export type PageStatus = "current" | "draft" | "archived" | "trashed";

/**
 * Pages and blog posts share one record: Confluence versions, drafts, trashes, labels, likes and
 * property-stores both the same way (the v2 blogpost endpoints mirror the page ones). Blog posts
 * have no parent, position or subtype.
 */
export type ContentKind = "page" | "blogpost";

export interface PageRecord {
  id: string;
  num: number;
  kind: ContentKind;
  spaceId: string;
  parentId: string | undefined;
  status: PageStatus;
  authorId: string;
  ownerId: string;
  createdAt: string;
  position: number;
  subtype: string | undefined;
  current: Revision;
  /**
   * Earlier published revisions, oldest first. Read-only and replaced on change, so that the
   * many pages without history share one empty array (a million generated pages fit in memory).
   */
  history: readonly Revision[];
  /** Unpublished edits of a published page (get-draft=true). */
  draft: Revision | undefined;
  labels: Label[];
  likedBy: readonly string[];
  favoritedBy: readonly string[];
  // --- perms: a view restriction (account ids; undefined = no restriction), domain/visibility.ts
  readRestrictedTo?: string[];
  /** An edit restriction (account ids; undefined = none); not inherited, domain/restrictions.ts. */
  updateRestrictedTo?: string[];
}

export interface SpaceRecord {
  id: string;
  num: number;
  key: string;
  name: string;
  type: SpaceType;
  status: "current" | "archived";
  authorId: string;
  createdAt: string;
  homepageId: string;
  description: string;
  // --- emu1: space labels (getSpaceLabels) ---
  labels: Label[];
  // --- perms: space permissions (account ids; undefined = every user), domain/visibility.ts
  /** Who holds the space's View permission. */
  viewers?: string[];
  /** Who may add, change and delete content in the space (of its viewers). */
  editors?: string[];
}

export interface AttachmentRecord {
  id: string;
  num: number;
  status: "current" | "archived" | "trashed";
  title: string;
  createdAt: string;
  pageId: string | undefined;
  /** Set instead of `pageId` for a blog post's attachment (v1 uploads to a blog post). */
  blogPostId?: string;
  customContentId: string | undefined;
  mediaType: string;
  fileSize: number;
  fileId: string;
  comment: string;
  version: VersionRecord;
  data: Buffer | undefined;
  // --- emu1: attachment labels (getAttachmentLabels, v1 content labels) ---
  labels: Label[];
  /**
   * Earlier versions, oldest first (each upload under the same file name adds one: "a new
   * version of the attachment is created"); absent until the first new version.
   */
  history?: readonly AttachmentRevision[];
}

/** One version of an attachment's file as it was: what getAttachmentVersions lists. */
export interface AttachmentRevision {
  version: VersionRecord;
  mediaType: string;
  fileSize: number;
  comment: string;
  data: Buffer | undefined;
}

export interface CustomContentRecord {
  id: string;
  num: number;
  type: string;
  status: "current" | "draft" | "archived" | "trashed";
  title: string;
  spaceId: string;
  pageId: string | undefined;
  authorId: string;
  createdAt: string;
  body: string;
  version: VersionRecord;
}

export type PropertyOwnerKind =
  | "page"
  | "blogpost"
  | "attachment"
  | "customContent"
  | "space"
  | ExtraPropertyOwnerKind;

export interface PropertyRecord {
  id: string;
  num: number;
  ownerKey: string;
  key: string;
  value: JsonValue;
  version: VersionRecord;
  /** emu1: when the property was created (SpaceProperty.createdAt); else version 1's date. */
  createdAt?: string;
}

// --- emu1: v1 long-running tasks (space deletion) ---
export interface LongTaskRecord {
  id: string;
  name: string;
  /** Epoch ms the task started; it reports done once `finishesAt` has passed. */
  startedAt: number;
  finishesAt: number;
  messages: string[];
  /** Status reads still answered IN_PROGRESS (a deletion is not done when DELETE returns). */
  pendingReads?: number;
}

// --- emu1: space roles and their assignments ---
export interface SpaceRoleRecord {
  id: string;
  type: "SYSTEM" | "CUSTOM";
  name: string;
  description: string;
  /** SpacePermission ids (`operation/targetType`). */
  spacePermissions: string[];
}

export interface RoleAssignmentRecord {
  principalType: "USER" | "GROUP" | "ACCESS_CLASS";
  principalId: string;
  roleId: string;
}

/** The id of the page, blog post or custom content an attachment belongs to. */
export function attachmentContainer(a: AttachmentRecord): string {
  return a.pageId ?? a.blogPostId ?? a.customContentId ?? "";
}

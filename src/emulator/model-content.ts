// Records of the content kinds beyond pages, attachments and custom content: footer and inline
// comments, the tree content types (folders, whiteboards, databases, smart links), tasks and the
// site-wide settings of the v2 API (app properties, admin key, classification levels). Kept apart
// from model.ts, which holds the page model.
import type { JsonValue } from "../types/confluence.js";
import type { VersionRecord } from "./model.js";

/** What a comment hangs on; `blogpost` is resolved through the container registry. */
export type CommentContainerType = "page" | "blogpost" | "attachment" | "customContent";

export type CommentKind = "footer" | "inline";

/** InlineCommentResolutionStatus (confluence-v2.json). */
export type ResolutionStatus = "open" | "reopened" | "resolved" | "dangling";

export interface CommentRevision {
  /** Storage-format body. */
  body: string;
  version: VersionRecord;
}

export interface CommentRecord {
  id: string;
  num: number;
  kind: CommentKind;
  status: "current" | "trashed";
  containerType: CommentContainerType;
  containerId: string;
  parentCommentId: string | undefined;
  authorId: string;
  createdAt: string;
  current: CommentRevision;
  /** Earlier revisions, oldest first. */
  history: CommentRevision[];
  likedBy: string[];
  /** Inline comments only. */
  resolutionStatus: ResolutionStatus | undefined;
  resolutionLastModifierId: string | undefined;
  resolutionLastModifiedAt: string | undefined;
  inlineMarkerRef: string | undefined;
  inlineOriginalSelection: string | undefined;
}

/** The content types of the v2 content tree that are not pages. */
export type TreeContentType = "folder" | "whiteboard" | "database" | "embed";

export interface TreeContentRecord {
  id: string;
  num: number;
  type: TreeContentType;
  status: "current" | "trashed";
  title: string;
  spaceId: string;
  /** A page or another tree content item; undefined at the root of the space. */
  parentId: string | undefined;
  parentType: string | undefined;
  authorId: string;
  ownerId: string;
  createdAt: string;
  version: VersionRecord;
  /** Smart links only: the embedded URL. */
  embedUrl: string | undefined;
}

/** TaskStatus: "complete" | "incomplete". */
export interface TaskRecord {
  id: string;
  num: number;
  localId: string;
  spaceId: string;
  pageId: string | undefined;
  blogPostId: string | undefined;
  status: "complete" | "incomplete";
  body: string;
  createdBy: string;
  assignedTo: string | undefined;
  completedBy: string | undefined;
  createdAt: string;
  updatedAt: string;
  dueAt: string | undefined;
  completedAt: string | undefined;
}

export interface AppPropertyRecord {
  key: string;
  value: JsonValue;
}

/** The property owners this module adds (ownerKey prefixes). */
export type ExtraPropertyOwnerKind = "comment" | TreeContentType;

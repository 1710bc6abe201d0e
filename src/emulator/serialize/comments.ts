// Comment records → v2 wire shapes (confluence-v2.json: FooterCommentModel, InlineCommentModel
// and the per-container list models PageCommentModel, PageInlineCommentModel,
// AttachmentCommentModel, CustomContentCommentModel, BlogPostCommentModel, ChildrenCommentModel,
// CommentVersion, DetailedVersion).
import type { BodyType, Version } from "../../types/confluence.js";
import { renderBody } from "../body-format.js";
import type { CommentContainerType, CommentRecord, CommentRevision } from "../model-content.js";
import { version } from "./v2.js";

export interface CommentWire {
  id: string;
  status: string;
  title: string;
  pageId?: string;
  blogPostId?: string;
  attachmentId?: string;
  customContentId?: string;
  parentCommentId?: string;
  version?: Version;
  body: Record<string, BodyType>;
  resolutionStatus?: string;
  resolutionLastModifierId?: string;
  resolutionLastModifiedAt?: string;
  properties?: Record<string, unknown>;
  operations?: unknown;
  likes?: unknown;
  versions?: unknown;
  _links: { webui: string; base?: string };
}

/** The id field naming the container in every comment model. */
export const CONTAINER_FIELD: Record<CommentContainerType, keyof CommentWire> = {
  page: "pageId",
  blogpost: "blogPostId",
  attachment: "attachmentId",
  customContent: "customContentId",
};

/**
 * Confluence titles a comment "Re: <container title>"; its web link is the container's page
 * focused on the comment (`?focusedCommentId=`), as in the comment's `_links.webui`.
 */
export function comment(
  record: CommentRecord,
  containerTitle: string,
  bodyFormat: string | undefined,
  revision: CommentRevision = record.current,
): CommentWire {
  const result: CommentWire = {
    id: record.id,
    status: revision === record.current ? record.status : "historical",
    title: `Re: ${containerTitle}`,
    [CONTAINER_FIELD[record.containerType]]: record.containerId,
    version: version(revision.version),
    body: renderBody(revision.body, bodyFormat),
    _links: {
      webui: `/pages/viewpage.action?pageId=${record.containerId}&focusedCommentId=${record.id}#comment-${record.id}`,
    },
  };
  if (record.parentCommentId !== undefined) result.parentCommentId = record.parentCommentId;
  if (record.kind === "inline") {
    result.resolutionStatus = record.resolutionStatus;
    if (record.resolutionLastModifierId !== undefined) {
      result.resolutionLastModifierId = record.resolutionLastModifierId;
      result.resolutionLastModifiedAt = record.resolutionLastModifiedAt;
    }
    result.properties = {
      inlineMarkerRef: record.inlineMarkerRef,
      inlineOriginalSelection: record.inlineOriginalSelection,
    };
  }
  return result;
}

/** The models of container listings and children carry no parent link fields beyond theirs. */
export function listedComment(
  record: CommentRecord,
  containerTitle: string,
  bodyFormat: string | undefined,
): CommentWire {
  const result = comment(record, containerTitle, bodyFormat);
  delete result.resolutionLastModifierId;
  delete result.resolutionLastModifiedAt;
  return result;
}

/** CommentVersion: a Version plus the versioned comment's id. */
export function commentVersion(record: CommentRecord, revision: CommentRevision) {
  return { ...version(revision.version), comment: { id: record.id } };
}

/** DetailedVersion, with the neighbouring version numbers Confluence links. */
export function detailedVersion(record: CommentRecord, revision: CommentRevision) {
  const number = revision.version.number;
  const newest = record.current.version.number;
  const oldest = record.history[0]?.version.number ?? newest;
  return {
    ...version(revision.version),
    contentTypeModified: false,
    collaborators: [revision.version.authorId],
    ...(number > oldest ? { prevVersion: number - 1 } : {}),
    ...(number < newest ? { nextVersion: number + 1 } : {}),
  };
}

// The rules of footer and inline comments, apart from HTTP (Atlassian's v2 comment API,
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-comment/):
// - a comment hangs on exactly one container (page, blog post; footer comments also on
//   attachments and custom content) or replies to a parent comment, whose container it shares;
// - a top-level inline comment anchors on a text selection of the page (inlineCommentProperties
//   textSelection, textSelectionMatchCount, textSelectionMatchIndex) and starts `open`;
// - updates carry version.number = current + 1 (else 409, as for pages);
// - `resolved: true` resolves an inline comment, `false` reopens a resolved one; "If matching the
//   existing state ... no change will occur. A dangling comment cannot be updated."
//   (UpdateInlineCommentModel.resolved);
// - delete is permanent ("This is a permanent deletion and cannot be reverted") and takes the
//   replies with it.
import { randomUUID } from "node:crypto";
import type { PageBodyWrite } from "../../types/confluence.js";
import { toStorage } from "../body-format.js";
import type { ContainerInfo, ContentStore } from "../content-store.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { CommentContainerType, CommentKind, CommentRecord } from "../model-content.js";

export interface CommentCreate {
  kind: CommentKind;
  container: { type: CommentContainerType; id: string } | undefined;
  parentCommentId: string | undefined;
  body: PageBodyWrite | undefined;
  textSelection: string | undefined;
  authorId: string;
  now: string;
}

export interface CommentUpdate {
  versionNumber: unknown;
  message: string;
  body: PageBodyWrite | undefined;
  resolved: boolean | undefined;
  authorId: string;
  now: string;
}

function liveContainer(
  content: ContentStore,
  type: CommentContainerType,
  id: string,
): ContainerInfo {
  const info = content.container(type, id);
  if (!info?.current) throw notFound();
  return info;
}

export function createComment(content: ContentStore, input: CommentCreate): CommentRecord {
  if (!input.body) throw badRequest("A comment body is required");
  let containerType: CommentContainerType;
  let containerId: string;
  if (input.parentCommentId !== undefined) {
    if (input.container !== undefined) {
      throw badRequest("Provide either a container id or parentCommentId, not both");
    }
    const parent = content.comments.get(input.parentCommentId);
    if (!parent || parent.kind !== input.kind) throw notFound();
    containerType = parent.containerType;
    containerId = parent.containerId;
  } else {
    if (input.container === undefined) {
      throw badRequest(
        input.kind === "footer"
          ? "One of pageId, blogPostId, attachmentId, customContentId or parentCommentId is required"
          : "One of pageId, blogPostId or parentCommentId is required",
      );
    }
    containerType = input.container.type;
    containerId = input.container.id;
  }
  liveContainer(content, containerType, containerId);
  const topLevelInline = input.kind === "inline" && input.parentCommentId === undefined;
  if (topLevelInline && !input.textSelection) {
    throw badRequest("inlineCommentProperties.textSelection is required for an inline comment");
  }
  const num = content.hooks.allocateId();
  const record: CommentRecord = {
    id: String(num),
    num,
    kind: input.kind,
    status: "current",
    containerType,
    containerId,
    parentCommentId: input.parentCommentId,
    authorId: input.authorId,
    createdAt: input.now,
    current: {
      body: toStorage(input.body),
      version: {
        number: 1,
        message: "",
        minorEdit: false,
        authorId: input.authorId,
        createdAt: input.now,
      },
    },
    history: [],
    likedBy: [],
    resolutionStatus: input.kind === "inline" ? "open" : undefined,
    resolutionLastModifierId: undefined,
    resolutionLastModifiedAt: undefined,
    inlineMarkerRef: topLevelInline ? randomUUID() : undefined,
    inlineOriginalSelection: topLevelInline ? input.textSelection : undefined,
  };
  content.addComment(record);
  return record;
}

export function updateComment(
  content: ContentStore,
  record: CommentRecord,
  input: CommentUpdate,
): void {
  const number = input.versionNumber;
  if (typeof number !== "number" || !Number.isInteger(number)) {
    throw badRequest("version.number must be an integer");
  }
  if (number !== record.current.version.number + 1) {
    throw new ApiError(
      409,
      `Version must be incremented on update. Current version is: ${record.current.version.number}`,
      "CONFLICT",
    );
  }
  if (record.kind === "footer" && !input.body) throw badRequest("A comment body is required");
  if (!input.body && input.resolved === undefined) {
    throw badRequest("Provide a body or a resolved state");
  }
  if (input.resolved !== undefined && record.resolutionStatus === "dangling") {
    throw badRequest("A dangling comment cannot be updated");
  }
  record.history.push(record.current);
  record.current = {
    body: input.body ? toStorage(input.body) : record.current.body,
    version: {
      number,
      message: input.message,
      minorEdit: false,
      authorId: input.authorId,
      createdAt: input.now,
    },
  };
  const resolved = record.resolutionStatus === "resolved";
  if (input.resolved === true && !resolved) setResolution(record, "resolved", input);
  if (input.resolved === false && resolved) setResolution(record, "reopened", input);
  content.touch();
}

function setResolution(
  record: CommentRecord,
  status: "resolved" | "reopened",
  input: CommentUpdate,
): void {
  record.resolutionStatus = status;
  record.resolutionLastModifierId = input.authorId;
  record.resolutionLastModifiedAt = input.now;
}

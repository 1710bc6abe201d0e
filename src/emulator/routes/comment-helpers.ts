// Shared parsing and listing of comments for the comment routes (comments.ts) and the
// per-container listings (comment-listings.ts).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SiteContext } from "../context.js";
import { notFound } from "../errors.js";
import { query } from "../http.js";
import { sendView } from "../list.js";
import type { CommentKind, CommentRecord } from "../model-content.js";
import { enumList, enumValue, limit as limitParam, pathId } from "../params.js";
import * as serialize from "../serialize/comments.js";
import type { SortSpec } from "../sorting.js";

/** PrimaryBodyRepresentation (lists) and PrimaryBodyRepresentationSingle (single reads). */
export const BULK_FORMATS = ["storage", "atlas_doc_format"] as const;
export const SINGLE_FORMATS = [
  "storage",
  "atlas_doc_format",
  "view",
  "export_view",
  "anonymous_export_view",
  "styled_view",
  "editor",
] as const;

function commentSorts(): Record<string, SortSpec<CommentRecord>> {
  const keys: Record<string, (c: CommentRecord) => string | number> = {
    id: (c) => c.num,
    "created-date": (c) => c.createdAt,
    "modified-date": (c) => c.current.version.createdAt,
  };
  const out: Record<string, SortSpec<CommentRecord>> = {};
  for (const [name, key] of Object.entries(keys)) {
    out[name] = { name, key, descending: false };
    out[`-${name}`] = { name: `-${name}`, key, descending: true };
  }
  return out;
}

const COMMENT_SORTS = commentSorts();
/** CommentSortOrder. */
const COMMENT_SORT_NAMES = ["created-date", "-created-date", "modified-date", "-modified-date"];
/** The `status` enum of the container listings. */
const STATUSES = ["current", "archived", "trashed", "deleted", "historical", "draft"] as const;
/** InlineCommentResolutionStatus. */
const RESOLUTIONS = ["resolved", "open", "dangling", "reopened"] as const;

/** The comment of a path, of the route's kind, or 404. */
export function commentOf(ctx: SiteContext, request: FastifyRequest, kind: CommentKind) {
  const raw = (request.params as Record<string, string>).id!;
  const record = ctx.store.content.comments.get(pathId(raw, "comment-id"));
  if (!record || record.kind !== kind) throw notFound();
  return record;
}

export function containerTitle(ctx: SiteContext, record: CommentRecord): string {
  return ctx.store.content.container(record.containerType, record.containerId)?.title ?? "";
}

export interface CommentListing {
  view: string;
  where: Record<string, unknown>;
  candidates: () => Iterable<CommentRecord>;
  kind: CommentKind;
  /** Container listings filter by `status` (and inline ones by `resolution-status`). */
  statusFilter: boolean;
}

export function listComments(
  ctx: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  listing: CommentListing,
) {
  const q = query(request);
  const sortName = enumValue(q, "sort", COMMENT_SORT_NAMES) ?? "id";
  const bodyFormat = enumValue(q, "body-format", BULK_FORMATS);
  const statuses: string[] = listing.statusFilter
    ? (enumList(q, "status", STATUSES) ?? ["current"])
    : ["current"];
  const resolutions: string[] | undefined =
    listing.statusFilter && listing.kind === "inline"
      ? enumList(q, "resolution-status", RESOLUTIONS)
      : undefined;
  const limit = limitParam(q);
  return sendView(ctx, request, reply, {
    view: listing.view,
    filters: { ...listing.where, kind: listing.kind, statuses, resolutions },
    candidates: listing.candidates,
    keep: (c, f) =>
      c.kind === f.kind &&
      f.statuses.includes(c.status) &&
      (f.resolutions === undefined || f.resolutions.includes(c.resolutionStatus ?? "")),
    sort: COMMENT_SORTS[sortName]!,
    limit,
    serialize: (c) => serialize.listedComment(c, containerTitle(ctx, c), bodyFormat),
  });
}

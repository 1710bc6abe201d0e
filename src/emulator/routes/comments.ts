// Footer and inline comments: list, create, get, update (inline: resolve / reopen with
// `resolved`), delete, children (replies), likes, operations and versions
// (getFooterComments ... getInlineCommentVersionDetails in confluence-v2.json). The rules live in
// domain/comments.ts; Confluence's behaviour is cited there.
import type { FastifyRequest } from "fastify";
import { parseWriteBody } from "../body-format.js";
import type { SiteContext } from "../context.js";
import { createComment, updateComment } from "../domain/comments.js";
import { badRequest, notFound } from "../errors.js";
import { baseUrl, jsonObject, params, query, sendList } from "../http.js";
import { sendView } from "../list.js";
import type { CommentContainerType, CommentKind, CommentRecord } from "../model-content.js";
import { DELETE_COMMENT, READ_COMMENT, WRITE_COMMENT } from "../oauth/scopes-content.js";
import {
  attachmentId,
  bool,
  enumValue,
  integer,
  limit as limitParam,
  pathId,
  single,
} from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/comments.js";
import { optionalField, property, version } from "../serialize/v2.js";
import { ownerKey } from "../store.js";
import {
  BULK_FORMATS,
  commentOf,
  containerTitle,
  listComments,
  SINGLE_FORMATS,
} from "./comment-helpers.js";

/** Create-body fields naming the container (CreateFooterCommentModel / CreateInlineCommentModel). */
const CONTAINER_FIELDS: Record<CommentKind, [string, CommentContainerType][]> = {
  footer: [
    ["pageId", "page"],
    ["blogPostId", "blogpost"],
    ["attachmentId", "attachment"],
    ["customContentId", "customContent"],
  ],
  inline: [
    ["pageId", "page"],
    ["blogPostId", "blogpost"],
  ],
};

function idField(value: unknown, name: string, type: CommentContainerType): string {
  if (typeof value !== "string" && typeof value !== "number") {
    throw badRequest(`${name} must be a string`);
  }
  return type === "attachment" ? attachmentId(String(value), name) : pathId(String(value), name);
}

function parseContainer(kind: CommentKind, body: Record<string, unknown>) {
  const given = CONTAINER_FIELDS[kind].filter(([field]) => body[field] !== undefined);
  if (given.length > 1) throw badRequest("Provide only one container id");
  const [entry] = given;
  if (!entry) return undefined;
  const [field, type] = entry;
  return { type, id: idField(body[field], field, type) };
}

function textSelection(body: Record<string, unknown>): string | undefined {
  const props = body.inlineCommentProperties;
  if (props === undefined) return undefined;
  if (typeof props !== "object" || props === null) {
    throw badRequest("inlineCommentProperties must be an object");
  }
  const selection = (props as Record<string, unknown>).textSelection;
  return typeof selection === "string" && selection !== "" ? selection : undefined;
}

function renderSingle(ctx: SiteContext, request: FastifyRequest, record: CommentRecord) {
  const q = query(request);
  const bodyFormat = enumValue(q, "body-format", SINGLE_FORMATS);
  const wanted = integer(q, "version");
  let revision = record.current;
  if (wanted !== undefined && wanted !== record.current.version.number) {
    const old = record.history.find((r) => r.version.number === wanted);
    if (!old) throw notFound();
    revision = old;
  }
  const result = serialize.comment(record, containerTitle(ctx, record), bodyFormat, revision);
  const self = `/wiki/api/v2/${record.kind}-comments/${record.id}`;
  if (bool(q, "include-properties", false)) {
    const props = ctx.store.propertiesOf(ownerKey("comment", record.id)).map(property);
    result.properties = { ...result.properties, ...optionalField(props, `${self}/properties`) };
  }
  if (bool(q, "include-operations", false)) {
    result.operations = optionalField(operationsOf(record), `${self}/operations`);
  }
  if (bool(q, "include-likes", false)) {
    const likes = record.likedBy.map((accountId) => ({ accountId }));
    result.likes = optionalField(likes, `${self}/likes/users`);
  }
  if (bool(q, "include-versions", false)) {
    const versions = [...record.history, record.current].reverse().map((r) => version(r.version));
    result.versions = optionalField(versions, `${self}/versions`);
  }
  if (!bool(q, "include-version", true)) delete result.version;
  result._links = { ...result._links, base: baseUrl(request) };
  return result;
}

function operationsOf(record: CommentRecord) {
  return ["read", "update", "delete"].map((operation) => ({
    operation,
    targetType: `${record.kind}-comment`,
  }));
}

function kindRoutes(kind: CommentKind): Route[] {
  const base = `/wiki/api/v2/${kind}-comments`;
  return [
    {
      method: "GET",
      path: base,
      scopes: READ_COMMENT,
      handler: async (ctx, request, reply) =>
        listComments(ctx, request, reply, {
          view: `${kind}-comments`,
          where: {},
          candidates: () => ctx.store.content.comments.values(),
          kind,
          statusFilter: false,
        }),
    },
    {
      method: "POST",
      path: base,
      scopes: WRITE_COMMENT,
      handler: async (ctx, request, reply) => {
        const body = jsonObject(request);
        const parent = body.parentCommentId;
        const record = createComment(ctx.store.content, {
          kind,
          container: parseContainer(kind, body),
          parentCommentId:
            parent === undefined ? undefined : idField(parent, "parentCommentId", "page"),
          body: parseWriteBody(body.body),
          textSelection: kind === "inline" ? textSelection(body) : undefined,
          authorId: ctx.user(request).accountId,
          now: new Date().toISOString(),
        });
        reply.code(201);
        const result = serialize.comment(record, containerTitle(ctx, record), "storage");
        return { ...result, _links: { ...result._links, base: baseUrl(request) } };
      },
    },
    {
      method: "GET",
      path: `${base}/:id`,
      scopes: READ_COMMENT,
      handler: async (ctx, request) => renderSingle(ctx, request, commentOf(ctx, request, kind)),
    },
    {
      method: "PUT",
      path: `${base}/:id`,
      scopes: WRITE_COMMENT,
      handler: async (ctx, request) => {
        const record = commentOf(ctx, request, kind);
        const body = jsonObject(request);
        const versionBody = body.version as Record<string, unknown> | undefined;
        const resolved = body.resolved;
        if (resolved !== undefined && typeof resolved !== "boolean") {
          throw badRequest("resolved must be a boolean");
        }
        updateComment(ctx.store.content, record, {
          versionNumber: versionBody?.number,
          message: typeof versionBody?.message === "string" ? versionBody.message : "",
          body: parseWriteBody(body.body),
          resolved: kind === "inline" ? resolved : undefined,
          authorId: ctx.user(request).accountId,
          now: new Date().toISOString(),
        });
        const result = serialize.comment(record, containerTitle(ctx, record), "storage");
        return { ...result, _links: { ...result._links, base: baseUrl(request) } };
      },
    },
    {
      method: "DELETE",
      path: `${base}/:id`,
      scopes: DELETE_COMMENT,
      handler: async (ctx, request, reply) => {
        ctx.store.content.removeComment(commentOf(ctx, request, kind));
        return reply.code(204).send();
      },
    },
    {
      method: "GET",
      path: `${base}/:id/children`,
      scopes: READ_COMMENT,
      handler: async (ctx, request, reply) => {
        const record = commentOf(ctx, request, kind);
        return listComments(ctx, request, reply, {
          view: "comment-children",
          where: { parent: record.id },
          candidates: () => ctx.store.content.repliesOf(record.id),
          kind,
          statusFilter: false,
        });
      },
    },
    {
      method: "GET",
      path: `${base}/:id/likes/count`,
      scopes: READ_COMMENT,
      handler: async (ctx, request) => ({ count: commentOf(ctx, request, kind).likedBy.length }),
    },
    {
      method: "GET",
      path: `${base}/:id/likes/users`,
      scopes: READ_COMMENT,
      handler: async (ctx, request, reply) => {
        const record = commentOf(ctx, request, kind);
        const q = query(request);
        const limit = limitParam(q);
        // Likes in the order given; the cursor is the offset (a like has no id of its own).
        const start = Number(single(q, "cursor") ?? "0");
        if (!Number.isInteger(start) || start < 0) throw badRequest("Invalid cursor");
        const slice = record.likedBy.slice(start, start + limit);
        const next = start + limit < record.likedBy.length ? String(start + limit) : undefined;
        return sendList(
          request,
          reply,
          slice.map((accountId) => ({ accountId })),
          next,
          limit,
        );
      },
    },
    {
      method: "GET",
      path: `${base}/:id/operations`,
      scopes: READ_COMMENT,
      handler: async (ctx, request) => ({
        operations: operationsOf(commentOf(ctx, request, kind)),
      }),
    },
    {
      method: "GET",
      path: `${base}/:id/versions`,
      scopes: READ_COMMENT,
      handler: async (ctx, request, reply) => {
        const record = commentOf(ctx, request, kind);
        const q = query(request);
        const sortName =
          enumValue(q, "sort", ["modified-date", "-modified-date"]) ?? "-modified-date";
        enumValue(q, "body-format", BULK_FORMATS);
        const limit = limitParam(q);
        const revisions = [...record.history, record.current].map((revision) => ({
          num: revision.version.number,
          revision,
        }));
        return sendView(ctx, request, reply, {
          view: "comment-versions",
          filters: { id: record.id },
          candidates: () => revisions,
          sort: { name: sortName, key: (r) => r.num, descending: sortName.startsWith("-") },
          limit,
          serialize: (r) => serialize.commentVersion(record, r.revision),
        });
      },
    },
    {
      method: "GET",
      path: `${base}/:id/versions/:versionNumber`,
      scopes: READ_COMMENT,
      handler: async (ctx, request) => {
        const record = commentOf(ctx, request, kind);
        const raw = params(request).versionNumber!;
        if (!/^[0-9]{1,9}$/.test(raw)) throw badRequest("version-number must be an integer");
        const number = Number(raw);
        const revision = [...record.history, record.current].find(
          (r) => r.version.number === number,
        );
        if (!revision) throw notFound();
        return serialize.detailedVersion(record, revision);
      },
    },
  ];
}

export const COMMENTS_ROUTES: readonly Route[] = [...kindRoutes("footer"), ...kindRoutes("inline")];

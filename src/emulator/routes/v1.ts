// The few v1 endpoints useful through Raw Request (confluence-v1.json): getSpaces,
// getContentById, createAttachment (multipart, needs `X-Atlassian-Token: no-check`),
// getCurrentUser. v1 ids are numbers for spaces and strings for content.
import type { FastifyRequest } from "fastify";
import type { V1Content, V1Space, V1SpaceArray, V1User } from "../../types/confluence.js";
import { ApiError, badParameter, notFound } from "../errors.js";
import { baseUrl, params, query } from "../http.js";
import type { AttachmentRecord, PageRecord, SpaceRecord, VersionRecord } from "../model.js";
import { readUpload } from "../multipart.js";
import {
  V1_CREATE_ATTACHMENT,
  V1_CURRENT_USER,
  V1_READ_CONTENT,
  V1_READ_SPACE,
} from "../oauth/scopes.js";
import { integer, list, single } from "../params.js";
import { makeAttachment } from "../records.js";
import type { Route } from "../route.js";

export function links(request: FastifyRequest, self: string, extra: Record<string, string> = {}) {
  return { ...extra, self: `${baseUrl(request)}${self}`, base: baseUrl(request), context: "/wiki" };
}

function v1Space(request: FastifyRequest, space: SpaceRecord): V1Space {
  return {
    id: space.num,
    key: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    _expandable: { homepage: `/rest/api/content/${space.homepageId}`, description: "" },
    _links: {
      webui: `/spaces/${space.key}`,
      self: `${baseUrl(request)}/rest/api/space/${space.key}`,
    },
  };
}

function v1Version(version: VersionRecord) {
  return {
    when: version.createdAt,
    number: version.number,
    minorEdit: version.minorEdit,
    message: version.message,
    by: { type: "known", accountId: version.authorId },
  };
}

export function v1Page(request: FastifyRequest, page: PageRecord, spaceKey: string): V1Content {
  return {
    id: page.id,
    type: "page",
    status: page.status,
    title: page.current.title,
    version: v1Version(page.current.version),
    _expandable: { space: `/rest/api/space/${spaceKey}`, body: "", ancestors: "", children: "" },
    _links: links(request, `/rest/api/content/${page.id}`, {
      webui: `/spaces/${spaceKey}/pages/${page.id}`,
      edit: `/pages/resumedraft.action?draftId=${page.id}`,
      tinyui: `/x/${Buffer.from(page.id).toString("base64url")}`,
    }),
  };
}

export function v1Attachment(request: FastifyRequest, a: AttachmentRecord): V1Content {
  return {
    id: a.id,
    type: "attachment",
    status: a.status,
    title: a.title,
    version: v1Version(a.version),
    extensions: {
      mediaType: a.mediaType,
      fileSize: a.fileSize,
      comment: a.comment,
      fileId: a.fileId,
    },
    _links: links(request, `/rest/api/content/${a.id}`, {
      webui: `/pages/viewpageattachments.action?pageId=${a.pageId ?? ""}`,
      download: `/download/attachments/${a.pageId ?? ""}/${encodeURIComponent(a.title)}?version=1&api=v2`,
    }),
  };
}

export const V1_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/rest/api/space",
    scopes: V1_READ_SPACE,
    handler: async (ctx, request): Promise<V1SpaceArray> => {
      const q = query(request);
      const start = integer(q, "start") ?? 0;
      const limit = integer(q, "limit") ?? 25;
      if (start < 0) throw badParameter("start", String(start), "non-negative int");
      if (limit < 1) throw badParameter("limit", String(limit), "positive int");
      const keys = list(q, "spaceKey");
      const type = single(q, "type");
      const status = single(q, "status");
      const matches = [...ctx.store.spaces.values()].filter(
        (s) =>
          (!keys || keys.includes(s.key)) &&
          (!type || s.type === type) &&
          (!status || s.status === status),
      );
      const page = matches.slice(start, start + Math.min(limit, 250));
      return {
        results: page.map((s) => v1Space(request, s)),
        start,
        limit,
        size: page.length,
        _links: links(request, "/rest/api/space"),
      };
    },
  },

  {
    method: "GET",
    path: "/wiki/rest/api/content/:id",
    scopes: V1_READ_CONTENT,
    handler: async (ctx, request) => {
      const id = params(request).id!;
      if (!/^(att)?[0-9]{1,18}$/.test(id)) throw new ApiError(400, "The content id is invalid");
      const page = ctx.store.pages.get(id);
      if (page) return v1Page(request, page, ctx.store.spaces.get(page.spaceId)?.key ?? "");
      const attachment = ctx.store.attachments.get(id.startsWith("att") ? id : `att${id}`);
      if (attachment) return v1Attachment(request, attachment);
      throw notFound();
    },
  },

  {
    method: "POST",
    path: "/wiki/rest/api/content/:id/child/attachment",
    scopes: V1_CREATE_ATTACHMENT,
    handler: async (ctx, request) => {
      // Atlassian's XSRF protection: multipart uploads need this header ("XSRF check failed").
      if (String(request.headers["x-atlassian-token"] ?? "").toLowerCase() !== "no-check") {
        throw new ApiError(403, "XSRF check failed");
      }
      const page = ctx.store.pages.get(params(request).id!);
      if (!page) throw notFound();
      const { files, comment } = await readUpload(request);
      const existing = ctx.store.attachmentsByContainer.get(page.id) ?? [];
      const user = ctx.user(request);
      const created = files.map((file) => {
        // createAttachment: "400 Returned if the content already has an attachment with the same filename."
        if (existing.some((a) => a.title === file.filename && a.status !== "trashed")) {
          throw new ApiError(
            400,
            `Cannot add a new attachment with same file name as an existing attachment: ${file.filename}`,
          );
        }
        const record = makeAttachment({
          num: ctx.store.allocateId(),
          title: file.filename,
          mediaType: file.mediaType,
          pageId: page.id,
          data: file.data,
          authorId: user.accountId,
          createdAt: new Date().toISOString(),
          comment,
        });
        ctx.store.addAttachment(record);
        return v1Attachment(request, record);
      });
      return {
        results: created,
        size: created.length,
        _links: links(request, `/rest/api/content/${page.id}/child/attachment`),
      };
    },
  },

  {
    method: "GET",
    path: "/wiki/rest/api/user/current",
    scopes: V1_CURRENT_USER,
    handler: async (ctx, request): Promise<V1User> => {
      const user = ctx.user(request);
      return {
        type: "known",
        accountId: user.accountId,
        accountType: "atlassian",
        email: user.email,
        publicName: user.displayName,
        displayName: user.displayName,
        profilePicture: {
          path: "/wiki/aa-avatar/default.png",
          width: 48,
          height: 48,
          isDefault: true,
        },
        _links: links(request, `/rest/api/user?accountId=${user.accountId}`),
      };
    },
  },
];

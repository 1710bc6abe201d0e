// Records → v1 wire shapes (confluence-v1.json: Space, Content, User) for the v1 routes and CQL
// search. Links are absolute (`_links.self`) and carry `base` and `context`, as v1 does.
import type { FastifyRequest } from "fastify";
import type { V1Content, V1Space, V1User } from "../../types/confluence.js";
import { baseUrl } from "../http.js";
import type {
  AttachmentRecord,
  PageRecord,
  SpaceRecord,
  UserRecord,
  VersionRecord,
} from "../model.js";

export function links(request: FastifyRequest, self: string, extra: Record<string, string> = {}) {
  return { ...extra, self: `${baseUrl(request)}${self}`, base: baseUrl(request), context: "/wiki" };
}

export function v1Space(request: FastifyRequest, space: SpaceRecord): V1Space {
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

export function v1Version(version: VersionRecord) {
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

export function v1User(request: FastifyRequest, user: UserRecord): V1User {
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
}

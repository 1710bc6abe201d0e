// Records → v2 wire shapes (confluence-v2.json: PageBulk/PageSingle, SpaceBulk, AttachmentBulk,
// CustomContentBulk, ContentProperty, Version). Fields Confluence omits unless asked for
// (body representations, include-* wrappers) are added by the routes.
import type {
  Attachment,
  ContentProperty,
  CustomContent,
  OptionalField,
  PageBulk,
  Space,
  Version,
} from "../../types/confluence.js";
import { renderBody } from "../body-format.js";
import type {
  AttachmentRecord,
  CustomContentRecord,
  PageRecord,
  PropertyRecord,
  Revision,
  SpaceRecord,
  VersionRecord,
} from "../model.js";
import { attachmentContainer } from "../model.js";

export function version(record: VersionRecord): Version {
  return {
    createdAt: record.createdAt,
    message: record.message,
    number: record.number,
    minorEdit: record.minorEdit,
    authorId: record.authorId,
  };
}

function slug(title: string): string {
  return encodeURIComponent(title.replace(/\s+/g, "+")).replace(/%2B/g, "+");
}

/** Short link id, like Confluence's `/x/AbCd` tiny links (base64 of the id). */
function tinyId(num: number): string {
  return Buffer.from(String(num)).toString("base64url");
}

function revisionBody(revision: Revision): string {
  // Generated pages get their body on first read (startup speed); then it is kept.
  if (revision.body === undefined) revision.body = `<p>${revision.title}. Generated content.</p>`;
  return revision.body;
}

export function page(
  record: PageRecord,
  spaceKey: string,
  bodyFormat: string | undefined,
  revision: Revision = record.current,
  status: string = record.status,
): PageBulk {
  const result: PageBulk = {
    id: record.id,
    status: status as PageBulk["status"],
    title: revision.title,
    spaceId: record.spaceId,
    ...(record.parentId !== undefined
      ? { parentId: record.parentId, parentType: "page" as const }
      : {}),
    position: record.position,
    authorId: record.authorId,
    ownerId: record.ownerId,
    lastOwnerId: null,
    createdAt: record.createdAt,
    version: version(revision.version),
    body: renderBody(revisionBody(revision), bodyFormat),
    _links: {
      webui: `/spaces/${encodeURIComponent(spaceKey)}/pages/${record.id}/${slug(revision.title)}`,
      editui: `/pages/resumedraft.action?draftId=${record.id}`,
      tinyui: `/x/${tinyId(record.num)}`,
    },
  };
  if (record.subtype !== undefined) result.subtype = record.subtype;
  return result;
}

/**
 * BlogPostBulk/BlogPostSingle: a page without parent, position, owner or subtype; its web UI
 * lives under `/spaces/{key}/blog/{yyyy}/{mm}/{dd}/{id}/{title}`.
 */
export function blogPost(
  record: PageRecord,
  spaceKey: string,
  bodyFormat: string | undefined,
  revision: Revision = record.current,
  status: string = record.status,
): PageBulk {
  const result = page(record, spaceKey, bodyFormat, revision, status);
  delete result.parentId;
  delete result.parentType;
  delete result.position;
  delete result.ownerId;
  delete result.lastOwnerId;
  const day = record.createdAt.slice(0, 10).replace(/-/g, "/");
  result._links = {
    ...result._links,
    webui: `/spaces/${encodeURIComponent(spaceKey)}/blog/${day}/${record.id}/${slug(revision.title)}`,
  };
  return result;
}

/** A page or a blog post, by the record's kind. */
export function content(
  record: PageRecord,
  spaceKey: string,
  bodyFormat: string | undefined,
  revision: Revision = record.current,
  status: string = record.status,
): PageBulk {
  return (record.kind === "page" ? page : blogPost)(record, spaceKey, bodyFormat, revision, status);
}

export function space(record: SpaceRecord, descriptionFormat: string | undefined): Space {
  const result: Space = {
    id: record.id,
    key: record.key,
    name: record.name,
    type: record.type,
    status: record.status,
    authorId: record.authorId,
    createdAt: record.createdAt,
    homepageId: record.homepageId,
    currentActiveAlias: record.key,
    _links: { webui: `/spaces/${encodeURIComponent(record.key)}` },
  };
  if (descriptionFormat === "plain") {
    result.description = { plain: { representation: "plain", value: record.description } };
  } else if (descriptionFormat === "view") {
    result.description = {
      view: { representation: "view", value: `<p>${record.description}</p>` },
    };
  }
  return result;
}

export function attachment(record: AttachmentRecord): Attachment {
  const container = attachmentContainer(record);
  const download = `/download/attachments/${container}/${encodeURIComponent(record.title)}?version=${record.version.number}&modificationDate=${Date.parse(record.version.createdAt)}&api=v2`;
  const webui = `/pages/viewpageattachments.action?pageId=${container}&preview=${encodeURIComponent(`/${container}/${record.num}/${record.title}`)}`;
  return {
    id: record.id,
    status: record.status,
    title: record.title,
    createdAt: record.createdAt,
    ...(record.pageId !== undefined ? { pageId: record.pageId } : {}),
    ...(record.blogPostId !== undefined ? { blogPostId: record.blogPostId } : {}),
    ...(record.customContentId !== undefined ? { customContentId: record.customContentId } : {}),
    mediaType: record.mediaType,
    mediaTypeDescription: mediaTypeDescription(record.mediaType),
    comment: record.comment,
    fileId: record.fileId,
    fileSize: record.fileSize,
    webuiLink: webui,
    downloadLink: download,
    version: version(record.version),
    _links: { webui, download },
  };
}

function mediaTypeDescription(mediaType: string): string {
  if (mediaType === "application/pdf") return "PDF Document";
  if (mediaType.startsWith("image/")) return `${mediaType.slice(6).toUpperCase()} Image`;
  if (mediaType.startsWith("text/")) return "Text File";
  return "File";
}

export function customContent(
  record: CustomContentRecord,
  spaceKey: string,
  bodyFormat: string | undefined,
): CustomContent {
  return {
    id: record.id,
    type: record.type,
    status: record.status,
    title: record.title,
    spaceId: record.spaceId,
    ...(record.pageId !== undefined ? { pageId: record.pageId } : {}),
    authorId: record.authorId,
    createdAt: record.createdAt,
    version: version(record.version),
    body: renderBody(record.body, bodyFormat),
    _links: {
      webui: `/spaces/${encodeURIComponent(spaceKey)}/customcontent/${record.id}`,
    },
  };
}

export function property(record: PropertyRecord): ContentProperty {
  return { id: record.id, key: record.key, value: record.value, version: version(record.version) };
}

/** SpaceProperty: who created it and when, and a version without minorEdit. */
export function spaceProperty(record: PropertyRecord) {
  return {
    id: record.id,
    key: record.key,
    value: record.value,
    createdAt: record.createdAt ?? record.version.createdAt,
    createdBy: record.version.authorId,
    version: {
      createdAt: record.version.createdAt,
      createdBy: record.version.authorId,
      message: record.version.message,
      number: record.version.number,
    },
  };
}

/** The include-* wrapper (limited to 50 results, as the v2 docs state). */
export function optionalField<T>(items: T[], self: string): OptionalField<T> {
  return {
    results: items.slice(0, 50),
    meta: { hasMore: items.length > 50 },
    _links: { self },
  };
}

// The rules of custom content writes (createCustomContent, updateCustomContent,
// deleteCustomContent; https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-custom-content/):
// - "Only one of spaceId, pageId, blogPostId, or customContentId is required in the request
//   body"; the container must exist (404) and gives the item its space;
// - title, type and body are required (400); status is current or draft;
// - an update carries version.number = current + 1 (else 409, as for pages) and keeps the
//   earlier revision for the versions endpoints;
// - delete moves current content to the trash; purge=true removes trashed content for good
//   (as deletePage: "Only a trashed ... can be purged").

import type { PageBodyWrite } from "../../types/confluence.js";
import { toStorage } from "../body-format.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import type { CustomContentRecord } from "../model.js";
import type { Store } from "../store.js";

export interface CustomContentContainer {
  spaceId?: string;
  pageId?: string;
  blogPostId?: string;
  customContentId?: string;
}

export interface CustomContentWrite {
  type: unknown;
  title: unknown;
  status: unknown;
  body: PageBodyWrite | undefined;
  authorId: string;
  now: string;
}

function requiredString(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") throw badRequest(`${name} is required`);
  return value;
}

/** The space and container ids of the one container given. */
function resolveContainer(store: Store, container: CustomContentContainer) {
  const given = Object.entries(container).filter(([, id]) => id !== undefined);
  if (given.length !== 1) {
    throw badRequest("Exactly one of spaceId, pageId, blogPostId or customContentId is required");
  }
  const { spaceId, pageId, blogPostId, customContentId } = container;
  if (spaceId !== undefined) {
    if (!store.spaces.has(spaceId)) throw notFound();
    return { spaceId };
  }
  if (pageId !== undefined) {
    const info = store.content.container("page", pageId);
    if (!info?.current) throw notFound();
    return { spaceId: info.spaceId, pageId };
  }
  if (blogPostId !== undefined) {
    const info = store.content.container("blogpost", blogPostId);
    if (!info?.current) throw notFound();
    return { spaceId: info.spaceId, blogPostId };
  }
  const parent = store.customContent.get(customContentId!);
  if (!parent || parent.status === "trashed") throw notFound();
  return { spaceId: parent.spaceId, customContentId };
}

export function createCustomContent(
  store: Store,
  container: CustomContentContainer,
  input: CustomContentWrite,
): CustomContentRecord {
  const type = requiredString(input.type, "type");
  const title = requiredString(input.title, "title");
  if (!input.body) throw badRequest("body is required");
  const status = input.status ?? "current";
  if (status !== "current" && status !== "draft")
    throw badRequest("status must be current or draft");
  const where = resolveContainer(store, container);
  const num = store.allocateId();
  const record: CustomContentRecord = {
    id: String(num),
    num,
    type,
    status,
    title,
    spaceId: where.spaceId,
    pageId: where.pageId,
    authorId: input.authorId,
    createdAt: input.now,
    body: toStorage(input.body),
    version: {
      number: 1,
      message: "",
      minorEdit: false,
      authorId: input.authorId,
      createdAt: input.now,
    },
  };
  store.addCustomContent(record);
  const extra = store.content.customExtra(record.id);
  extra.blogPostId = where.blogPostId;
  extra.parentId = where.customContentId;
  return record;
}

export function updateCustomContent(
  store: Store,
  record: CustomContentRecord,
  input: CustomContentWrite & { versionNumber: unknown; message: string },
): void {
  const type = requiredString(input.type, "type");
  const title = requiredString(input.title, "title");
  if (!input.body) throw badRequest("body is required");
  if (input.status !== "current") throw badRequest("status must be current");
  if (type !== record.type) throw badRequest("The type of custom content cannot be changed");
  const number = input.versionNumber;
  if (typeof number !== "number" || !Number.isInteger(number)) {
    throw badRequest("version.number must be an integer");
  }
  if (number !== record.version.number + 1) {
    throw new ApiError(
      409,
      `Version must be incremented on update. Current version is: ${record.version.number}`,
      "CONFLICT",
    );
  }
  store.content.customExtra(record.id).history.push({
    title: record.title,
    body: record.body,
    version: record.version,
  });
  record.title = title;
  record.body = toStorage(input.body);
  record.status = "current";
  record.version = {
    number,
    message: input.message,
    minorEdit: false,
    authorId: input.authorId,
    createdAt: input.now,
  };
  store.touch();
}

export function deleteCustomContent(
  store: Store,
  record: CustomContentRecord,
  purge: boolean,
): void {
  if (purge) {
    if (record.status !== "trashed") throw badRequest("Only trashed custom content can be purged");
    store.customContent.delete(record.id);
    store.propertiesByOwner.delete(`customContent:${record.id}`);
    store.content.dropCustomExtra(record.id);
  } else {
    if (record.status === "trashed") throw notFound();
    record.status = "trashed";
  }
  store.touch();
}

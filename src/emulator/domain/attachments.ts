// The rules of attachments, apart from HTTP: unique file names per page on upload, the trash.
// Routes (src/emulator/routes/attachments.ts, v1.ts) parse, call these and serialise.
import { ApiError, badRequest, notFound } from "../errors.js";
import type { AttachmentRecord, PageRecord } from "../model.js";
import type { UploadedFile } from "../multipart.js";
import { makeAttachment } from "../records.js";
import type { Store } from "../store.js";
import { currentRevision } from "./attachment-versions.js";

export interface UploadMeta {
  comment: string | undefined;
  /** The multipart `minorEdit` field: "no notification email or activity stream". */
  minorEdit?: boolean;
  authorId: string;
  now: string;
}

/**
 * Adds uploaded files to a page or blog post. createAttachment: "400 Returned if the content
 * already has an attachment with the same filename." (trashed attachments do not count).
 * https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---attachments/#api-wiki-rest-api-content-id-child-attachment-post
 */
export function addUploads(
  store: Store,
  page: PageRecord,
  files: readonly UploadedFile[],
  meta: UploadMeta,
): AttachmentRecord[] {
  return upload(store, page, files, meta, "create");
}

/**
 * createOrUpdateAttachments (PUT): "Adds an attachment to a piece of content. If the attachment
 * already exists for the content, then the attachment is updated (i.e. a new version of the
 * attachment is created)." The existing attachment is found by file name and keeps its id.
 * https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---attachments/#api-wiki-rest-api-content-id-child-attachment-put
 */
export function createOrUpdateUploads(
  store: Store,
  page: PageRecord,
  files: readonly UploadedFile[],
  meta: UploadMeta,
): AttachmentRecord[] {
  return upload(store, page, files, meta, "createOrUpdate");
}

function upload(
  store: Store,
  page: PageRecord,
  files: readonly UploadedFile[],
  meta: UploadMeta,
  mode: "create" | "createOrUpdate",
): AttachmentRecord[] {
  // Refuse before changing anything: one bad file leaves the others unwritten too.
  const existing = store.attachmentsByContainer.get(page.id) ?? [];
  const same = (file: UploadedFile) =>
    existing.find((a) => a.title === file.filename && a.status !== "trashed");
  const names = new Set<string>();
  for (const file of files) {
    if ((mode === "create" && same(file)) || names.has(file.filename)) {
      throw new ApiError(
        400,
        `Cannot add a new attachment with same file name as an existing attachment: ${file.filename}`,
      );
    }
    names.add(file.filename);
  }
  return files.map((file) => {
    const previous = same(file);
    if (previous !== undefined) return newVersion(store, previous, file, meta);
    const record = makeAttachment({
      num: store.allocateId(),
      title: file.filename,
      mediaType: file.mediaType,
      ...(page.kind === "blogpost" ? { blogPostId: page.id } : { pageId: page.id }),
      data: file.data,
      authorId: meta.authorId,
      createdAt: meta.now,
      comment: meta.comment,
    });
    record.version.minorEdit = meta.minorEdit ?? false;
    store.addAttachment(record);
    return record;
  });
}

/** The next version of an attachment: same id and name, the new bytes, type and comment. */
function newVersion(
  store: Store,
  record: AttachmentRecord,
  file: UploadedFile,
  meta: UploadMeta,
): AttachmentRecord {
  // The version being replaced stays readable (getAttachmentVersions, `?version=N` downloads).
  record.history = [...(record.history ?? []), currentRevision(record)];
  record.data = file.data;
  record.fileSize = file.data.length;
  record.mediaType = file.mediaType;
  record.comment = meta.comment ?? "";
  record.status = "current";
  record.version = {
    number: record.version.number + 1,
    message: meta.comment ?? "",
    minorEdit: meta.minorEdit ?? false,
    authorId: meta.authorId,
    createdAt: meta.now,
  };
  store.changedInPlace(record); // reached through the container's list
  store.touch();
  return record;
}

/**
 * "Deleting an attachment moves the attachment to the trash ... To permanently delete an
 * attachment (or "purge" it), the endpoint must be called on a trashed attachment with
 * purge=true." (deleteAttachment)
 */
export function deleteAttachment(store: Store, record: AttachmentRecord, purge: boolean): void {
  if (purge) {
    if (record.status !== "trashed") throw badRequest("Only a trashed attachment can be purged");
    store.removeAttachment(record);
  } else {
    if (record.status === "trashed") throw notFound();
    record.status = "trashed";
    store.touch();
  }
}

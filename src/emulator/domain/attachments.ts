// The rules of attachments, apart from HTTP: unique file names per page on upload, the trash.
// Routes (src/emulator/routes/attachments.ts, v1.ts) parse, call these and serialise.
import { ApiError, badRequest, notFound } from "../errors.js";
import type { AttachmentRecord, PageRecord } from "../model.js";
import type { UploadedFile } from "../multipart.js";
import { makeAttachment } from "../records.js";
import type { Store } from "../store.js";

/**
 * Adds uploaded files to a page. createAttachment: "400 Returned if the content already has an
 * attachment with the same filename." (trashed attachments do not count).
 */
export function addUploads(
  store: Store,
  page: PageRecord,
  files: readonly UploadedFile[],
  meta: { comment: string | undefined; authorId: string; now: string },
): AttachmentRecord[] {
  const existing = store.attachmentsByContainer.get(page.id) ?? [];
  return files.map((file) => {
    if (existing.some((a) => a.title === file.filename && a.status !== "trashed")) {
      throw new ApiError(
        400,
        `Cannot add a new attachment with same file name as an existing attachment: ${file.filename}`,
      );
    }
    const record = makeAttachment({
      num: store.allocateId(),
      title: file.filename,
      mediaType: file.mediaType,
      pageId: page.id,
      data: file.data,
      authorId: meta.authorId,
      createdAt: meta.now,
      comment: meta.comment,
    });
    store.addAttachment(record);
    return record;
  });
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

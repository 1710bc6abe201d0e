// An attachment's versions: its earlier revisions (kept by each new upload under the same file
// name, domain/attachments.ts) and its current one. Confluence keeps every version of an
// attachment, each downloadable (`?version=N`) and listed by getAttachmentVersions
// (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-attachment/#api-attachments-id-versions-get;
// "If the attachment already exists for the content, then the attachment is updated (i.e. a new
// version of the attachment is created)", v1 createOrUpdateAttachments).
import type { AttachmentRecord, AttachmentRevision } from "../model.js";

/** The revision an attachment record holds as its current version. */
export function currentRevision(record: AttachmentRecord): AttachmentRevision {
  return {
    version: record.version,
    mediaType: record.mediaType,
    fileSize: record.fileSize,
    comment: record.comment,
    data: record.data,
  };
}

/** Every version, oldest first. */
export function attachmentRevisions(record: AttachmentRecord): AttachmentRevision[] {
  return [...(record.history ?? []), currentRevision(record)];
}

/** Version `number`, or undefined when the attachment never had it. */
export function attachmentRevision(
  record: AttachmentRecord,
  number: number,
): AttachmentRevision | undefined {
  if (number === record.version.number) return currentRevision(record);
  return record.history?.find((revision) => revision.version.number === number);
}

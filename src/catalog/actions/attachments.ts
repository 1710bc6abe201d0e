// Attachments: getAttachments, getAttachmentById, deleteAttachment, getPageAttachments (v2).
import * as i from "../inputs.js";
import { path, query } from "../wire.js";
import { defineAction } from "./define.js";

export const listAttachments = defineAction({
  key: "listAttachments",
  label: "List Attachments",
  description: "Returns all attachments.",
  endpoint: "GET /attachments",
  inputs: { connection: i.connection, ...i.listInputs },
});

export const getAttachment = defineAction({
  key: "getAttachment",
  label: "Get Attachment",
  description: "Returns a specific attachment.",
  endpoint: "GET /attachments/{id}",
  inputs: { connection: i.connection, attachmentId: path("id", i.attachmentId), ...i.getInputs },
});

export const deleteAttachment = defineAction({
  key: "deleteAttachment",
  label: "Delete Attachment",
  description: "Deletes a specific attachment.",
  endpoint: "DELETE /attachments/{id}",
  inputs: {
    connection: i.connection,
    // The v2 OpenAPI types this path id as int64, but Confluence answers GET with `att`-prefixed
    // ids and accepts them back here, so the same attachment-id rule applies.
    attachmentId: path("id", i.attachmentId),
    purge: query("purge", i.flag("Purge", "If attempting to purge the attachment."), "omitFalse"),
    debugRequest: i.debugRequest,
  },
});

export const getPageAttachment = defineAction({
  key: "getPageAttachment",
  label: "Get Attachments for Page",
  description: "Returns the attachments of specific page.",
  endpoint: "GET /pages/{id}/attachments",
  inputs: { connection: i.connection, pageId: path("id", i.pageId), ...i.listInputs },
});

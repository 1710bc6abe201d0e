// Attachments: getAttachments, getAttachmentById, deleteAttachment, getPageAttachments (v2).
import * as i from "../inputs.js";
import { callApi, listApi } from "../request.js";
import { defineAction } from "./define.js";

export const listAttachments = defineAction({
  key: "listAttachments",
  label: "List Attachments",
  description: "Returns all attachments.",
  endpoint: "GET /attachments",
  inputs: { connection: i.connection, ...i.listInputs },
  run: (input, ctx) => listApi(ctx, input),
});

export const getAttachment = defineAction({
  key: "getAttachment",
  label: "Get Attachment",
  description: "Returns a specific attachment.",
  endpoint: "GET /attachments/{id}",
  inputs: { connection: i.connection, attachmentId: i.attachmentId, ...i.getInputs },
  run: (input, ctx) =>
    callApi(ctx, {
      params: { id: input.attachmentId },
      extraQuery: input.queryParameters,
    }),
});

export const deleteAttachment = defineAction({
  key: "deleteAttachment",
  label: "Delete Attachment",
  description: "Deletes a specific attachment.",
  endpoint: "DELETE /attachments/{id}",
  inputs: {
    connection: i.connection,
    attachmentId: i.attachmentId,
    purge: i.flag("Purge", "If attempting to purge the attachment."),
    debugRequest: i.debugRequest,
  },
  // The v2 OpenAPI types this path id as int64, but Confluence answers GET with `att`-prefixed
  // ids and accepts them back here, so the same attachment-id rule applies.
  run: (input, ctx) =>
    callApi(ctx, {
      params: { id: input.attachmentId },
      query: { purge: input.purge || undefined },
      deleted: input.attachmentId,
    }),
});

export const getPageAttachment = defineAction({
  key: "getPageAttachment",
  label: "Get Attachments for Page",
  description: "Returns the attachments of specific page.",
  endpoint: "GET /pages/{id}/attachments",
  inputs: { connection: i.connection, pageId: i.pageId, ...i.listInputs },
  run: (input, ctx) => listApi(ctx, input, { params: { id: input.pageId } }),
});

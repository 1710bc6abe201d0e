// Attachment files, beyond the specification: Upload Attachment (v1 createOrUpdateAttachments,
// PUT /wiki/rest/api/content/{id}/child/attachment, or createAttachment, POST, which refuses a
// file name the content already has; v2 has no upload) and Download Attachment (v2
// getAttachmentById for its `downloadLink`, then the site's download servlet, which answers the
// bytes). https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---attachments/
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-attachment/#api-attachments-id-get
import { ConfluenceError, ConfluenceResponseTooLargeError } from "../../core/errors.js";
import { uploadAttachmentSafely } from "../../core/writes/index.js";
import { InvalidValue } from "../input-error.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import { toBlob } from "../raw-request.js";
import { writeOutput } from "../request.js";
import { path } from "../wire.js";
import { defineAction } from "./define.js";

const ENCODINGS = ["text", "base64"] as const;
const MODES = ["createOrUpdate", "create"] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Text to bytes: as UTF-8, or decoded from strict base64 (Node's decoder skips bad characters). */
function textBytes(text: string, encoding: (typeof ENCODINGS)[number]): Uint8Array {
  if (encoding === "text") return Buffer.from(text, "utf8");
  const compact = text.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new InvalidValue("is not valid base64 (File Encoding is base64)");
  }
  return Buffer.from(compact, "base64");
}

export const uploadAttachment = defineAction({
  key: "uploadAttachment",
  label: "Upload Attachment",
  description:
    "Uploads a file to a page or blog post: a new attachment, or a new version of the attachment with the same file name.",
  endpoint: "PUT /wiki/rest/api/content/{id}/child/attachment",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    contentId: path(
      "id",
      i.defineInput({
        label: "Content Id",
        comments: "The id of the page or blog post to attach the file to.",
        type: "string",
        required: true,
        example: "123456",
        parse: p.numericId,
      }),
    ),
    file: i.defineInput({
      label: "File",
      comments:
        "The file: binary data from a previous step ({ data, contentType }), or text (see File Encoding).",
      type: "string",
      required: true,
      parse: (raw: unknown) => {
        if (raw === undefined || raw === null || raw === "") throw new InvalidValue("is required");
        return raw;
      },
    }),
    fileEncoding: i.defineInput({
      label: "File Encoding",
      comments: "How a text File is turned into bytes: as UTF-8 text, or decoded from base64.",
      default: "text",
      type: "string",
      required: false,
      choices: ENCODINGS,
      parse: (raw) => p.oneOf(ENCODINGS)(raw) ?? "text",
    }),
    fileName: i.defineInput({
      label: "File Name",
      comments:
        "The attachment's file name; an attachment of the content with this name gets a new version.",
      type: "string",
      required: true,
      example: "report.pdf",
      parse: p.described({ type: "string", pattern: "^[^/\\\\]+$" }, (raw) => {
        const name = p.requiredText(raw).trim();
        if (name === "" || /[/\\]/.test(name)) {
          throw new InvalidValue(`must be a file name without / or \\, got "${name}"`);
        }
        return name;
      }),
    }),
    contentType: i.defineInput({
      label: "Content Type",
      comments: "The file's media type (default: the File's own, else application/octet-stream).",
      type: "string",
      required: false,
      example: "application/pdf",
      parse: p.described({ type: "string", pattern: "^[\\w.+-]+/[\\w.+-]+$" }, (raw) => {
        const type = p.optionalText(raw)?.trim();
        if (type === undefined || type === "") return undefined;
        if (!/^[\w.+-]+\/[\w.+-]+$/.test(type)) {
          throw new InvalidValue(`must be a media type such as application/pdf, got "${type}"`);
        }
        return type;
      }),
    }),
    comment: i.defineInput({
      label: "Comment",
      comments: "The version comment shown in the attachment's history.",
      type: "string",
      required: false,
      parse: p.optionalText,
    }),
    minorEdit: i.flag(
      "Minor Edit",
      "When true, Confluence sends no notification and adds nothing to the activity stream.",
    ),
    mode: i.defineInput({
      label: "If the File Name Exists",
      comments:
        "createOrUpdate adds a new version of the attachment with that name; create fails instead (Confluence answers 400).",
      default: "createOrUpdate",
      type: "string",
      required: false,
      choices: MODES,
      parse: (raw) => p.oneOf(MODES)(raw) ?? "createOrUpdate",
    }),
    debugRequest: i.debugRequest,
  },
  run: async (input, ctx) => {
    let blob: Blob;
    try {
      blob =
        typeof input.file === "string"
          ? new Blob([textBytes(input.file, input.fileEncoding)])
          : toBlob(input.file);
    } catch (error) {
      if (error instanceof InvalidValue) throw new InvalidValue(`File ${error.message}`);
      throw error;
    }
    const type = input.contentType ?? (blob.type || "application/octet-stream");
    // A lost answer is resolved from the attachment's version, never repeated blindly
    // (src/core/writes/attachments.ts: one read of the attachment first).
    return writeOutput(
      uploadAttachmentSafely(ctx.client, {
        contentId: input.contentId,
        fileName: input.fileName,
        file: new Blob([blob], { type }),
        comment: input.comment,
        minorEdit: input.minorEdit,
        mode: input.mode,
        debug: ctx.debug,
      }),
    );
  },
});

/** The file is bigger than Max Size: refused before (or while) reading, never held whole. */
export class AttachmentTooLargeError extends ConfluenceError {
  override name = "AttachmentTooLargeError";
}

const MB = 1024 * 1024;
const MAX_SIZE_CEILING_MB = 1024;

interface AttachmentMeta {
  title: string;
  mediaType?: string;
  fileSize?: number;
  downloadLink?: string;
}

export const downloadAttachment = defineAction({
  key: "downloadAttachment",
  label: "Download Attachment",
  description: "Returns an attachment's file: its bytes, media type and file name.",
  endpoint: "GET /attachments/{id}",
  beyondSpecification: true,
  inputs: {
    connection: i.connection,
    attachmentId: path("id", i.attachmentId),
    maxSizeMb: i.defineInput({
      label: "Max Size (MB)",
      comments: `A larger file fails the action without being downloaded (at most ${MAX_SIZE_CEILING_MB}).`,
      default: "50",
      type: "string",
      required: false,
      parse: (raw) => p.optionalInteger(1, MAX_SIZE_CEILING_MB)(raw) ?? 50,
    }),
    debugRequest: i.debugRequest,
  },
  run: async (input, ctx) => {
    const limit = input.maxSizeMb * MB;
    const { data: meta } = await ctx.client.request<AttachmentMeta>({
      path: "/attachments/{id}",
      pathParams: { id: input.attachmentId },
      debug: ctx.debug,
    });
    const tooLarge = (size: string) =>
      new AttachmentTooLargeError(
        `Attachment ${input.attachmentId} ("${meta.title}") is ${size}, over Max Size (MB) ${input.maxSizeMb}; raise Max Size (MB) to download it.`,
      );
    if (meta.fileSize !== undefined && meta.fileSize > limit) {
      throw tooLarge(`${meta.fileSize} bytes`);
    }
    if (meta.downloadLink === undefined) {
      throw new ConfluenceError(`Attachment ${input.attachmentId} has no download link.`);
    }
    // downloadLink is relative to the wiki (`/download/attachments/...`); the core reads at most
    // `limit` bytes (Content-Length checked first), so a file that grew since is refused too.
    let response: { data: unknown; headers: Record<string, string> };
    try {
      response = await ctx.client.request({
        api: "site",
        path: `/wiki${meta.downloadLink}`,
        responseType: "binary",
        maxResponseBytes: limit,
        debug: ctx.debug,
      });
    } catch (error) {
      if (error instanceof ConfluenceResponseTooLargeError) {
        throw tooLarge("larger than that");
      }
      throw error;
    }
    return {
      data: Buffer.from(response.data as Uint8Array),
      contentType: meta.mediaType ?? response.headers["content-type"] ?? "application/octet-stream",
      fileName: meta.title,
    };
  },
});

// Ambiguity-safe attachment upload (v1 createAttachment, POST, and createOrUpdateAttachments, PUT:
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---attachments/).
// Neither may be repeated blindly: a repeated PUT adds one more version of the file, a repeated
// POST of a landed upload is refused (400, the file name is taken). So the attachment of that file
// name is read first through v2 (one GET per upload: its version N, or none), and after a lost
// answer read again: unchanged = not applied (sent again); at N + 1 (1 when it was new), saved by
// the connection's user since the first send (authorship.ts), with the file's size = applied,
// answered as the upload answers (v1 `{ results: [the attachment], size: 1 }`); anything else:
// unknown.
import { ConfluenceApiError } from "../errors.js";
import type { CallOptions, ConfluenceClient, ConfluenceResponse } from "../types.js";
import { type AuthoredVersion, authorship, savedBy, writeStarted } from "./authorship.js";
import {
  callOptions,
  isStatus,
  resolveWrite,
  type SafeWriteOptions,
  type Verdict,
} from "./resolve.js";

interface Attachment {
  id: string;
  title?: string;
  fileSize?: number;
  version?: AuthoredVersion;
}

/** The v1 upload answer. */
export interface UploadResult {
  results: unknown[];
  size?: number;
}

export interface SafeUpload extends SafeWriteOptions {
  /** The page or blog post. */
  contentId: string;
  fileName: string;
  /** The file, with its media type. */
  file: Blob;
  comment?: string;
  minorEdit: boolean;
  /** createOrUpdate (PUT) or create (POST, refused for a file name in use). */
  mode: "createOrUpdate" | "create";
}

/** The attachment named `fileName` of the page, or of the blog post when no page has this id. */
async function attachmentNamed(
  client: ConfluenceClient,
  call: CallOptions,
  contentId: string,
  fileName: string,
): Promise<Attachment | undefined> {
  const read = (owner: string) =>
    client.listPage<Attachment>(`/${owner}/{id}/attachments`, {
      ...call,
      pathParams: { id: contentId },
      query: { filename: fileName },
    });
  let found: Attachment[];
  try {
    found = (await read("pages")).results;
  } catch (error) {
    if (!(error instanceof ConfluenceApiError && error.status === 404)) throw error;
    found = (await read("blogposts")).results;
  }
  return found.find((attachment) => attachment.title === fileName);
}

export async function uploadAttachmentSafely(
  client: ConfluenceClient,
  request: SafeUpload,
): Promise<ConfluenceResponse<UploadResult>> {
  const { contentId, fileName, file, mode } = request;
  const call = callOptions(request);
  const before = (await attachmentNamed(client, call, contentId, fileName))?.version?.number ?? 0;
  const startedAt = writeStarted();
  const probe = async (): Promise<Verdict<UploadResult>> => {
    const now = await attachmentNamed(client, call, contentId, fileName);
    const number = now?.version?.number ?? 0;
    if (now === undefined || number === before) return { state: "absent" };
    const who = await authorship(client, call, startedAt);
    if (number === before + 1 && savedBy(now.version, who) && now.fileSize === file.size) {
      // getContentById takes attachment ids too: the same v1 shape the upload answers with.
      const v1 = await client.request<unknown>({
        ...call,
        api: "v1",
        path: "/content/{id}",
        pathParams: { id: now.id },
      });
      const data: UploadResult = { results: [v1.data], size: 1 };
      return { state: "applied", response: { ...v1, data } };
    }
    return {
      state: "unknown",
      reason: `attachment ${fileName} went from version ${before} to ${number}, which is not this upload`,
    };
  };
  const send = () => {
    // A fresh form per attempt: a multipart body is consumed by sending it.
    const form = new FormData();
    form.append("file", file, fileName);
    if (request.comment !== undefined) form.append("comment", request.comment);
    form.append("minorEdit", String(request.minorEdit));
    return client.request<UploadResult>({
      ...call,
      api: "v1",
      method: mode === "create" ? "POST" : "PUT",
      path: "/content/{id}/child/attachment",
      pathParams: { id: contentId },
      form,
      // Multipart requests to Confluence need this XSRF opt-out ("XSRF check failed" otherwise).
      headers: { ...call.headers, "X-Atlassian-Token": "no-check" },
      idempotent: false,
    });
  };
  return resolveWrite(
    {
      operation: mode === "create" ? "createAttachment" : "createOrUpdateAttachments",
      method: mode === "create" ? "POST" : "PUT",
      path: "/wiki/rest/api/content/{id}/child/attachment",
      check: `whether content ${contentId} has a new version of ${JSON.stringify(fileName)} by you`,
      send,
      probe,
      // create refuses a file name in use: after a lost attempt, possibly our own upload.
      isCollision: (error) => mode === "create" && isStatus(error, 400),
    },
    request,
  );
}

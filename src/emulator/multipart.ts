// multipart/form-data bodies (RFC 7578) for the v1 attachment upload, parsed by the platform's
// `Response#formData()` (undici, Node's fetch) rather than by hand.
import type { FastifyRequest } from "fastify";
import { ApiError } from "./errors.js";

export interface UploadedFile {
  filename: string;
  /** The part's media type without parameters. */
  mediaType: string;
  data: Buffer;
}

export interface Upload {
  files: UploadedFile[];
  comment: string | undefined;
  /** The `minorEdit` field ("true"/"false"); absent → undefined. */
  minorEdit: boolean | undefined;
}

const MISSING_FILE = "A multipart/form-data body with a 'file' part is required";

/** The `file` parts (those with a file name) and the `comment` field, or a 400. */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const contentType = request.headers["content-type"] ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType) || !Buffer.isBuffer(request.body)) {
    throw new ApiError(400, MISSING_FILE);
  }
  let form: FormData;
  try {
    const body = new Uint8Array(request.body);
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    // No boundary, or a body that is not multipart: Response#formData() throws a TypeError.
    throw new ApiError(400, MISSING_FILE);
  }
  const files: UploadedFile[] = [];
  for (const part of form.getAll("file")) {
    if (typeof part === "string" || part.name === "") continue;
    files.push({
      filename: part.name,
      // A part without its own Content-Type is text/plain (RFC 7578 section 4.4).
      mediaType: part.type.split(";")[0]!.trim() || "application/octet-stream",
      data: Buffer.from(await part.arrayBuffer()),
    });
  }
  if (files.length === 0) throw new ApiError(400, MISSING_FILE);
  const comment = form.get("comment");
  const minorEdit = form.get("minorEdit");
  return {
    files,
    comment: typeof comment === "string" ? comment : undefined,
    minorEdit:
      typeof minorEdit === "string" ? minorEdit.trim().toLowerCase() === "true" : undefined,
  };
}

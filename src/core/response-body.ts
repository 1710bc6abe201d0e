// Decoding of successful response bodies according to the requested response type.
import type { ResponseType } from "./types.js";

/**
 * Returned (not thrown) for a body that claims to be JSON but does not parse, e.g. one cut short
 * by a proxy: the attempt loop treats it like a lost answer (retry, or outcome unknown).
 */
export const BROKEN_BODY: unique symbol = Symbol("broken response body");

const JSON_TYPE = /json/i;

export function decodeBody(
  bytes: Buffer,
  contentType: string | undefined,
  responseType: ResponseType,
): unknown {
  if (responseType === "binary") {
    // A one-chunk body is a view into undici's socket read buffer: copy it so a small download
    // does not pin the whole read buffer; a joined body is ours alone and is handed over as is.
    return bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
  }
  const text = bytes.toString("utf8");
  if (responseType === "text") return text;
  if (text === "") return undefined; // 204 No Content and friends
  try {
    return JSON.parse(text);
  } catch {
    // A JSON content type with an unparsable body is a broken response; anything else (Raw
    // Request on an endpoint that answers text) is returned as text.
    return contentType !== undefined && JSON_TYPE.test(contentType) ? BROKEN_BODY : text;
  }
}

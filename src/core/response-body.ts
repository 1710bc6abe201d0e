// Decoding of successful response bodies according to the requested response type.
import { ConfluenceError } from "./errors.js";
import type { ResponseType } from "./types.js";

export function decodeBody(
  bytes: Uint8Array,
  contentType: string | undefined,
  responseType: ResponseType,
  describe: string,
): unknown {
  if (responseType === "binary")
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = Buffer.from(bytes).toString("utf8");
  if (responseType === "text") return text;
  if (text === "") return undefined; // 204 No Content and friends
  try {
    return JSON.parse(text);
  } catch {
    // A JSON content type with an unparsable body is a broken response; anything else (Raw
    // Request on an endpoint that answers text) is returned as text.
    if (/json/i.test(contentType ?? "")) {
      throw new ConfluenceError(`Confluence sent invalid JSON for ${describe}`);
    }
    return text;
  }
}

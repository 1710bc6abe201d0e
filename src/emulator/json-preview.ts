// The first characters of a body's redacted JSON, without serialising (or copying) the rest:
// logging a 5 MB body used to cost a full redacted copy and a 5 MB string per request.
import { isSecretName, REDACTED } from "./redact.js";

const STOP = Symbol("preview full");
const MAX_DEPTH = 1100; // bodies are ≤ 1,000 levels (json-depth.ts); deeper is never walked

export interface JsonPreview {
  /** At least `limit` characters when incomplete (cut by the caller). */
  text: string;
  /** The text is the whole redacted JSON. */
  complete: boolean;
}

/** Same text as `JSON.stringify(redactBody(value))` for parsed JSON, up to `limit` characters. */
export function redactedJsonPreview(value: unknown, limit: number): JsonPreview {
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string) => {
    parts.push(text);
    length += text.length;
    if (length > limit) throw STOP;
  };
  const walk = (node: unknown, depth: number): void => {
    if (typeof node === "string") {
      // A huge string is cut before escaping: only its start can show.
      emit(JSON.stringify(node.length > limit ? node.slice(0, limit + 1) : node));
    } else if (typeof node !== "object" || node === null) {
      emit(JSON.stringify(node) ?? "null");
    } else if (depth > MAX_DEPTH) {
      emit(JSON.stringify(REDACTED));
    } else if (Array.isArray(node)) {
      emit("[");
      node.forEach((item, index) => {
        if (index > 0) emit(",");
        walk(item, depth + 1);
      });
      emit("]");
    } else {
      emit("{");
      let first = true;
      for (const [key, item] of Object.entries(node)) {
        emit(`${first ? "" : ","}${JSON.stringify(key)}:`);
        first = false;
        if (isSecretName(key)) emit(JSON.stringify(REDACTED));
        else walk(item, depth + 1);
      }
      emit("}");
    }
  };
  try {
    walk(value, 0);
    return { text: parts.join(""), complete: true };
  } catch (error) {
    if (error !== STOP) throw error;
    return { text: parts.join(""), complete: false };
  }
}

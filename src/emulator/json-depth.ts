// Deep JSON is refused before it is parsed (issue 12, item 11): a value nested 20,000 levels
// used to be stored, then every read of it answered 500 (JSON.stringify overflows the stack).
//
// Confluence Cloud is a Java service whose JSON goes through Jackson; since Jackson 2.15 its
// parser refuses documents nested deeper than 1,000 levels by default
// (StreamReadConstraints.DEFAULT_MAX_DEPTH; https://github.com/FasterXML/jackson-core/wiki/StreamReadConstraints,
// jackson-core PR #943). Confluence does not document its own limit: 1,000 is Jackson's default,
// not a limit observed on a live site. Whatever the emulator accepts (≤ 1,000) it can serialise.
import { ApiError } from "./errors.js";

export const MAX_JSON_DEPTH = 1000;

/**
 * The nesting depth of a JSON text, stopping as soon as it passes `max` (one linear pass, no
 * recursion; brackets inside strings do not count). Invalid JSON is left to JSON.parse.
 */
export function jsonDepthExceeds(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > max) return depth;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return undefined;
}

/** Jackson's wording for the same refusal (StreamConstraintsException). */
export function tooDeep(depth: number, max = MAX_JSON_DEPTH): ApiError {
  return new ApiError(
    400,
    `Document nesting depth (${depth}) exceeds the maximum allowed (${max})`,
    "BAD_REQUEST",
  );
}

/** JSON.parse with the depth limit: a 400 for documents nested too deep. */
export function parseJsonWithinDepth(text: string): unknown {
  const depth = jsonDepthExceeds(text);
  if (depth !== undefined) throw tooDeep(depth);
  return JSON.parse(text);
}

// Nesting depth limit of JSON inputs (Body, Body Data, Version, Variables, Raw Request Data).
// Without it, valid JSON a few thousand levels deep (or 100,000 `[` as invalid input) ended in
// an untyped "RangeError: Maximum call stack size exceeded" from a recursive walk. Both checks
// below are loops, not recursion, so no input can exhaust the stack before it is refused.
//
// The limit is Jackson's default (StreamReadConstraints.maxNestingDepth = 1000 since 2.15:
// https://github.com/FasterXML/jackson-core/wiki/StreamReadConstraints), the JSON parser of the
// Java services behind Atlassian's REST APIs; nothing deeper is useful to send to Confluence.
import { InvalidValue } from "./input-error.js";

/** Objects and arrays open at once; a value nested deeper is refused before anything is sent. */
export const MAX_JSON_DEPTH = 1000;

/** The generated reference's note on every JSON input. */
export const JSON_DEPTH_NOTE = `JSON nested more than ${MAX_JSON_DEPTH} levels deep (objects and arrays inside each other) is refused before anything is sent.`;

function tooDeep(): InvalidValue {
  return new InvalidValue(
    `is nested more than ${MAX_JSON_DEPTH} levels deep (objects and arrays inside each other); at most ${MAX_JSON_DEPTH} levels are accepted`,
  );
}

/** Refuses JSON text (valid or not) whose brackets outside strings nest past the limit. */
export function assertTextDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) throw tooDeep();
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    }
  }
}

/**
 * Refuses a value handed over by a previous step (already an object) nested past the limit.
 * An object reached again is walked again only when reached deeper than before, so shared
 * branches cost one walk and a cyclic value is refused like an endlessly deep one.
 */
export function assertValueDepth(value: unknown): void {
  const deepestSeen = new Map<object, number>();
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== "object") continue;
    if (depth > MAX_JSON_DEPTH) throw tooDeep();
    if ((deepestSeen.get(item) ?? 0) >= depth) continue;
    deepestSeen.set(item, depth);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
}

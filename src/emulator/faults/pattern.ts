// Route patterns of fault rules: `*` matches inside one path segment, `**` (a whole segment) any
// run of segments, including none ("/wiki/api/v2/pages/**" also matches ".../pages"); everything
// else literally; a trailing slash on the path is ignored.
//
// Matched segment by segment with the greedy two-pointer wildcard algorithm (no regular
// expression, no backtracking): only the last `**` (or, within a segment, the last `*`) is ever
// revisited, so the work is bounded by pattern length × path length, never exponential. A
// regex like `(?:/.*)?` repeated 12 times took 65 s on a 60-character path (issue 12, item 8).

export type PathMatcher = (path: string) => boolean;

const GLOBSTAR = Symbol("**");
type Segment = string | typeof GLOBSTAR;

/** Thrown for patterns the matcher does not support (a `**` inside a segment). */
export class PathPatternError extends Error {
  override name = "PathPatternError";
}

/** Greedy wildcard match of one segment; `*` matches any run of characters (no `/` inside). */
function segmentMatches(pattern: string, text: string): boolean {
  if (!pattern.includes("*")) return pattern === text;
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === "*") {
      starAt = p++;
      resumeAt = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/** The same algorithm one level up: `**` matches any run of segments. */
function segmentsMatch(pattern: readonly Segment[], path: readonly string[]): boolean {
  let p = 0;
  let s = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (s < path.length) {
    const current = pattern[p];
    if (current === GLOBSTAR) {
      starAt = p++;
      resumeAt = s;
    } else if (current !== undefined && segmentMatches(current, path[s] as string)) {
      p++;
      s++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      s = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === GLOBSTAR) p++;
  return p === pattern.length;
}

/** Parses a pattern once per rule; `**` runs collapse (`/**\/**` means `/**`). */
export function compilePathPattern(pattern: string): PathMatcher {
  if (!pattern.startsWith("/")) throw new PathPatternError('a path pattern starts with "/"');
  const segments: Segment[] = [];
  for (const part of pattern.slice(1).split("/")) {
    if (part === "**") {
      if (segments.at(-1) !== GLOBSTAR) segments.push(GLOBSTAR);
    } else if (part.includes("**")) {
      throw new PathPatternError(`"**" must be a whole path segment (in "${part.slice(0, 50)}")`);
    } else {
      segments.push(part);
    }
  }
  return (path: string) => {
    const parts = path.slice(1).split("/");
    if (segmentsMatch(segments, parts)) return true;
    // A trailing slash is optional: "/wiki/api/v2/spaces/" matches "/wiki/api/v2/spaces".
    return parts.length > 1 && parts.at(-1) === "" && segmentsMatch(segments, parts.slice(0, -1));
  };
}

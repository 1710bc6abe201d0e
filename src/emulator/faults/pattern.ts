// Route patterns of fault rules: `*` matches inside one path segment, `**` (a whole segment) any
// run of segments, including none ("/wiki/api/v2/pages/**" also matches ".../pages"); everything
// else literally; a trailing slash on the path is ignored.
//
// No regular expression and no backtracking: a regex like `(?:/.*)?` repeated 12 times took 65 s
// on a 60-character path (issue 12, item 8). A pattern is pieces separated by stars, at two
// levels (characters separated by `*` inside a segment, segments separated by `**`), and such a
// pattern matches when the first piece is a prefix, the last a suffix, and every middle piece
// occurs, in order, in between: taking each at its leftmost occurrence is always right, so no
// choice is ever revisited. Worst case measured by `npm run flood` (docs/emulator.md).

export type PathMatcher = (path: string) => boolean;

/** Thrown for patterns the matcher does not support (a `**` inside a segment). */
export class PathPatternError extends Error {
  override name = "PathPatternError";
}

/**
 * Whether pieces `0..count-1`, separated by stars, cover a text of `total` units. `matchesAt`
 * tests piece `i` at a position; `find` returns the leftmost position ≥ `from` where piece `i`
 * fits before `end`, or -1.
 */
function starMatch(
  count: number,
  lengthOf: (i: number) => number,
  total: number,
  matchesAt: (i: number, at: number) => boolean,
  find: (i: number, from: number, end: number) => number,
): boolean {
  const lastIndex = count - 1;
  const first = lengthOf(0);
  if (count === 1) return first === total && matchesAt(0, 0);
  const last = lengthOf(lastIndex);
  if (first + last > total || !matchesAt(0, 0) || !matchesAt(lastIndex, total - last)) {
    return false;
  }
  let position = first;
  const end = total - last;
  for (let i = 1; i < lastIndex; i++) {
    const at = find(i, position, end);
    if (at < 0) return false;
    position = at + lengthOf(i);
  }
  return true;
}

type SegmentMatcher = (segment: string) => boolean;

/** One segment: literal pieces between `*`s, matched with the engine's string search. */
function compileSegment(pattern: string): SegmentMatcher {
  const pieces = pattern.split("*");
  if (pieces.length === 1) return (segment) => segment === pattern;
  const lengthOf = (i: number) => (pieces[i] as string).length;
  return (segment) =>
    starMatch(
      pieces.length,
      lengthOf,
      segment.length,
      (i, at) => segment.startsWith(pieces[i] as string, at),
      (i, from, end) => {
        const at = segment.indexOf(pieces[i] as string, from);
        return at >= 0 && at + lengthOf(i) <= end ? at : -1;
      },
    );
}

/** Whole path: blocks of segment patterns between `**`s. */
function compileSegments(blocks: SegmentMatcher[][]): (segments: string[]) => boolean {
  const lengthOf = (i: number) => (blocks[i] as SegmentMatcher[]).length;
  return (segments) => {
    const matchesAt = (i: number, at: number) =>
      (blocks[i] as SegmentMatcher[]).every((matches, j) => matches(segments[at + j] as string));
    return starMatch(blocks.length, lengthOf, segments.length, matchesAt, (i, from, end) => {
      for (let at = from; at + lengthOf(i) <= end; at++) if (matchesAt(i, at)) return at;
      return -1;
    });
  };
}

export function compilePathPattern(pattern: string): PathMatcher {
  if (!pattern.startsWith("/")) throw new PathPatternError('a path pattern starts with "/"');
  const blocks: SegmentMatcher[][] = [[]];
  for (const part of pattern.slice(1).split("/")) {
    if (part === "**") {
      // `/**/**` is `/**`: an empty block between two globstars changes nothing.
      if (blocks.length === 1 || (blocks.at(-1) as SegmentMatcher[]).length > 0) blocks.push([]);
    } else if (part.includes("**")) {
      throw new PathPatternError(`"**" must be a whole path segment (in "${part.slice(0, 50)}")`);
    } else {
      (blocks.at(-1) as SegmentMatcher[]).push(compileSegment(part));
    }
  }
  const matches = compileSegments(blocks);
  return (path: string) => {
    const segments = path.slice(1).split("/");
    if (matches(segments)) return true;
    // A trailing slash is optional: "/wiki/api/v2/spaces/" matches "/wiki/api/v2/spaces".
    return segments.length > 1 && segments.at(-1) === "" && matches(segments.slice(0, -1));
  };
}

// Worst-case time of one fault-rule path match, over hostile patterns of the maximum accepted
// length (500 characters) against paths as long as a request line can be (Node's 16 KiB header
// limit).
import { compilePathPattern } from "../../src/emulator/faults/pattern.js";

const MAX_PATTERN = 500;
const cut = (pattern: string) => pattern.slice(0, MAX_PATTERN);

const CASES: [string, string, string][] = [
  ["12 × /** (the 65 s regex case)", `${"/**".repeat(12)}/x`, "/a".repeat(30)],
  ["/** × 166 + /x", cut(`${"/**".repeat(166)}/x`), "/a".repeat(8000)],
  ["/**/a alternating", cut(`${"/**/a".repeat(100)}/x`), "/a".repeat(8000)],
  ["/**/a/a… blocks", cut(`${"/**/a/a/a/a/a/a/b".repeat(30)}`), "/a".repeat(8000)],
  ["*a within one segment", cut(`/${"*a".repeat(250)}`), `/${"a".repeat(15_990)}b`],
  ["a*…*b within one segment", cut(`/${"a*".repeat(249)}b`), `/${"a".repeat(16_000)}`],
  ["* segments", cut(`${"/*".repeat(249)}/x`), "/a".repeat(8000)],
  ["/**/*a*b*", cut(`${"/**/*a*b*".repeat(55)}/x`), `/${"ab/".repeat(5000)}`],
];

export interface MatchFigure {
  name: string;
  worstMs: number;
}

export function worstMatchTimes(repeats = 5): MatchFigure[] {
  return CASES.map(([name, pattern, path]) => {
    const matches = compilePathPattern(pattern);
    let worstMs = 0;
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      matches(path);
      worstMs = Math.max(worstMs, performance.now() - started);
    }
    return { name, worstMs };
  });
}

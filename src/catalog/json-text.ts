// JSON parsing with an error that points at the offending line and column. `JSON.parse` only
// reports a position on some Node versions and for some errors, so on failure we re-scan the
// text with a small validating scanner that knows where it stopped.
import { InvalidValue } from "./input-error.js";
import { assertTextDepth } from "./json-depth.js";

export function parseJsonText(text: string): unknown {
  // First: the scanner below recurses once per level, as does every walk of the parsed value.
  assertTextDepth(text);
  try {
    return JSON.parse(text);
  } catch {
    const { offset, expected } = locateJsonError(text);
    const { line, column } = lineAndColumn(text, offset);
    const found = offset >= text.length ? "end of input" : JSON.stringify(text[offset]);
    throw new InvalidValue(
      `is not valid JSON: expected ${expected} at line ${line}, column ${column} (found ${found})`,
    );
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

interface ScanFailure {
  offset: number;
  expected: string;
}

class Stop extends Error {
  constructor(readonly failure: ScanFailure) {
    super(failure.expected);
  }
}

/** Scan `text` as JSON (RFC 8259) and report where the first error is. */
export function locateJsonError(text: string): ScanFailure {
  let i = 0;
  const fail = (expected: string): never => {
    throw new Stop({ offset: i, expected });
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`);
      i++;
    }
  };
  const string = () => {
    if (text[i] !== '"') fail("a string");
    i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail("a closing quote (control characters must be escaped)");
      if (text[i] === "\\") {
        i++;
        const esc = text[i];
        if (esc === "u") {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) {
              i += k;
              fail("a hexadecimal digit");
            }
          }
          i += 4;
        } else if (esc === undefined || !'"\\/bfnrt'.includes(esc)) {
          fail("a valid escape sequence");
        }
      }
      i++;
    }
    if (i >= text.length) fail("a closing quote");
    i++;
  };
  const digits = () => {
    if (!/[0-9]/.test(text[i] ?? "")) fail("a digit");
    while (/[0-9]/.test(text[i] ?? "")) i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail('":"');
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || /[0-9]/.test(ch ?? "")) number();
    else fail("a JSON value");
  };
  try {
    value();
    ws();
    if (i < text.length) fail("end of input");
  } catch (error) {
    if (error instanceof Stop) return error.failure;
    throw error;
  }
  // JSON.parse disagreed with the scanner (should not happen); point at the start.
  return { offset: 0, expected: "valid JSON" };
}

// JSON parsing with an error that points at the offending line and column. `JSON.parse` only
// reports a position on some Node versions and for some errors, so on failure jsonc-parser's
// visitor (strict JSON: no comments, no trailing commas) finds the first error; the message says
// what a JSON document needs at that place, from where the visitor stood (in an object or an
// array, before or after a value).
import { type ParseErrorCode, printParseErrorCode, visit } from "jsonc-parser";
import { InvalidValue } from "./input-error.js";
import { assertTextDepth } from "./json-depth.js";

export function parseJsonText(text: string): unknown {
  // First: jsonc-parser recurses once per level, as does every walk of the parsed value.
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

interface JsonError {
  offset: number;
  expected: string;
}

/** Where the visitor stood when it met the first error. */
interface Place {
  container: "object" | "array" | undefined;
  afterValue: boolean;
  expectKey: boolean;
  /** After a property name, before its ":". */
  afterKey: boolean;
}

/** Where the first error of `text` is (RFC 8259 JSON) and what was expected there. */
export function locateJsonError(text: string): JsonError {
  const stack: ("object" | "array")[] = [];
  let afterValue = false;
  let expectKey = false;
  let afterKey = false;
  let first: { code: ParseErrorCode; offset: number; length: number; place: Place } | undefined;
  const value = () => {
    afterValue = true;
    expectKey = false;
  };
  // The visitor leaves a container before it reports the missing "}" or "]".
  let beforeClose: Place | undefined;
  const close = () => {
    beforeClose = { container: stack.at(-1), afterValue, expectKey, afterKey };
    stack.pop();
    value();
  };
  const open = (container: "object" | "array") => () => {
    stack.push(container);
    afterValue = false;
    expectKey = container === "object";
  };
  visit(
    text,
    {
      onObjectBegin: open("object"),
      onArrayBegin: open("array"),
      onObjectEnd: close,
      onArrayEnd: close,
      onLiteralValue: value,
      onObjectProperty: () => {
        expectKey = false;
        afterKey = true;
      },
      onSeparator: (separator) => {
        afterValue = false;
        afterKey = false;
        expectKey = separator === "," && stack.at(-1) === "object";
      },
      onError: (code, offset, length) => {
        const closing = printParseErrorCode(code).startsWith("Close");
        const place =
          closing && beforeClose !== undefined
            ? beforeClose
            : { container: stack.at(-1), afterValue, expectKey, afterKey };
        first ??= { code, offset, length, place };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (first === undefined) return { offset: 0, expected: "valid JSON" };
  return describeError(text, first.code, first.offset, first.length, first.place);
}

const LITERALS = ["true", "false", "null"];

function describeError(
  text: string,
  code: ParseErrorCode,
  offset: number,
  length: number,
  place: Place,
): JsonError {
  const next = place.container === "object" ? '"," or "}"' : '"," or "]"';
  const token = text.slice(offset, offset + length);
  const name = printParseErrorCode(code);
  // The visitor reports a bad token before the structure it breaks; JSON first needs a "," or
  // the end after a value, and a property name after "{" or ",".
  if (!STRUCTURAL.has(name)) {
    if (place.afterValue)
      return { offset, expected: place.container === undefined ? "end of input" : next };
    if (place.afterKey) return { offset, expected: '":"' };
    if (place.expectKey && token[0] !== '"')
      return { offset, expected: "a property name in double quotes" };
  }
  switch (name) {
    case "PropertyNameExpected":
      return { offset, expected: "a property name in double quotes" };
    case "ValueExpected":
      return {
        offset,
        expected: place.expectKey ? "a property name in double quotes" : "a JSON value",
      };
    case "ColonExpected":
      return { offset, expected: '":"' };
    case "CommaExpected":
      return { offset, expected: next };
    case "CloseBraceExpected":
    case "CloseBracketExpected":
      if (place.afterValue) return { offset, expected: next };
      return {
        offset,
        expected:
          place.container === "object" ? "a property name in double quotes" : "a JSON value",
      };
    case "EndOfFileExpected":
      return { offset, expected: "end of input" };
    case "InvalidCharacter":
    case "InvalidEscapeCharacter":
    case "InvalidUnicode":
    case "UnexpectedEndOfString":
      return stringError(token, offset, text);
    case "UnexpectedEndOfNumber":
      return { offset: offset + length, expected: "a digit" };
  }
  // An unknown token (or a comment): a misspelt literal fails at its first wrong letter.
  if (token[0] === "-") return { offset: offset + 1, expected: "a digit" };
  const literal = LITERALS.find((word) => word[0] === token[0]);
  if (literal === undefined) return { offset, expected: "a JSON value" };
  let matched = 0;
  while (matched < literal.length && token[matched] === literal[matched]) matched++;
  if (matched < literal.length) return { offset: offset + matched, expected: `"${literal}"` };
  // Spelt out and followed by something else: a value, then what follows a value.
  return {
    offset: offset + matched,
    expected: place.container === undefined ? "end of input" : next,
  };
}

const STRUCTURAL = new Set([
  "PropertyNameExpected",
  "ColonExpected",
  "CommaExpected",
  "CloseBraceExpected",
  "CloseBracketExpected",
  "EndOfFileExpected",
  "ValueExpected",
]);

/** The first fault inside a string token (jsonc-parser reports the token's start). */
function stringError(token: string, offset: number, text: string): JsonError {
  for (let i = 1; i < token.length; i++) {
    if (token[i] === "\\") {
      const escaped = token[i + 1] ?? "";
      if (escaped === "u") {
        for (let k = 2; k <= 5; k++) {
          if (!/[0-9a-fA-F]/.test(token[i + k] ?? "")) {
            return { offset: offset + i + k, expected: "a hexadecimal digit" };
          }
        }
      } else if (!'"\\/bfnrt'.includes(escaped) || escaped === "") {
        return { offset: offset + i + 1, expected: "a valid escape sequence" };
      }
      i += escaped === "u" ? 5 : 1;
    } else if (token.charCodeAt(i) < 0x20) {
      return {
        offset: offset + i,
        expected: "a closing quote (control characters must be escaped)",
      };
    }
  }
  // jsonc-parser ends a string token at a line break, which JSON only allows escaped.
  const end = offset + token.length;
  return end < text.length && text.charCodeAt(end) < 0x20
    ? { offset: end, expected: "a closing quote (control characters must be escaped)" }
    : { offset: end, expected: "a closing quote" };
}

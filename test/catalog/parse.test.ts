import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidValue } from "../../src/catalog/input-error.js";
import { MAX_JSON_DEPTH } from "../../src/catalog/json-depth.js";
import { parseJsonText } from "../../src/catalog/json-text.js";
import * as p from "../../src/catalog/parse.js";
import { toSitePath } from "../../src/catalog/site-url.js";

describe("JSON nesting depth", () => {
  const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
  it("accepts 1000 levels and refuses 1001, as text or as a value", () => {
    expect(p.optionalJson(nested(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
    expect(() => p.optionalJson(nested(MAX_JSON_DEPTH + 1))).toThrow(InvalidValue);
    const value = JSON.parse(nested(MAX_JSON_DEPTH)) as unknown;
    expect(p.optionalJson(value)).toBe(value);
    expect(() => p.optionalJson([value])).toThrow(/nested more than 1000 levels/);
  });

  it("counts brackets outside strings only, and refuses a cyclic value", () => {
    const inString = `["${"[{".repeat(5000)}", "a\\"${"[".repeat(5000)}\\\\"]`;
    expect(p.optionalJson(inString)).toHaveLength(2);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => p.optionalJson(cyclic)).toThrow(/nested more than 1000 levels/);
  });
});

describe("JSON with positions", () => {
  it("points at the line and column of the error", () => {
    expect(() => parseJsonText('{\n  "a": 1,\n  "b": tru\n}')).toThrow(
      /expected "true" at line 3, column 11/,
    );
    expect(() => parseJsonText('{"a": 1')).toThrow(
      /expected "," or "}" at line 1, column 8 \(found end of input\)/,
    );
  });

  it("parses what is valid to the same value JSON.stringify started from", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        // The oracle is the value the text was made from (normalised as JSON would: -0 → 0).
        expect(parseJsonText(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  // Invalid documents built so that the first error's place and the expected token are known
  // without any parser: valid items in an array (or object) over several lines, then a stray
  // character where "," or the closing bracket must come.
  it("locates the first error of a broken document: line, column, expected and found", () => {
    const stray = fc.constantFrom("?", "@", "x", "'", ";", "#");
    const separator = fc.constantFrom(" ", "\n", "\n  ", "\t");
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }),
        fc.array(separator, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        stray,
        (items, gaps, asObject, bad) => {
          const parts = items.map((item, i) =>
            asObject ? `"k${i}":${JSON.stringify(item)}` : JSON.stringify(item),
          );
          const prefix = `${asObject ? "{" : "["}${gaps[0]}${parts.join(`,${gaps[1]}`)}${gaps[2]}`;
          const text = `${prefix}${bad}${gaps[3]}${asObject ? "}" : "]"}`;
          const lines = prefix.split("\n");
          const line = lines.length;
          const column = (lines.at(-1) ?? "").length + 1;
          const expected = asObject ? '"," or "}"' : '"," or "]"';
          expect(() => parseJsonText(text)).toThrow(
            `expected ${expected} at line ${line}, column ${column} (found "${bad}")`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("says a document ends too early, at the end's line and column", () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }),
        (items) => {
          const text = `[\n${items.map((item) => JSON.stringify(item)).join(",\n")}`;
          const lines = text.split("\n");
          expect(() => parseJsonText(text)).toThrow(
            `expected "," or "]" at line ${lines.length}, column ${(lines.at(-1) ?? "").length + 1} (found end of input)`,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("names the token it expected for each kind of mistake", () => {
    const cases: [string, string][] = [
      ["[1, ]", 'expected a JSON value at line 1, column 5 (found "]")'],
      ['{"a" 1}', 'expected ":" at line 1, column 6 (found "1")'],
      ['{"a": 1,}', 'expected a property name in double quotes at line 1, column 9 (found "}")'],
      ['"abc', "expected a closing quote at line 1, column 5 (found end of input)"],
      ["[01]", 'expected "," or "]" at line 1, column 3 (found "1")'],
    ];
    for (const [text, message] of cases) expect(() => parseJsonText(text)).toThrow(message);
  });
});

describe("parsers", () => {
  it("booleans come as true/false strings", () => {
    expect(p.bool(false)("true")).toBe(true);
    expect(p.bool(true)("")).toBe(true);
    expect(p.optionalBool("FALSE")).toBe(false);
    expect(() => p.optionalBool("yes")).toThrow(InvalidValue);
  });

  it("lists from comma-separated text or value lists", () => {
    expect(p.listOf(p.optionalNumericId)(" 1, 2 ,,3")).toEqual(["1", "2", "3"]);
    expect(p.listOf(p.optionalNumericId)(["4", "5,6"])).toEqual(["4", "5", "6"]);
    expect(p.listOf(p.optionalNumericId)("")).toBeUndefined();
  });

  it("placeholders are refused wherever they are", () => {
    expect(() => p.optionalJson('{"a": [{"b": "<string>"}]}')).toThrow(/at \$\.a\[0\]\.b/);
    expect(p.optionalJson('{"a": "<strong>"}')).toEqual({ a: "<strong>" });
  });

  it("key/value lists and headers", () => {
    expect(
      p.keyValues([
        { key: "a", value: "1" },
        { key: "b", value: 2 },
      ]),
    ).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
    expect(() => p.keyValues([{ key: " ", value: "1" }])).toThrow(/without a key/);
    expect(() => p.headers([{ key: "X", value: "a\nb" }])).toThrow(/line break/);
  });
});

describe("Raw Request URL", () => {
  const site = "https://example.atlassian.net";
  it("accepts site paths and same-origin URLs", () => {
    expect(toSitePath("/wiki/api/v2/pages?limit=1", site)).toBe("/wiki/api/v2/pages?limit=1");
    expect(toSitePath(`${site}/wiki/rest/api/space`, site)).toBe("/wiki/rest/api/space");
  });
  it.each([
    "https://evil.example.com/wiki",
    "https://example.atlassian.net.evil.com/wiki",
    "//evil.example.com/wiki",
    "/\\evil.example.com",
    "/wiki/%2e%2e/x",
    "wiki/api",
    "javascript:alert(1)",
  ])("refuses %s", (url) => {
    expect(() => toSitePath(url, site)).toThrow(InvalidValue);
  });
  it("refuses absolute URLs when the site is not known", () => {
    expect(() => toSitePath(`${site}/wiki`, undefined)).toThrow(InvalidValue);
  });
});

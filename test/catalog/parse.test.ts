import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidValue } from "../../src/catalog/input-error.js";
import { MAX_JSON_DEPTH } from "../../src/catalog/json-depth.js";
import { lineAndColumn, locateJsonError, parseJsonText } from "../../src/catalog/json-text.js";
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

  it("agrees with JSON.parse on what is valid", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (!valid) {
          const { offset } = locateJsonError(text);
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(text.length);
          expect(lineAndColumn(text, offset).line).toBeGreaterThanOrEqual(1);
        } else {
          expect(parseJsonText(text)).toEqual(JSON.parse(text));
        }
      }),
      { numRuns: 300 },
    );
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

// Fault rule path patterns (issue 12, item 8): same meaning as before, matched without a
// backtracking regular expression, so a hostile pattern cannot pin the emulator's CPU.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePathPattern } from "../../src/emulator/faults/pattern.js";
import { startTestEmulator } from "../support/emulator.js";
import { client } from "./client.js";

/** The regex the emulator compiled patterns to before (the reference semantics). */
function referenceRegex(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === "*" && pattern[i + 1] === "*") {
      if (source.endsWith("/")) source = `${source.slice(0, -1)}(?:/.*)?`;
      else source += ".*";
      i++;
    } else if (char === "*") source += "[^/]*";
    else source += char.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}/?$`);
}

const HOSTILE_PATTERN = `${"/**".repeat(12)}/x`;
// 60 characters, and a route of the site (faults apply once a route matched and authenticated).
const HOSTILE_PATH = `/wiki/api/v2/spaces/${"1".repeat(40)}`;

describe("fault path patterns", () => {
  it("keeps the documented meaning of * and **", () => {
    const cases: [string, string, boolean][] = [
      ["/wiki/api/v2/pages/**", "/wiki/api/v2/pages", true],
      ["/wiki/api/v2/pages/**", "/wiki/api/v2/pages/1/properties", true],
      ["/wiki/api/v2/pages/**", "/wiki/api/v2/pagesX", false],
      ["/wiki/api/v2/spaces/*", "/wiki/api/v2/spaces/65537", true],
      ["/wiki/api/v2/spaces/*", "/wiki/api/v2/spaces/65537/pages", false],
      ["/wiki/api/v2/spaces", "/wiki/api/v2/spaces/", true],
      ["/**/properties", "/wiki/api/v2/pages/1/properties", true],
      ["/wiki/*/v2/p*s", "/wiki/api/v2/pages", true],
      ["/**", "/", true],
    ];
    for (const [pattern, path, expected] of cases) {
      expect(compilePathPattern(pattern)(path), `${pattern} ~ ${path}`).toBe(expected);
    }
  });

  it("matches exactly what the old regular expression matched", () => {
    const segment = fc.oneof(
      fc.constant("**"),
      fc.stringMatching(/^[ab*]{0,3}$/).filter((s) => !s.includes("**")),
    );
    const pattern = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join("/")}`);
    const path = fc
      .array(fc.stringMatching(/^[ab]{0,2}$/), { maxLength: 6 })
      .map((parts) => `/${parts.join("/")}`);
    fc.assert(
      fc.property(pattern, path, (p, s) => {
        expect(compilePathPattern(p)(s), `${p} ~ ${s}`).toBe(referenceRegex(p).test(s));
      }),
      { numRuns: 1000 },
    );
  });

  it("answers the pattern that took 65 s as a regex, and far bigger ones (bounded work)", () => {
    expect(compilePathPattern(HOSTILE_PATTERN)(HOSTILE_PATH)).toBe(false);
    const huge = `${"/**/*a*".repeat(60)}/x`.slice(0, 500);
    expect(compilePathPattern(huge)(`/${"a".repeat(8000)}`)).toBe(false);
    expect(compilePathPattern(huge)("/a".repeat(4000))).toBe(false);
  });

  it("refuses ** inside a segment instead of guessing", () => {
    expect(() => compilePathPattern("/wiki**")).toThrow(/whole path segment/);
  });
});

describe("a hostile fault rule posted to the emulator", () => {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
  beforeAll(async () => {
    emulator = await startTestEmulator({ conformance: "off", seed: "empty" });
  });
  afterAll(() => emulator.close());

  it("does not block requests", async () => {
    const call = client(emulator.url);
    // Within one segment: `[^/]*1` twelve times took minutes against 40 "1"s as a regex.
    const set = await call("/__emulator/faults", {
      method: "POST",
      body: { rules: [{ path: `/wiki/api/v2/spaces/${"*1".repeat(12)}x`, error: { rate: 1 } }] },
    });
    expect(set.status).toBe(200);
    expect((await call(HOSTILE_PATH)).status).toBe(400);
    expect((await call("/__emulator/faults")).body.rules[0].stats.matched).toBe(0);
    expect((await call("/wiki/api/v2/spaces")).status).toBe(200);
  });

  it("answers 400 naming the field for ** inside a segment", async () => {
    const set = await client(emulator.url)("/__emulator/faults", {
      method: "POST",
      body: { rules: [{ path: "/wiki**" }] },
    });
    expect(set.status).toBe(400);
    expect(set.body.error).toMatch(/rules\[0\]\.path/);
  });
});

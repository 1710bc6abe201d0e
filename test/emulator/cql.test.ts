// CQL: the grammar (fields, operators, AND/OR/NOT, parentheses, IN lists, functions, ORDER BY)
// and the evaluator over documents, including dates relative to a fixed "now".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CqlDocument,
  CqlSyntaxError,
  compileCql,
  parseCql,
} from "../../src/emulator/cql/index.js";

const NOW = new Date("2026-03-18T15:30:00Z"); // a Wednesday
const ctx = { now: NOW, currentUserId: "user-1" };

function doc(partial: Partial<CqlDocument> & { id: string }): CqlDocument {
  return {
    type: "page",
    spaceKey: "ENG",
    spaceType: "global",
    title: "",
    text: "",
    labels: [],
    ancestorIds: [],
    parentId: undefined,
    containerId: undefined,
    creatorId: "user-1",
    contributorIds: ["user-1"],
    created: new Date("2026-01-01T00:00:00Z"),
    lastModified: new Date("2026-01-01T00:00:00Z"),
    ...partial,
  };
}

const DOCS: CqlDocument[] = [
  doc({
    id: "1",
    title: "Engineering Home",
    text: "Welcome to the engineering space",
    labels: ["home"],
  }),
  doc({
    id: "2",
    title: "Architecture overview",
    text: "The emulator design and the cursor format",
    parentId: "1",
    ancestorIds: ["1"],
    labels: ["design", "architecture"],
    created: new Date("2026-03-18T09:00:00Z"),
    lastModified: new Date("2026-03-18T10:00:00Z"),
  }),
  doc({
    id: "3",
    title: "Cursor format",
    text: "Opaque base64 cursors",
    parentId: "2",
    ancestorIds: ["1", "2"],
    creatorId: "user-2",
    contributorIds: ["user-2", "user-1"],
    created: new Date("2026-03-17T12:00:00Z"),
    lastModified: new Date("2026-03-17T12:00:00Z"),
  }),
  doc({ id: "4", type: "blogpost", title: "Release notes", spaceKey: "ARCH", labels: ["release"] }),
  doc({
    id: "5",
    type: "attachment",
    title: "diagram.png",
    parentId: "2",
    ancestorIds: ["1", "2"],
  }),
];

const ids = (cql: string) => {
  const compiled = compileCql(parseCql(cql), ctx);
  return DOCS.filter(compiled.matches)
    .sort(compiled.compare)
    .map((d) => d.id);
};

describe("CQL search", () => {
  it.each([
    ["type = page", ["1", "2", "3"]],
    ["type != page", ["4", "5"]],
    ["type in (blogpost, attachment)", ["4", "5"]],
    ["TYPE = PAGE and SPACE = ENG", ["1", "2", "3"]],
    ['space = "ARCH"', ["4"]],
    ["space not in (ENG)", ["4"]],
    ['title = "cursor format"', ["3"]],
    ['title ~ "architect*"', ["2"]],
    ['title ~ "cursor"', ["3"]],
    ['text ~ "emulator design"', ["2"]],
    ['text ~ "base64"', ["3"]],
    ['text !~ "cursor" and type = page', ["1"]],
    ["label = design", ["2"]],
    ["label in (home, release)", ["1", "4"]],
    ["ancestor = 1", ["2", "3", "5"]],
    ["parent = 2", ["3", "5"]],
    ["id = 3 or content = 4", ["3", "4"]],
    ["creator = user-2", ["3"]],
    ["creator = currentUser() and type = page", ["1", "2"]],
    ["contributor = user-1 and type = page", ["1", "2", "3"]],
    ["not (type = page) and not label = release", ["5"]],
    ["created >= startOfDay() ", ["2"]],
    ['created > now("-1d")', ["2"]],
    ['created >= startOfDay("-1d") and created < startOfDay()', ["3"]],
    ['created = "2026-03-17"', ["3"]],
    ['created > "2026/03/17 12:00"', ["2"]],
    ['lastmodified < "2026-02-01"', ["1", "4", "5"]],
    ["created >= startOfWeek() and created <= endOfWeek()", ["2", "3"]],
    ["created >= startOfMonth()", ["2", "3"]],
    ["created >= startOfYear() and created <= endOfYear()", ["1", "2", "3", "4", "5"]],
    ["type = page order by title", ["2", "3", "1"]],
    ["type = page order by created desc, title", ["2", "3", "1"]],
    ["ancestor = 1 AND (label = design OR creator = user-2) ORDER BY id DESC", ["3", "2"]],
  ])("%s", (cql, expected) => {
    expect(ids(cql)).toEqual(expected);
  });

  it.each([
    ["", /required but was empty/],
    ["type = page AND", /Could not parse cql : type = page AND/],
    ["type page", /Could not parse cql/],
    ['title ~ "unclosed', /Could not parse cql/],
    ["(type = page", /Could not parse cql/],
    ["colour = red", /field "colour" is not supported/],
    ["label ~ design", /operator "~" is not supported for field "label"/],
    ["text = x", /operator "=" is not supported for field "text"/],
    ['created > "yesterday"', /Invalid date "yesterday"/],
    ['created > now("-1x")', /Invalid date increment/],
    ["created > later()", /Unknown date function later\(\)/],
    ["type = page order by colour", /Cannot order by "colour"/],
  ])("refuses %j", (cql, message) => {
    const attempt = () => compileCql(parseCql(cql), ctx);
    expect(attempt).toThrow(CqlSyntaxError);
    expect(attempt).toThrow(message);
  });

  it("quoted values keep any character, with backslash escapes", () => {
    const query = parseCql(String.raw`title = "a \"quoted\" (title) AND x" or title = 'it\'s'`);
    expect(query.where).toMatchObject({
      kind: "or",
      left: { values: [{ kind: "text", text: 'a "quoted" (title) AND x' }] },
      right: { values: [{ kind: "text", text: "it's" }] },
    });
  });

  it("AND binds tighter than OR, NOT tighter than AND", () => {
    expect(parseCql("a = 1 or b = 2 and not c = 3").where).toMatchObject({
      kind: "or",
      right: { kind: "and", right: { kind: "not" } },
    });
  });

  it("a quoted title always finds the document it came from", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (title) => {
        const quoted = `"${title.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
        const compiled = compileCql(parseCql(`title = ${quoted}`), ctx);
        expect(compiled.matches(doc({ id: "9", title }))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// Search Content's query: CQL, plain text and filters joined with AND, the ORDER BY kept last,
// text quoted as a CQL string (the emulator's CQL parser reads back exactly the words given).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchQuery, splitOrderBy } from "../../src/catalog/cql.js";
import { InputError } from "../../src/catalog/index.js";
import { parseCql } from "../../src/emulator/cql/index.js";

const none = { cql: undefined, text: undefined, spaceKey: undefined, contentType: undefined };

describe("Search Content query", () => {
  it("joins the inputs with AND and keeps ORDER BY at the end", () => {
    expect(searchQuery({ ...none, cql: "type = page" })).toBe("(type = page)");
    expect(
      searchQuery({
        cql: "label = x ORDER BY created DESC",
        text: "hello",
        spaceKey: "ENG",
        contentType: "page",
      }),
    ).toBe(
      '(label = x) AND text ~ "hello" AND space = "ENG" AND type = page ORDER BY created DESC',
    );
    expect(searchQuery({ ...none, text: 'say "hi" \\o/' })).toBe('text ~ "say \\"hi\\" \\\\o/"');
  });

  it("refuses a search with nothing to search for, naming the input", () => {
    expect(() => searchQuery(none)).toThrow(InputError);
    expect(() => searchQuery(none)).toThrow(/"CQL": or Text is required/);
  });

  it("does not mistake ORDER BY inside a quoted value for the ordering", () => {
    expect(splitOrderBy('title ~ "order by me" order by title')).toEqual({
      where: 'title ~ "order by me"',
      orderBy: "order by title",
    });
    expect(splitOrderBy('title = "a order by b"')).toEqual({
      where: 'title = "a order by b"',
      orderBy: undefined,
    });
  });

  it("quotes any text so that CQL reads back the same words", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (text) => {
        const query = parseCql(searchQuery({ ...none, text }));
        expect(query.where).toEqual({
          kind: "clause",
          field: "text",
          op: "~",
          values: [{ kind: "text", text }],
        });
      }),
      { numRuns: 300 },
    );
  });
});

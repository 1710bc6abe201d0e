// The generated reference page reproduces every connection, action, input label, comment and
// default of the specification, identically and in the same order.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDocs } from "../../scripts/docs.js";
import { actions, connections } from "../../src/catalog/index.js";
import { parseSections, specAvailable, specSections } from "./spec-tables.js";

const spec = specSections();
const generated = parseSections(renderDocs());

describe("generated docs vs specification", () => {
  it.skipIf(!specAvailable)("has the specification's connections and actions, in its order", () => {
    const specified = (kind: string) => spec.filter((s) => s.kind === kind);
    expect(connections).toHaveLength(specified("connection").length);
    const ours = Object.values(actions).filter((action) => !action.beyondSpecification);
    expect(ours).toHaveLength(specified("action").length);
    expect(generated.filter((s) => s.kind !== "extra").map((s) => s.label)).toEqual(
      spec.map((s) => s.label),
    );
  });

  // One test per section of ours, each skipped (the reason is printed once) where the
  // specification page is absent; otherwise a section missing from it fails.
  const specified = generated.filter((s) => s.kind !== "extra").map((s) => s.label);
  it.skipIf(!specAvailable).each(specified)("%s matches the specification", (label) => {
    const section = spec.find((s) => s.label === label);
    expect(section, `"${label}" is not a section of the specification`).toBeDefined();
    if (section === undefined) return;
    const ours = generated.find((s) => s.label === label);
    expect(ours?.description).toBe(section.description);
    // Every specification row appears, identical, in the same relative order; rows we added
    // (e.g. Fetch All) may sit in between.
    const ourRows = ours?.rows ?? [];
    let cursor = 0;
    for (const row of section.rows) {
      const index = ourRows.findIndex((r, i) => i >= cursor && r.input === row.input);
      expect(index, `input "${row.input}"`).toBeGreaterThanOrEqual(0);
      expect(ourRows[index]).toEqual(row);
      cursor = index + 1;
    }
  });

  it("docs/confluence.md is up to date (run `npm run docs`)", () => {
    expect(readFileSync("docs/confluence.md", "utf8")).toBe(renderDocs());
  });

  it("notes that the GraphQL debug log never includes auth headers", () => {
    const docs = renderDocs();
    expect(docs).toMatch(
      /When true, the entire request and response \(including auth headers\) will be logged out\./,
    );
    expect(docs).toMatch(/Note on Debug Request:.*always redacted/);
  });
});

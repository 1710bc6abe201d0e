// Actions beyond the specification, run from the catalog against the emulator (every exchange
// validated against Atlassian's OpenAPI documents).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { runCatalogAction } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

describe("Get Page by Title", () => {
  it("finds the page by space key and exact title, with its body", async () => {
    const output = await runCatalogAction(emulator, "getPageByTitle", {
      spaceKey: DEMO_IDS.spaces.engineering.key,
      title: "Architecture",
      bodyFormat: "storage",
    });
    expect(output.data).toMatchObject({
      id: DEMO_IDS.pages.architecture,
      title: "Architecture",
      body: { storage: { representation: "storage" } },
    });
  });

  it("says what is missing when no space has the key or no page the title", async () => {
    await expect(
      runCatalogAction(emulator, "getPageByTitle", { spaceKey: "NOPE", title: "Architecture" }),
    ).rejects.toMatchObject({ name: "NotFoundError", message: 'No space has the key "NOPE".' });
    await expect(
      runCatalogAction(emulator, "getPageByTitle", {
        spaceKey: DEMO_IDS.spaces.engineering.key,
        title: "architecture",
      }),
    ).rejects.toMatchObject({ name: "NotFoundError", message: /titled "architecture"/ });
  });
});

describe("Search Content", () => {
  it("searches with CQL and text, page by page with the cursor", async () => {
    const first = (await runCatalogAction(emulator, "searchContent", {
      cql: "type = page ORDER BY id",
      spaceKey: DEMO_IDS.spaces.engineering.key,
      limit: "2",
    })) as { data: { results: { content: { id: string } }[]; nextCursor?: string } };
    expect(first.data.results).toHaveLength(2);
    expect(first.data.nextCursor).toEqual(expect.any(String));
    const second = (await runCatalogAction(emulator, "searchContent", {
      cql: "type = page ORDER BY id",
      spaceKey: DEMO_IDS.spaces.engineering.key,
      limit: "2",
      cursor: first.data.nextCursor,
    })) as { data: { results: { content: { id: string } }[] } };
    const ids = [...first.data.results, ...second.data.results].map((r) => Number(r.content.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    const all = (await runCatalogAction(emulator, "searchContent", {
      text: "architecture",
      fetchAll: "true",
    })) as { data: { results: { title: string }[] } };
    expect(all.data.results.map((r) => r.title)).toContain("Architecture");
  });

  it("reports Confluence's 400 for CQL it cannot parse", async () => {
    await expect(
      runCatalogAction(emulator, "searchContent", { cql: "type = page AND" }),
    ).rejects.toMatchObject({ name: "ConfluenceApiError", status: 400 });
  });
});

// Ambiguous writes through the catalog's actions: a connection dropped after Confluence applied
// the write must end in the object that was created/updated (found by title, key or version),
// a drop before it in one safe re-send, and an unresolvable case in a named outcome-unknown error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfluenceOutcomeUnknownError, createPageSafely } from "../../src/core/index.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { runCatalogAction } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { auditClient, clearFaults, fastClient, setFaults } from "./support.js";

const SPACE = DEMO_IDS.spaces.engineering.id;
let emulator: RunningEmulator;

beforeAll(async () => {
  // Strict conformance: the only faults here are dropped connections, which leave no response
  // to check, and every request the writes and their resolutions send must follow the spec.
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await clearFaults(emulator);
});

const run = (key: string, inputs: Record<string, unknown>) =>
  runCatalogAction(emulator, key, inputs);

async function pagesTitled(title: string): Promise<{ id: string }[]> {
  const client = auditClient(emulator);
  const page = await client.listPage<{ id: string }>("/pages", {
    query: { "space-id": SPACE, title },
  });
  await client.close();
  return page.results;
}

describe("Create Page / Update Page", () => {
  it("returns the page created by a POST whose answer was lost", async () => {
    await setFaults(emulator, { rules: [{ method: "POST", resetAfter: { rate: 1 }, times: 1 }] });
    const out = await run("createPage", {
      spaceId: SPACE,
      status: "current",
      title: "Lost answer",
      body: JSON.stringify({ representation: "storage", value: "<p>lost</p>" }),
    });
    const created = out.data as { id: string; title: string };
    expect(created.title).toBe("Lost answer");
    expect((await pagesTitled("Lost answer")).map((p) => p.id)).toEqual([created.id]);
  });

  it("re-sends once when the POST never reached the handler", async () => {
    await setFaults(emulator, { rules: [{ method: "POST", resetBefore: { rate: 1 }, times: 1 }] });
    const out = await run("createPage", {
      spaceId: SPACE,
      status: "current",
      title: "Dropped early",
    });
    expect((await pagesTitled("Dropped early")).map((p) => p.id)).toEqual([
      (out.data as { id: string }).id,
    ]);
  });

  it("resolves a lost PUT from the version number, without a doubled update", async () => {
    const created = (
      await run("createPage", { spaceId: SPACE, status: "current", title: "Versioned" })
    ).data as { id: string };
    await setFaults(emulator, { rules: [{ method: "PUT", resetAfter: { rate: 1 }, times: 1 }] });
    const out = await run("updatePage", {
      pageId: created.id,
      status: "current",
      title: "Versioned",
      body: JSON.stringify({ representation: "storage", value: "<p>v2</p>" }),
      version: JSON.stringify({ number: 2 }),
    });
    expect((out.data as { version: { number: number } }).version.number).toBe(2);
  });

  it("reports a draft create it cannot check as outcome unknown, naming what to check", async () => {
    await setFaults(emulator, { rules: [{ method: "POST", resetAfter: { rate: 1 }, times: 1 }] });
    const { client } = fastClient(emulator);
    const error = await createPageSafely(client, {
      body: { spaceId: SPACE, status: "draft", title: "Draft idea" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOutcomeUnknownError);
    expect((error as Error).message).toContain(
      `Check whether space ${SPACE} has a page titled "Draft idea"`,
    );
    await client.close();
  });
});

describe("content properties", () => {
  it("returns the property created by a lost POST, and resolves a lost PUT", async () => {
    const pageId = DEMO_IDS.pages.runbooks;
    await setFaults(emulator, {
      rules: [{ method: ["POST", "PUT"], resetAfter: { rate: 1 }, times: 1 }],
    });
    const created = (
      await run("createContentPropertyForPage", {
        pageId,
        bodyData: JSON.stringify({ key: "lost-key", value: { a: 1 } }),
      })
    ).data as { id: string; key: string; version: { number: number } };
    expect(created).toMatchObject({ key: "lost-key", version: { number: 1 } });
    await setFaults(emulator, { rules: [{ method: "PUT", resetAfter: { rate: 1 }, times: 1 }] });
    const updated = (
      await run("updateContentPropertyForPage", {
        pageId,
        propertyId: created.id,
        bodyData: JSON.stringify({ key: "lost-key", value: { a: 2 }, version: { number: 2 } }),
      })
    ).data as { value: unknown; version: { number: number } };
    expect(updated).toMatchObject({ value: { a: 2 }, version: { number: 2 } });
  });
});

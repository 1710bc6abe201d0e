// "Fetch All" starts at "Cursor" when one is given and refuses to collect more than "Max Items"
// (at most FETCH_ALL_MAX_ITEMS), pointing at Limit/Cursor paging instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, InputError } from "../../src/catalog/index.js";
import { FETCH_ALL_MAX_ITEMS } from "../../src/catalog/inputs.js";
import { FetchAllLimitError, type ListOutput } from "../../src/catalog/request.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { EMULATOR_RUNTIME, runCatalogAction } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { lastSeq, requestsSince } from "../support/emulator-requests.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await EMULATOR_RUNTIME.close();
  await emulator.close();
});

const listPages = async (params: Record<string, unknown>) => {
  const output = await runCatalogAction(emulator, "listPages", params);
  return output.data as ListOutput;
};
const ids = (list: ListOutput) => list.results.map((item) => (item as { id: string }).id);

describe("Fetch All", () => {
  it("collects every page, starting from Cursor when one is given", async () => {
    const everything = ids(await listPages({ limit: "250" }));
    expect(everything.length).toBeGreaterThan(4);
    const all = await listPages({ limit: "2", fetchAll: "true" });
    expect(ids(all)).toEqual(everything);
    expect(all.nextCursor).toBeUndefined();

    const first = await listPages({ limit: "2" });
    expect(first.nextCursor).toBeDefined();
    const rest = await listPages({ limit: "2", fetchAll: "true", cursor: first.nextCursor });
    expect(ids(rest)).toEqual(everything.slice(2));
  });

  it("fails past Max Items with a message that points at Limit/Cursor paging", async () => {
    const total = ids(await listPages({ limit: "250" })).length;
    const exact = await listPages({ limit: "2", fetchAll: "true", maxItems: String(total) });
    expect(exact.results).toHaveLength(total);

    const since = await lastSeq(emulator.url);
    const error = await listPages({ limit: "2", fetchAll: "true", maxItems: "3" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FetchAllLimitError);
    expect((error as Error).message).toMatch(/more than 3 items.*"Limit" and "Cursor"/);
    // It stopped at the page holding the 4th item instead of reading the whole list.
    const pagesRead = (await requestsSince(emulator.url, since)).length;
    expect(pagesRead).toBe(2);
  });

  it("caps Max Items at FETCH_ALL_MAX_ITEMS and validates it", async () => {
    await expect(
      listPages({ fetchAll: "true", maxItems: String(FETCH_ALL_MAX_ITEMS + 1) }),
    ).rejects.toThrow(InputError);
    await expect(listPages({ fetchAll: "true", maxItems: "0" })).rejects.toMatchObject({
      label: "Max Items",
    });
    expect(actions.listPages?.inputs.maxItems?.default).toBe(String(FETCH_ALL_MAX_ITEMS));
  });
});

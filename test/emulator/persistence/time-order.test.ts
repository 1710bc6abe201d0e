// The time indexes (created / lastmodified order, which CQL `ORDER BY` and the New and Updated
// Pages trigger read) are rebuilt after a restart that replays the journal: pages created and
// edited since the last snapshot come back in order, each once.
import { describe, expect, it } from "vitest";
import { startTestEmulator } from "../../support/emulator.js";
import { callAt, createPage, dataDirs } from "./support.js";

const dataDir = dataDirs();
const ORDERED = encodeURIComponent("type = page ORDER BY lastmodified DESC");

async function newestTitles(call: ReturnType<typeof callAt>): Promise<string[]> {
  const reply = await call(`/wiki/rest/api/search?cql=${ORDERED}&limit=3`);
  expect(reply.status).toBe(200);
  return (reply.body.results as { content: { title: string } }[]).map((r) => r.content.title);
}

describe("time order after a journal replay", () => {
  it("lists journaled pages newest first, each once, and keeps ordering later writes", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const call = callAt(first.url);
    const older = await createPage(call, "Journaled older");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await createPage(call, "Journaled newer");
    const before = await newestTitles(call);
    expect(before.slice(0, 2)).toEqual(["Journaled newer", "Journaled older"]);
    await first.close();

    const second = await startTestEmulator({ dataDir: dir });
    const again = callAt(second.url);
    expect(await newestTitles(again)).toEqual(before);
    // A write after the restart moves the older page to the front (the index holds the live
    // records, not copies).
    const edited = await again(`/wiki/api/v2/pages/${older.id}`, {
      method: "PUT",
      body: {
        id: older.id,
        status: "current",
        title: "Journaled older, edited",
        body: { representation: "storage", value: "<p>edited</p>" },
        version: { number: 2 },
      },
    });
    expect(edited.status).toBe(200);
    const after = await newestTitles(again);
    expect(after.slice(0, 2)).toEqual(["Journaled older, edited", "Journaled newer"]);
    await second.close();
  });
});

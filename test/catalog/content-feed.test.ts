// The creation-date feed of "New Comments" and "New Blog Posts" (ORDER BY created DESC,
// `expand=content.history`), run on pages: the emulator holds no comments or blog posts yet, and
// the code path is the same but for the `type` clause. Also: an edit is not a creation.
import { afterAll, beforeAll, expect, it } from "vitest";
import { contentFeed } from "../../src/catalog/triggers/feeds.js";
import { pollFeed } from "../../src/catalog/triggers/poller.js";
import { basicAuth, createConfluenceClient } from "../../src/core/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { createPage, editPage } from "../component/trigger-support.js";
import { startTestEmulator } from "../support/emulator.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: "demo" });
});
afterAll(async () => {
  await emulator.close();
});

it("delivers new content once, and not the edits of existing content", async () => {
  const client = createConfluenceClient({
    host: emulator.url,
    auth: basicAuth(emulator.credentials),
    allowLoopbackHttp: true,
  });
  const feed = contentFeed(client, 'type = page AND space = "ENG"', "created", false);
  const base = await pollFeed(feed, undefined);
  expect(base.events).toEqual([]);
  const created = await createPage(emulator.url, DEMO_IDS.spaces.engineering.id, "Brand new");
  await editPage(emulator.url, DEMO_IDS.pages.runbooks);
  const first = await pollFeed(feed, base.state);
  const ids = first.events.map((e) => (e as { content: { id: string } }).content.id);
  expect(ids).toEqual([created.id]);
  // An edit of the new page is not a new page.
  await editPage(emulator.url, created.id);
  expect((await pollFeed(feed, first.state)).events).toEqual([]);
  await client.close();
});

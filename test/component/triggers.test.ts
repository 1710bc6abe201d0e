// Polling triggers through the component against the emulator: a baseline without replay, cost
// per poll in requests (the emulator's request log) on a large generated space, edits within the
// same second, content created while a poll runs, and a long sequence with no miss and no
// duplicate. (Client clock skew: triggers-clock.test.ts; the detector's edge cases, state
// pruning and unstable pages: test/catalog/poller.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { startTestEmulator } from "../support/emulator.js";
import { lastSeq, requestsSince } from "../support/emulator-requests.js";
import { createPage, editPage, eventKey, pollingFlow } from "./trigger-support.js";

// 2,000 generated pages: the emulator answers a search over 100,000 in ~2 s, too slow for a
// suite of many polls; the request count per poll does not depend on the size (npm run bench
// measures the 100,000-page site).
const GENERATED = 2_000;
let emulator: RunningEmulator;
let url = "";
let genSpaceId = "";
/** Called on every exchange the emulator serves (set by a test, reset after). */
let onSearch: (() => void) | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: "demo",
    generate: { pages: GENERATED, spaceKey: "GEN" },
    onExchange: (exchange) => {
      if (exchange.path.startsWith("/wiki/rest/api/search")) onSearch?.();
    },
  });
  url = emulator.url;
  const spaces = await fetch(`${url}/wiki/api/v2/spaces?keys=GEN`, {
    headers: {
      authorization: `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`,
    },
  });
  genSpaceId = ((await spaces.json()) as { results: { id: string }[] }).results[0]?.id ?? "";
}, 60_000);
afterAll(async () => {
  await emulator.close();
});

async function generatedPageIds(count: number): Promise<string[]> {
  const response = await fetch(`${url}/wiki/api/v2/spaces/${genSpaceId}/pages?limit=${count}`, {
    headers: {
      authorization: `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`,
    },
  });
  return ((await response.json()) as { results: { id: string }[] }).results.map((p) => p.id);
}

/** Requests a poll sent, read from the emulator's log. */
async function counted<T>(run: () => Promise<T>) {
  const since = await lastSeq(url);
  const result = await run();
  const requests = await requestsSince(url, since);
  return { result, requests };
}

describe("New and Updated Pages", () => {
  it("records a baseline on the first poll without replaying history, in one request", async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages");
    const { result, requests } = await counted(() => flow.poll());
    expect(result.events).toEqual([]);
    expect(result.polledNoChanges).toBe(true);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "GET", path: "/wiki/rest/api/search" });
    expect(requests[0]?.query.cql).toBe("type = page ORDER BY lastmodified DESC");
    expect(flow.state()).toMatchObject({ v: 1, from: expect.any(Number) });
    // Nothing changed: nothing delivered.
    expect((await flow.poll()).events).toEqual([]);
  });

  it(`delivers 10 changes among ${GENERATED.toLocaleString("en")} pages with at most 2 requests per poll`, async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages");
    await flow.poll();
    const existing = await generatedPageIds(5);
    const edited = await Promise.all(existing.map((id) => editPage(url, id)));
    const created = [];
    for (let n = 0; n < 5; n += 1) created.push(await createPage(url, genSpaceId, `Ten ${n}`));
    const { result, requests } = await counted(() => flow.poll());
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(result.events.map(eventKey).sort()).toEqual(
      [...edited, ...created].map((p) => `${p.id}@${p.version.number}`).sort(),
    );
    // Oldest first.
    const times = result.events.map((e) => Date.parse(String(e.lastModified)));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const again = await counted(() => flow.poll());
    expect(again.result.events).toEqual([]);
    expect(again.requests.length).toBeLessThanOrEqual(2);
  });

  it("delivers a burst larger than a search page: the newest page, then oldest first", async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages");
    await flow.poll();
    const ids = await generatedPageIds(150);
    const edited = [];
    for (const id of ids) edited.push(await editPage(url, id));
    const { result, requests } = await counted(() => flow.poll());
    expect(result.events.map(eventKey).sort()).toEqual(
      edited.map((p) => `${p.id}@${p.version.number}`).sort(),
    );
    // 1 newest-first page + 2 oldest-first pages of 100.
    expect(requests).toHaveLength(3);
    expect(requests[1]?.query.cql).toMatch(
      /^type = page AND lastmodified >= now\("-\d+m"\) ORDER BY lastmodified ASC$/,
    );
    expect((await flow.poll()).events).toEqual([]);
  });

  it("delivers every version of several edits within the same second, each once", async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages");
    await flow.poll();
    const [id] = await generatedPageIds(1);
    const delivered: string[] = [];
    // Edits and polls in quick succession: all within a second or two, so timestamps alone
    // (second or minute precision) cannot tell them apart; versions can.
    for (let round = 0; round < 4; round += 1) {
      const page = await editPage(url, id ?? "");
      const { events } = await flow.poll();
      expect(events.map(eventKey)).toEqual([`${id}@${page.version.number}`]);
      delivered.push(...events.map(eventKey));
    }
    // Two edits between polls: one event, the latest version.
    await editPage(url, id ?? "");
    const last = await editPage(url, id ?? "");
    expect((await flow.poll()).events.map(eventKey)).toEqual([`${id}@${last.version.number}`]);
    expect(new Set(delivered).size).toBe(delivered.length);
  });

  it("delivers a page created while a poll runs in the next poll, once", async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages");
    await flow.poll();
    let creation: Promise<{ id: string }> | undefined;
    onSearch = () => {
      // The first search has been answered; the poll has not finished.
      creation ??= createPage(url, genSpaceId, "Created during a poll");
    };
    const delivered: string[] = [];
    try {
      delivered.push(...(await flow.poll()).events.map(eventKey));
    } finally {
      onSearch = undefined;
    }
    const page = await creation;
    // Delivered by this poll when a later request of it saw the page (the window held more than
    // a page of recent changes), else by the next one; once either way.
    delivered.push(...(await flow.poll()).events.map(eventKey));
    delivered.push(...(await flow.poll()).events.map(eventKey));
    expect(delivered).toEqual([`${page?.id}@1`]);
  });

  it("misses nothing and repeats nothing over a sequence of polls", async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages");
    await flow.poll();
    const pool = await generatedPageIds(30);
    const delivered = new Map<string, number[]>();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 12; round += 1) {
      const latest = new Map<string, number>();
      for (let op = random(6); op > 0; op -= 1) {
        const page =
          random(3) === 0
            ? await createPage(url, genSpaceId, `Sequence ${round}.${op}`)
            : await editPage(url, pool[random(pool.length)] ?? "");
        latest.set(page.id, page.version.number);
        if (page.version.number === 1) pool.push(page.id);
      }
      const { events } = await flow.poll();
      const got = new Map(events.map((e) => eventKey(e).split("@") as [string, string]));
      // Every page changed since the last poll, at its latest version; nothing else.
      expect(Object.fromEntries(got)).toEqual(
        Object.fromEntries([...latest].map(([id, v]) => [id, String(v)])),
      );
      for (const [id, version] of got) {
        const versions = delivered.get(id) ?? [];
        expect(versions).not.toContain(Number(version));
        delivered.set(id, [...versions, Number(version)]);
      }
    }
  });

  it("keeps to one space and a CQL filter", async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages", {
      spaceKey: "ENG",
      cqlFilter: 'title ~ "filtered"',
    });
    const { requests } = await counted(() => flow.poll());
    expect(requests[0]?.query.cql).toBe(
      'type = page AND space = "ENG" AND (title ~ "filtered") ORDER BY lastmodified DESC',
    );
    const inEng = await createPage(url, DEMO_IDS.spaces.engineering.id, "A filtered page");
    await createPage(url, DEMO_IDS.spaces.engineering.id, "Another page");
    await createPage(url, genSpaceId, "A filtered page elsewhere");
    expect((await flow.poll()).events.map(eventKey)).toEqual([`${inEng.id}@1`]);
  });

  it("refuses a CQL filter with ORDER BY, naming the input, before any request", async () => {
    const flow = pollingFlow(url, "newAndUpdatedPages", { cqlFilter: "label = x ORDER BY title" });
    const { result, requests } = await counted(() => flow.poll().catch((error: Error) => error));
    expect(String(result)).toMatch(/CQL Filter.*ORDER BY/);
    expect(requests).toEqual([]);
  });
});

describe("New Blog Posts, New Comments, New Spaces", () => {
  // The emulator holds no blog posts or comments yet, and no endpoint creates a space: these
  // polls are checked for their query and their baseline; the detection itself is the same
  // code as New and Updated Pages (the created-date feed: test/catalog/poller.test.ts).
  it.each([
    ["newBlogPosts", "type = blogpost ORDER BY created DESC"],
    ["newComments", "type = comment ORDER BY created DESC"],
  ])("%s searches by creation date, newest first", async (key, cql) => {
    const flow = pollingFlow(url, key);
    const { result, requests } = await counted(() => flow.poll());
    expect(result.events).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.query).toMatchObject({ cql, expand: "content.history" });
    expect((await flow.poll()).events).toEqual([]);
  });

  it("New Spaces lists spaces by descending id and delivers nothing on its baseline", async () => {
    const flow = pollingFlow(url, "newSpaces");
    const { result, requests } = await counted(() => flow.poll());
    expect(result.events).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ path: "/wiki/api/v2/spaces", query: { sort: "-id" } });
    expect((await flow.poll()).events).toEqual([]);
  });
});

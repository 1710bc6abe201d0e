// The New Comments, New Blog Posts and New Spaces triggers through the component against the
// emulator: CQL `type = comment` / `type = blogpost` ordered by created, and v2 spaces by id.
// Each: a first poll records a baseline, a later poll delivers what was created since, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { startTestEmulator } from "../support/emulator.js";
import { call, pollingFlow } from "./trigger-support.js";

let emulator: RunningEmulator;
let url = "";

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: "demo" });
  url = emulator.url;
});
afterAll(async () => {
  await emulator.close();
});

const post = <T>(path: string, body: unknown) => call<T>(url, "POST", path, body);

const storage = (value: string) => ({ representation: "storage", value });
const contentIds = (events: Record<string, unknown>[]) =>
  events.map((event) => (event.content as { id: string }).id);

describe("New Comments", () => {
  it("delivers footer and inline comments created since the last poll, once", async () => {
    const flow = pollingFlow(url, "newComments");
    const baseline = await flow.poll();
    expect(baseline.events).toEqual([]);
    const pageId = DEMO_IDS.pages.architecture;
    const footer = await post<{ id: string }>("/wiki/api/v2/footer-comments", {
      pageId,
      body: storage("<p>Looks good</p>"),
    });
    const inline = await post<{ id: string }>("/wiki/api/v2/inline-comments", {
      pageId,
      body: storage("<p>Typo here</p>"),
      inlineCommentProperties: {
        textSelection: "Architecture",
        textSelectionMatchCount: 1,
        textSelectionMatchIndex: 0,
      },
    });
    const { events } = await flow.poll();
    expect(contentIds(events).sort()).toEqual([footer.id, inline.id].sort());
    expect(events[0]).toMatchObject({ content: { type: "comment" }, entityType: "content" });
    expect((await flow.poll()).events).toEqual([]);
  });

  it("narrows to one space with the Space Key input", async () => {
    const flow = pollingFlow(url, "newComments", { spaceKey: "ARCH" });
    await flow.poll();
    await post("/wiki/api/v2/footer-comments", {
      pageId: DEMO_IDS.pages.architecture,
      body: storage("<p>Elsewhere</p>"),
    });
    expect((await flow.poll()).events).toEqual([]);
  });
});

describe("New Blog Posts", () => {
  it("delivers blog posts created since the last poll, once, and not pages", async () => {
    const flow = pollingFlow(url, "newBlogPosts");
    expect((await flow.poll()).events).toEqual([]);
    const spaceId = DEMO_IDS.spaces.engineering.id;
    const posts = [];
    for (const title of ["Release 1.0", "Release 1.1"]) {
      posts.push(
        await post<{ id: string }>("/wiki/api/v2/blogposts", {
          spaceId,
          status: "current",
          title,
          body: storage(`<p>${title}</p>`),
        }),
      );
    }
    await post("/wiki/api/v2/pages", {
      spaceId,
      status: "current",
      title: "Not a blog post",
      body: storage("<p>page</p>"),
    });
    const { events } = await flow.poll();
    expect(contentIds(events)).toEqual(posts.map((p) => p.id));
    expect(events[0]).toMatchObject({ content: { type: "blogpost" } });
    expect((await flow.poll()).events).toEqual([]);
  });
});

describe("New Spaces", () => {
  it("delivers a space created with POST /spaces since the last poll, once", async () => {
    const flow = pollingFlow(url, "newSpaces");
    expect((await flow.poll()).events).toEqual([]);
    const space = await post<{ id: string; key: string }>("/wiki/api/v2/spaces", {
      name: "Trigger Space",
      key: "TRIG",
    });
    const { events } = await flow.poll();
    expect(events.map((event) => event.id)).toEqual([space.id]);
    expect(events[0]).toMatchObject({ key: "TRIG" });
    expect((await flow.poll()).events).toEqual([]);
  });
});

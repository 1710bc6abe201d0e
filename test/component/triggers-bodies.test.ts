// Body Format on the content triggers, through the component against the emulator: without it a
// poll is the search alone (as before); with it each delivered event carries content.body in the
// chosen format (storage, atlas_doc_format, or Markdown converted from storage), for one more
// request per delivered event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { startTestEmulator } from "../support/emulator.js";
import { lastSeq, requestsSince } from "../support/emulator-requests.js";
import { call, createPage, editPage, pollingFlow } from "./trigger-support.js";

let emulator: RunningEmulator;
let url = "";

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: "demo" });
  url = emulator.url;
});
afterAll(async () => {
  await emulator.close();
});

const ENG = DEMO_IDS.spaces.engineering.id;
const post = <T>(path: string, body: unknown) => call<T>(url, "POST", path, body);

/** A poll and the requests it sent (the emulator's log). */
async function counted(flow: ReturnType<typeof pollingFlow>) {
  const since = await lastSeq(url);
  const result = await flow.poll();
  return { events: result.events, requests: await requestsSince(url, since) };
}

type Content = { id: string; body?: Record<string, { value: unknown }> };
const contentOf = (event: Record<string, unknown>) => event.content as Content;

describe("Body Format on the content triggers", () => {
  it("New and Updated Pages: no body and one request by default; the event's version as Markdown on request", async () => {
    const plain = pollingFlow(url, "newAndUpdatedPages", { spaceKey: "ENG" });
    const markdown = pollingFlow(url, "newAndUpdatedPages", {
      spaceKey: "ENG",
      bodyFormat: "markdown",
    });
    await plain.poll();
    await markdown.poll();
    const page = await createPage(url, ENG, "Trigger body page");
    await editPage(url, page.id); // version 2: "<p>v2</p>"

    const without = await counted(plain);
    expect(without.events.map((e) => contentOf(e).id)).toEqual([page.id]);
    expect(contentOf(without.events[0]!).body).toBeUndefined();
    expect(without.requests.map((r) => r.path)).toEqual(["/wiki/rest/api/search"]);

    const withBody = await counted(markdown);
    expect(withBody.events.map((e) => contentOf(e).id)).toEqual([page.id]);
    expect(contentOf(withBody.events[0]!).body).toEqual({
      markdown: { representation: "markdown", value: "v2\n" },
    });
    // The search, then one read of the delivered version's body.
    expect(withBody.requests.map((r) => [r.path, r.query["body-format"], r.query.version])).toEqual(
      [
        ["/wiki/rest/api/search", undefined, undefined],
        [`/wiki/api/v2/pages/${page.id}`, "storage", "2"],
      ],
    );
  });

  it("New Blog Posts in storage, New Comments in atlas_doc_format (footer and inline)", async () => {
    const posts = pollingFlow(url, "newBlogPosts", { bodyFormat: "storage" });
    const comments = pollingFlow(url, "newComments", { bodyFormat: "atlas_doc_format" });
    await posts.poll();
    await comments.poll();
    const blog = await post<{ id: string }>("/wiki/api/v2/blogposts", {
      spaceId: ENG,
      title: "Trigger body post",
      body: { representation: "storage", value: "<p>Post body</p>" },
    });
    const footer = await post<{ id: string }>("/wiki/api/v2/footer-comments", {
      blogPostId: blog.id,
      body: { representation: "storage", value: "<p>Footer body</p>" },
    });
    const inline = await post<{ id: string }>("/wiki/api/v2/inline-comments", {
      blogPostId: blog.id,
      body: { representation: "storage", value: "<p>Inline body</p>" },
      inlineCommentProperties: {
        textSelection: "Post",
        textSelectionMatchCount: 1,
        textSelectionMatchIndex: 0,
      },
    });

    const delivered = await counted(posts);
    expect(delivered.events.map((e) => contentOf(e).body?.storage?.value)).toEqual([
      "<p>Post body</p>",
    ]);
    expect(delivered.requests).toHaveLength(2);

    const { events, requests } = await counted(comments);
    const byId = new Map(events.map((e) => [contentOf(e).id, contentOf(e).body]));
    expect([...byId.keys()].sort()).toEqual([footer.id, inline.id].sort());
    for (const [id, text] of [
      [footer.id, "Footer body"],
      [inline.id, "Inline body"],
    ] as const) {
      const adf = byId.get(id)?.atlas_doc_format?.value;
      expect(typeof adf === "string" ? adf : JSON.stringify(adf)).toContain(text);
    }
    expect(requests.map((r) => r.path).sort()).toEqual(
      [
        "/wiki/rest/api/search",
        `/wiki/api/v2/footer-comments/${footer.id}`,
        `/wiki/api/v2/inline-comments/${inline.id}`,
      ].sort(),
    );
  });
});

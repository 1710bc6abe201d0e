// CQL search over every content kind (blog posts, footer and inline comments with `container`,
// attachments, custom content by type key, spaces), and the store indexes the search and the
// listings start from: labels and parents followed through writes, id-ordered listings read
// straight from the space's index. Exchanges validated against confluence-v1.json/v2.json.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { useResettingEmulator } from "./client.js";

const suite = useResettingEmulator({
  generate: { pages: 2_000, labelsPerPage: 1, commentEvery: 10 },
});
const search = (cql: string, path = "/wiki/rest/api/search") =>
  suite.call(`${path}?limit=100&cql=${encodeURIComponent(cql)}`);
const ids = (body: { results: { content?: { id: string }; space?: { key: string } }[] }) =>
  body.results.map((r) => r.content?.id ?? r.space?.key);
const storage = (value: string) => ({ representation: "storage", value });
const { architecture, engineeringHome } = DEMO_IDS.pages;
const eng = DEMO_IDS.spaces.engineering;

describe("CQL over every content kind", () => {
  it("finds blog posts by type, and not as pages", async () => {
    const post = await suite.call("/wiki/api/v2/blogposts", {
      method: "POST",
      body: {
        spaceId: eng.id,
        status: "current",
        title: "Quarterly news",
        body: storage("<p>x</p>"),
      },
    });
    const found = await search('type = blogpost AND title ~ "quarterly"');
    expect(ids(found.body)).toEqual([post.body.id]);
    expect(found.body.results[0].content).toMatchObject({ type: "blogpost" });
    expect(ids((await search('type = page AND title ~ "quarterly"')).body)).toEqual([]);
  });

  it("finds footer and inline comments by type and container, titled after it", async () => {
    const footer = await suite.call("/wiki/api/v2/footer-comments", {
      method: "POST",
      body: { pageId: architecture, body: storage("<p>Footer words</p>") },
    });
    const inline = await suite.call("/wiki/api/v2/inline-comments", {
      method: "POST",
      body: {
        pageId: architecture,
        body: storage("<p>Inline words</p>"),
        inlineCommentProperties: {
          textSelection: "Architecture",
          textSelectionMatchCount: 1,
          textSelectionMatchIndex: 0,
        },
      },
    });
    const found = await search(`type = comment AND container = ${architecture} ORDER BY created`);
    expect(ids(found.body)).toEqual(expect.arrayContaining([footer.body.id, inline.body.id]));
    expect(found.body.results.every((r: { title: string }) => r.title.startsWith("Re: "))).toBe(
      true,
    );
    const words = await search('type = comment AND text ~ "inline words"');
    expect(ids(words.body)).toEqual([inline.body.id]);
    // Below the engineering home (the architecture page's parent) as well.
    const below = await search(`ancestor = ${engineeringHome} AND type = comment`);
    expect(ids(below.body)).toEqual(expect.arrayContaining([footer.body.id, inline.body.id]));
  });

  it("finds attachments by container and custom content by its type key", async () => {
    const attachments = await search(`type = attachment AND container = ${architecture}`);
    expect(ids(attachments.body)).toContain(DEMO_IDS.attachments.architecturePdf);
    const custom = await search(`type = "${DEMO_IDS.customContentType}"`);
    expect(ids(custom.body)).toEqual(expect.arrayContaining([DEMO_IDS.customContent.checklist]));
  });

  it("finds spaces with type = space on /search, never on /content/search", async () => {
    const spaces = await search("type = space AND space = ENG");
    expect(spaces.body.results).toHaveLength(1);
    expect(spaces.body.results[0]).toMatchObject({ entityType: "space", space: { key: "ENG" } });
    const content = await search("type = space", "/wiki/rest/api/content/search");
    expect(content.body.results).toEqual([]);
  });
});

describe("indexes followed through writes", () => {
  it("finds a label added then not after it is removed (CQL and label listing)", async () => {
    await suite.call(`/wiki/rest/api/content/${engineeringHome}/label`, {
      method: "POST",
      body: [{ prefix: "global", name: "indexed" }],
    });
    expect(ids((await search("label = indexed")).body)).toEqual([engineeringHome]);
    const labels = await suite.call("/wiki/api/v2/labels?limit=250");
    const label = labels.body.results.find((l: { name: string }) => l.name === "indexed");
    const listed = await suite.call(`/wiki/api/v2/labels/${label.id}/pages`);
    expect(listed.body.results.map((p: { id: string }) => p.id)).toEqual([engineeringHome]);
    await suite.call(`/wiki/rest/api/content/${engineeringHome}/label/indexed`, {
      method: "DELETE",
    });
    expect(ids((await search("label = indexed")).body)).toEqual([]);
    expect((await suite.call(`/wiki/api/v2/labels/${label.id}/pages`)).body.results).toEqual([]);
  });

  it("moves a page between parents in children listings and CQL parent", async () => {
    const page = await suite.call(`/wiki/api/v2/pages/${architecture}`);
    const faq = DEMO_IDS.pages.rootLevelFaq;
    const moved = await suite.call(`/wiki/api/v2/pages/${architecture}`, {
      method: "PUT",
      body: {
        id: architecture,
        status: "current",
        title: page.body.title,
        parentId: faq,
        body: storage("<p>moved</p>"),
        version: { number: page.body.version.number + 1 },
      },
    });
    expect(moved.status).toBe(200);
    const children = (id: string) =>
      suite
        .call(`/wiki/api/v2/pages/${id}/children`)
        .then((r) => r.body.results.map((c: { id: string }) => c.id));
    expect(await children(faq)).toEqual([architecture]);
    expect(await children(engineeringHome)).not.toContain(architecture);
    expect(ids((await search(`parent = ${faq}`)).body)).toEqual([architecture]);
  });
});

describe("the generated site", () => {
  it("indexes its labels, tree and comments", async () => {
    const total = async (cql: string) => (await search(cql)).body.totalSize;
    // 2,000 pages over 100 labels; a comment on every tenth page.
    expect(await total("space = GEN AND label = gen-7")).toBe(20);
    expect(await total("space = GEN AND type = comment")).toBe(200);
    const space = await suite.call("/wiki/api/v2/spaces?keys=GEN");
    const home = space.body.results[0].homepageId;
    expect(await total(`parent = ${home}`)).toBe(10);
    expect(await total(`ancestor = ${home} AND type = page`)).toBe(1_999);
  });

  it("lists a space's pages in id order, each once, across writes between pages", async () => {
    const space = (await suite.call("/wiki/api/v2/spaces?keys=GEN")).body.results[0];
    const seen: string[] = [];
    let path: string | undefined = `/wiki/api/v2/spaces/${space.id}/pages?limit=250`;
    while (path !== undefined) {
      const reply = await suite.call(path);
      seen.push(...reply.body.results.map((p: { id: string }) => p.id));
      // A write between pages: the listing must not repeat or skip anything already there.
      await suite.call("/wiki/api/v2/pages", {
        method: "POST",
        body: { spaceId: space.id, status: "current", title: `During ${seen.length}` },
      });
      path = reply.body._links.next?.replace(/^\/wiki/, "/wiki");
    }
    const numeric = seen.map(Number);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(2_000);
  });
});

// Markdown bodies through the component built from the catalog, against the emulator (every
// exchange validated against the OpenAPI documents): a Markdown body is sent as storage, and
// "markdown" as a Body Format reads storage and returns Markdown that converts back to it.
import { describe, expect, it } from "vitest";
import { markdownToStorage, normalizeStorage } from "../../src/core/markdown/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { CORPUS } from "../markdown/corpus.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const ENG = DEMO_IDS.spaces.engineering.id;

const MARKDOWN = `# Release plan

| Step | Owner |
| --- | --- |
| Build | Ana |

\`\`\`ts
const x = 1;
\`\`\`

- [ ] Write notes
- [x] Tag release

See [the docs](https://example.com/docs) and [](confluence:page?content-title=Architecture).
`;

/** What the Markdown above is in storage: sent as the page's body. */
const STORAGE =
  "<h1>Release plan</h1>" +
  "<table><tbody><tr><th><p>Step</p></th><th><p>Owner</p></th></tr>" +
  "<tr><td><p>Build</p></td><td><p>Ana</p></td></tr></tbody></table>" +
  '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">ts</ac:parameter>' +
  "<ac:plain-text-body><![CDATA[const x = 1;]]></ac:plain-text-body></ac:structured-macro>" +
  "<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status>" +
  "<ac:task-body>Write notes</ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id>" +
  "<ac:task-status>complete</ac:task-status><ac:task-body>Tag release</ac:task-body></ac:task>" +
  '</ac:task-list><p>See <a href="https://example.com/docs">the docs</a> and ' +
  '<ac:link><ri:page ri:content-title="Architecture" /></ac:link>.</p>';

const markdownBody = (value: string) => JSON.stringify({ representation: "markdown", value });

interface Content {
  id: string;
  title: string;
  body: { storage?: { value: string }; markdown?: { representation: string; value: string } };
}

/** The page's body as the emulator stores it (Confluence adds ac:schema-version on save). */
async function storedBody(pageId: string): Promise<string> {
  const { data } = await run("getPage", { pageId, bodyFormat: "storage" });
  return (data as Content).body.storage?.value ?? "";
}

describe("Markdown bodies", () => {
  it("Create Page sends a Markdown body as storage, and answers with it as Markdown", async () => {
    const { data } = await run("createPage", {
      spaceId: ENG,
      title: "Release plan (Markdown)",
      body: markdownBody(MARKDOWN),
    });
    const [request] = await received();
    expect(request?.body).toMatchObject({ body: { representation: "storage", value: STORAGE } });
    const page = data as Content;
    expect(page.body.storage).toBeUndefined();
    expect(page.body.markdown?.representation).toBe("markdown");
    expect(page.body.markdown?.value).toContain("- [x] Tag release");

    const stored = await storedBody(page.id);
    expect(stored).toBe(STORAGE.replace('ac:name="code"', 'ac:name="code" ac:schema-version="1"'));
  });

  it("Get Page with Body Format markdown requests storage and returns Markdown that converts back to it", async () => {
    const created = (
      await run("createPage", { spaceId: ENG, title: "Round trip", body: markdownBody(MARKDOWN) })
    ).data as Content;
    const stored = await storedBody(created.id);
    const { data } = await run("getPage", { pageId: created.id, bodyFormat: "markdown" });
    const requests = await received();
    expect(requests.at(-1)?.query).toMatchObject({ "body-format": "storage" });
    const page = data as Content;
    expect(page.body.storage).toBeUndefined();
    const markdown = page.body.markdown?.value ?? "";
    expect(markdown).toContain("```ts");
    expect(markdown).toContain("| Build | Ana |");
    expect(normalizeStorage(markdownToStorage(markdown))).toBe(normalizeStorage(stored));
  });

  it("Get Page keeps every construct of the Markdown corpus, unknown macros included", async () => {
    const storage = CORPUS.map((document) => document.storage).join("");
    const created = (
      await run("createPage", {
        spaceId: ENG,
        title: "Corpus page",
        body: JSON.stringify({ representation: "storage", value: storage }),
      })
    ).data as Content;
    const stored = await storedBody(created.id);
    const { data } = await run("getPage", { pageId: created.id, bodyFormat: "markdown" });
    const markdown = (data as Content).body.markdown?.value ?? "";
    expect(markdown).toContain("```confluence-storage"); // what has no Markdown form is carried
    expect(normalizeStorage(markdownToStorage(markdown))).toBe(normalizeStorage(stored));
  });

  it("Update Page takes a Markdown body", async () => {
    const created = (
      await run("createPage", { spaceId: ENG, title: "To rewrite", body: markdownBody("v1") })
    ).data as Content;
    await run("updatePage", {
      pageId: created.id,
      status: "current",
      title: "To rewrite",
      body: markdownBody("## Second\n\n- [ ] check"),
      version: JSON.stringify({ number: 2 }),
    });
    const expected =
      "<h2>Second</h2><ac:task-list><ac:task><ac:task-id>1</ac:task-id>" +
      "<ac:task-status>incomplete</ac:task-status><ac:task-body>check</ac:task-body>" +
      "</ac:task></ac:task-list>";
    expect((await received())[1]?.body).toMatchObject({
      body: { representation: "storage", value: expected },
    });
    expect(await storedBody(created.id)).toBe(expected);
  });

  it("lists and Get Page by Title return every body as Markdown", async () => {
    await run("createPage", { spaceId: ENG, title: "Listed", body: markdownBody("**bold**") });
    const list = (
      await run("listPagesInSpace", { spaceId: ENG, title: "Listed", bodyFormat: "markdown" })
    ).data as { results: Content[] };
    expect(list.results.map((page) => page.body)).toEqual([
      { markdown: { representation: "markdown", value: "**bold**\n" } },
    ]);
    const byTitle = (
      await run("getPageByTitle", { spaceKey: "ENG", title: "Listed", bodyFormat: "markdown" })
    ).data as Content;
    expect(byTitle.body).toEqual({ markdown: { representation: "markdown", value: "**bold**\n" } });
    const requests = await received();
    expect(requests.map((r) => r.query["body-format"]).filter(Boolean)).toEqual([
      "storage",
      "storage",
    ]);
  });

  it("refuses a Markdown body whose value is not text, naming the input, before any request", async () => {
    await expect(
      run("createPage", {
        spaceId: ENG,
        title: "Never sent",
        body: JSON.stringify({ representation: "markdown", value: 42 }),
      }),
    ).rejects.toThrow(/Body.*"value" must be the Markdown text/);
    expect(await received()).toEqual([]);
  });
});

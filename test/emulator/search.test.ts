// CQL search on the emulator (v1 searchByCQL and searchContentByCQL), every exchange validated
// against confluence-v1.json by the conformance layer.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { useResettingEmulator } from "./client.js";

const suite = useResettingEmulator();
const search = (cql: string, extra = "") =>
  suite.call(`/wiki/rest/api/search?cql=${encodeURIComponent(cql)}${extra}`);

describe("GET /wiki/rest/api/search", () => {
  it("finds pages by type, space, label and title words", async () => {
    const reply = await search('type = page AND space = "ENG" AND label = architecture');
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r: { content: { id: string } }) => r.content.id)).toEqual([
      DEMO_IDS.pages.architecture,
    ]);
    expect(reply.body).toMatchObject({ start: 0, limit: 25, size: 1, totalSize: 1 });
    expect(reply.body.cqlQuery).toBe('type = page AND space = "ENG" AND label = architecture');
    const byTitle = await search('title ~ "architecture"');
    expect(byTitle.body.results[0].content.id).toBe(DEMO_IDS.pages.architecture);
  });

  it("adds content.history (the creation date) with expand=content.history only", async () => {
    const cql = `id = ${DEMO_IDS.pages.architecture}`;
    const plain = await search(cql);
    expect(plain.body.results[0].content.history).toBeUndefined();
    const expanded = await search(cql, "&expand=content.version,content.history");
    expect(expanded.body.results[0].content.history).toEqual({
      latest: true,
      createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it("follows ancestors and parents, and orders results", async () => {
    const home = DEMO_IDS.pages.engineeringHome;
    const descendants = await search(`ancestor = ${home} and type = page order by title`);
    const titles = descendants.body.results.map((r: { title: string }) => r.title);
    expect(titles.length).toBeGreaterThan(2);
    expect(titles).toEqual(
      [...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const children = await search(`parent = ${home} and type = page`);
    expect(children.body.totalSize).toBeLessThan(descendants.body.totalSize);
  });

  it("pages through results with the cursor of _links.next", async () => {
    const seen: string[] = [];
    let path: string | undefined =
      `/wiki/rest/api/search?cql=${encodeURIComponent("type = page order by id")}&limit=2`;
    let total = 0;
    while (path !== undefined) {
      const reply = await suite.call(path);
      expect(reply.status).toBe(200);
      total = reply.body.totalSize;
      seen.push(...reply.body.results.map((r: { content: { id: string } }) => r.content.id));
      const next: string | undefined = reply.body._links.next;
      path = next === undefined ? undefined : `/wiki${next}`;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => Number(a) - Number(b)));
  });

  it("answers a query it cannot parse with Confluence's 400 body", async () => {
    const reply = await search("type = page AND");
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ statusCode: 400, data: { successful: false } });
    expect(reply.body.message).toMatch(
      /BadRequestException: Could not parse cql : type = page AND/,
    );
    const unknownField = await search("colour = red");
    expect(unknownField.status).toBe(400);
  });

  it("finds recently modified content with date functions", async () => {
    const page = DEMO_IDS.pages.architecture;
    await suite.call(`/wiki/api/v2/pages/${page}`, {
      method: "PUT",
      body: {
        id: page,
        status: "current",
        title: "Architecture, edited now",
        body: { representation: "storage", value: "<p>fresh words</p>" },
        version: { number: 4 },
      },
    });
    const recent = await search('lastmodified >= now("-1h") and text ~ "fresh"');
    expect(recent.body.results.map((r: { content: { id: string } }) => r.content.id)).toEqual([
      page,
    ]);
  });
});

describe("GET /wiki/rest/api/content/search", () => {
  it("returns content with cursor links", async () => {
    const reply = await suite.call(
      `/wiki/rest/api/content/search?cql=${encodeURIComponent("type = page")}&limit=1`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.results).toHaveLength(1);
    expect(reply.body.results[0]).toMatchObject({ type: "page" });
    expect(reply.body._links.next).toMatch(/^\/rest\/api\/content\/search\?cql=.*&cursor=/);
  });
});

import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const ENG = DEMO_IDS.spaces.engineering.id;
const body = (value: string) => JSON.stringify({ representation: "storage", value });

interface Page {
  id: string;
  title: string;
  status: string;
  parentId?: string;
  version?: { number: number };
}

describe("pages", () => {
  it("Create Page posts the page under its parent", async () => {
    const { data } = await run("createPage", {
      spaceId: ENG,
      status: "current",
      title: "Created by test",
      parentId: DEMO_IDS.pages.engineeringHome,
      body: body("<p>Hello</p>"),
      private: "true",
    });
    const page = data as Page;
    expect(page).toMatchObject({
      title: "Created by test",
      parentId: DEMO_IDS.pages.engineeringHome,
    });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "POST",
      path: "/wiki/api/v2/pages",
      query: { private: "true" },
      body: {
        spaceId: ENG,
        status: "current",
        title: "Created by test",
        parentId: DEMO_IDS.pages.engineeringHome,
        body: { representation: "storage", value: "<p>Hello</p>" },
      },
    });
  });

  it("Get Page sends include flags as include-* parameters", async () => {
    const { data } = await run("getPage", {
      pageId: DEMO_IDS.pages.architecture,
      bodyFormat: "storage",
      includeLabels: "true",
      includeVersion: "false",
    });
    expect(data).toMatchObject({ id: DEMO_IDS.pages.architecture, title: "Architecture" });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "GET",
      path: `/wiki/api/v2/pages/${DEMO_IDS.pages.architecture}`,
      query: {
        "body-format": "storage",
        "include-labels": "true",
        "include-version": "false",
        "include-likes": "false",
      },
    });
  });

  it("Update Page puts the next version, then Delete Page removes it", async () => {
    const created = (
      await run("createPage", { spaceId: ENG, title: "To update", body: body("<p>v1</p>") })
    ).data as Page;
    const { data } = await run("updatePage", {
      pageId: created.id,
      status: "current",
      title: "Updated title",
      body: body("<p>v2</p>"),
      version: JSON.stringify({ number: 2, message: "second" }),
    });
    expect(data).toMatchObject({ id: created.id, title: "Updated title", version: { number: 2 } });
    const deleted = await run("deletePage", { pageId: created.id });
    expect(deleted.data).toMatchObject({ id: created.id, deleted: true });
    const requests = await received();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /wiki/api/v2/pages",
      `PUT /wiki/api/v2/pages/${created.id}`,
      `DELETE /wiki/api/v2/pages/${created.id}`,
    ]);
    expect(requests[1]?.body).toMatchObject({
      id: created.id,
      status: "current",
      title: "Updated title",
      version: { number: 2, message: "second" },
    });
  });

  it("List Pages sends id/space-id lists, statuses and sort", async () => {
    const { data } = await run("listPages", {
      id: `${DEMO_IDS.pages.architecture}, ${DEMO_IDS.pages.runbooks}`,
      spaceId: [ENG],
      status: ["current", "archived"],
      sort: "-title",
      limit: "10",
    });
    const page = data as { results: Page[] };
    expect(page.results.map((p) => p.title)).toEqual(["Runbooks", "Architecture"]);
    const [request] = await received();
    expect(request).toMatchObject({
      method: "GET",
      path: "/wiki/api/v2/pages",
      query: {
        id: `${DEMO_IDS.pages.architecture},${DEMO_IDS.pages.runbooks}`,
        "space-id": ENG,
        status: "current,archived",
        sort: "-title",
        limit: "10",
      },
    });
  });

  it("List Pages in Space returns root pages or all pages by depth", async () => {
    const root = (await run("listPagesInSpace", { spaceId: ENG, depth: "root", limit: "250" }))
      .data as { results: Page[] };
    const all = (await run("listPagesInSpace", { spaceId: ENG, depth: "all", limit: "250" }))
      .data as { results: Page[] };
    expect(root.results.length).toBeGreaterThan(0);
    expect(all.results.length).toBeGreaterThan(root.results.length);
    const ids = all.results.map((p) => p.id);
    expect(ids).toContain(DEMO_IDS.pages.cursorFormat);
    expect(root.results.map((p) => p.id)).not.toContain(DEMO_IDS.pages.cursorFormat);
    const requests = await received();
    expect(requests.map((r) => r.query.depth)).toEqual(["root", "all"]);
    expect(requests[0]?.path).toBe(`/wiki/api/v2/spaces/${ENG}/pages`);
  });
});

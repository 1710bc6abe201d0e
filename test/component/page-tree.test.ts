// Page tree and history actions beyond the specification, through the component against the
// emulator (every exchange validated against the v2 / v1 OpenAPI documents).
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const P = DEMO_IDS.pages;

type List = { results: { id: string; title?: string; depth?: number; number?: number }[] };

describe("page tree", () => {
  it("lists children in tree order, descendants to a depth, and ancestors top down", async () => {
    const children = (await run("listPageChildren", { pageId: P.engineeringHome })).data as List;
    expect(children.results.map((c) => c.id)).toEqual([P.architecture, P.runbooks]);

    const one = (await run("listPageDescendants", { pageId: P.engineeringHome, depth: "1" }))
      .data as List;
    expect(one.results.map((d) => d.id)).toEqual([P.architecture, P.runbooks]);
    const three = (await run("listPageDescendants", { pageId: P.engineeringHome, depth: "3" }))
      .data as List;
    expect(three.results.map((d) => [d.id, d.depth])).toEqual([
      [P.architecture, 1],
      [P.runbooks, 1],
      [P.emulatorDesign, 2],
      [P.cursorFormat, 3],
    ]);

    const ancestors = (await run("listPageAncestors", { pageId: P.cursorFormat })).data as List;
    expect(ancestors.results.map((a) => a.id)).toEqual([
      P.engineeringHome,
      P.architecture,
      P.emulatorDesign,
    ]);
  });

  it("refuses a depth outside 1-5 before sending anything", async () => {
    await expect(
      run("listPageDescendants", { pageId: P.architecture, depth: "9" }),
    ).rejects.toThrow(/Depth/);
    expect(await received()).toEqual([]);
  });

  it("moves a page beside a target, under it, and into another space with its subtree", async () => {
    const before = await run("movePage", {
      pageId: P.runbooks,
      position: "before",
      targetId: P.architecture,
    });
    expect(before.data).toEqual({ pageId: P.runbooks });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "PUT",
      path: `/wiki/rest/api/content/${P.runbooks}/move/before/${P.architecture}`,
    });
    const order = (await run("listPageChildren", { pageId: P.engineeringHome })).data as List;
    expect(order.results.map((c) => c.id)).toEqual([P.runbooks, P.architecture]);

    // Across spaces: Emulator Design and its child Cursor Format go under the personal homepage.
    await run("movePage", {
      pageId: P.emulatorDesign,
      position: "append",
      targetId: P.personalHome,
    });
    const moved = (await run("getPage", { pageId: P.cursorFormat })).data as { spaceId: string };
    expect(moved.spaceId).toBe(DEMO_IDS.spaces.personal.id);
    const ancestors = (await run("listPageAncestors", { pageId: P.cursorFormat })).data as List;
    expect(ancestors.results.map((a) => a.id)).toEqual([P.personalHome, P.emulatorDesign]);

    // Below itself: Confluence's 400.
    await expect(
      run("movePage", { pageId: P.personalHome, position: "append", targetId: P.cursorFormat }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/400/) });
  });

  it("renames a page as a new version", async () => {
    const { data } = await run("updatePageTitle", { pageId: P.rootLevelFaq, title: "FAQ (new)" });
    expect(data).toMatchObject({ id: P.rootLevelFaq, title: "FAQ (new)", version: { number: 2 } });
    // The current version is read first, so that a lost answer can be resolved exactly.
    const requests = await received();
    expect(requests.map((r) => [r.method, r.path])).toEqual([
      ["GET", `/wiki/api/v2/pages/${P.rootLevelFaq}`],
      ["PUT", `/wiki/api/v2/pages/${P.rootLevelFaq}/title`],
    ]);
  });
});

describe("page history", () => {
  it("lists versions, gets one, and restores an earlier body as a new version", async () => {
    const versions = (await run("listPageVersions", { pageId: P.architecture })).data as List;
    expect(versions.results.map((v) => v.number)).toEqual([3, 2, 1]);

    const two = (await run("getPageVersion", { pageId: P.architecture, versionNumber: "2" }))
      .data as { number: number; message: string };
    expect(two).toMatchObject({ number: 2, message: "Layers" });

    const restored = await run("restorePageVersion", {
      pageId: P.architecture,
      versionNumber: "1",
      message: "Back to the first sketch",
    });
    expect(restored.data).toMatchObject({ number: 4, message: "Back to the first sketch" });
    const request = (await received()).find((r) => r.method === "POST");
    expect(request).toMatchObject({
      method: "POST",
      path: `/wiki/rest/api/content/${P.architecture}/version`,
    });
    const page = (await run("getPage", { pageId: P.architecture, bodyFormat: "storage" })).data as {
      version: { number: number };
      body: { storage: { value: string } };
    };
    expect(page.version.number).toBe(4);
    expect(page.body.storage.value).toBe("<p>First sketch.</p>");
  });

  it("answers 400 for a version that is not an earlier one", async () => {
    await expect(
      run("restorePageVersion", { pageId: P.runbooks, versionNumber: "7" }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/400/) });
  });
});

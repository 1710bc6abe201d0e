import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { useResettingEmulator } from "./client.js";

const P = DEMO_IDS.pages;
const ENG = DEMO_IDS.spaces.engineering.id;

// Deliberately invalid requests below: check responses only.
const suite = useResettingEmulator({ conformance: "responses-only" });
const { call } = suite;

const update = (id: string, number: number, title = "Architecture", status = "current") =>
  call(`/wiki/api/v2/pages/${id}`, {
    method: "PUT",
    body: {
      id,
      status,
      title,
      body: { representation: "storage", value: "<p>v</p>" },
      version: { number },
    },
  });

describe("pages", () => {
  it("creates a page under the homepage and returns the v2 shape", async () => {
    const r = await call("/wiki/api/v2/pages", {
      method: "POST",
      body: {
        spaceId: ENG,
        title: "Hello",
        body: { representation: "storage", value: "<p>Hi</p>" },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      title: "Hello",
      spaceId: ENG,
      parentId: P.engineeringHome,
      status: "current",
    });
    expect(r.body.id).toMatch(/^[0-9]+$/);
    expect(r.body.version).toMatchObject({ number: 1, minorEdit: false });
    expect(Date.parse(r.body.createdAt)).not.toBeNaN();
    expect(r.body._links).toMatchObject({ base: `${suite.emulator.url}/wiki` });
    expect(r.body.body.storage.value).toBe("<p>Hi</p>");
  });

  it("requires spaceId, a known space, and a unique title; root-level excludes parentId", async () => {
    expect(
      (await call("/wiki/api/v2/pages", { method: "POST", body: { title: "x" } })).status,
    ).toBe(400);
    expect(
      (await call("/wiki/api/v2/pages", { method: "POST", body: { spaceId: "999", title: "x" } }))
        .status,
    ).toBe(404);
    expect(
      (
        await call("/wiki/api/v2/pages", {
          method: "POST",
          body: { spaceId: ENG, title: "Runbooks" },
        })
      ).status,
    ).toBe(400);
    const root = await call("/wiki/api/v2/pages?root-level=true", {
      method: "POST",
      body: { spaceId: ENG, title: "Top" },
    });
    expect(root.body.parentId).toBeUndefined();
    const both = await call("/wiki/api/v2/pages?root-level=true", {
      method: "POST",
      body: { spaceId: ENG, title: "T2", parentId: P.runbooks },
    });
    expect(both.status).toBe(400);
  });

  it("accepts version = current + 1 and answers 409 to stale or repeated numbers", async () => {
    expect((await update(P.architecture, 3)).status).toBe(409);
    expect((await update(P.architecture, 2)).status).toBe(409);
    const ok = await update(P.architecture, 4, "Architecture v4");
    expect(ok.status).toBe(200);
    expect(ok.body.version.number).toBe(4);
    const again = await update(P.architecture, 4);
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ status: 409, code: "CONFLICT" });
    const old = await call(`/wiki/api/v2/pages/${P.architecture}?version=2&body-format=storage`);
    expect(old.body).toMatchObject({
      status: "historical",
      body: { storage: { value: "<p>Second sketch.</p>" } },
    });
  });

  it("serves every include-* flag, drafts and atlas_doc_format", async () => {
    const r = await call(
      `/wiki/api/v2/pages/${P.architecture}?include-labels=true&include-properties=true&include-operations=true&include-likes=true&include-versions=true&include-version=false&include-favorited-by-current-user-status=true&body-format=atlas_doc_format`,
    );
    expect(r.body.labels.results[0].name).toBe("architecture");
    expect(r.body.properties.results.map((p: { key: string }) => p.key).sort()).toEqual([
      "owner",
      "status",
    ]);
    expect(r.body.operations.results.length).toBeGreaterThan(0);
    expect(r.body.likes.results).toHaveLength(1);
    expect(r.body.versions.results.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    expect(r.body.version).toBeUndefined();
    expect(r.body.isFavoritedByCurrentUser).toBe(true);
    const adf = JSON.parse(r.body.body.atlas_doc_format.value);
    expect(adf).toMatchObject({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Architecture content." }] }],
    });
    const draft = await call(`/wiki/api/v2/pages/${P.architecture}?get-draft=true`);
    expect(draft.body).toMatchObject({ status: "draft", title: "Architecture (draft)" });
    expect((await call(`/wiki/api/v2/pages/${P.runbooks}?get-draft=true`)).status).toBe(404);
  });

  it("trashes, purges only trashed pages, and deletes drafts with draft=true", async () => {
    expect(
      (await call(`/wiki/api/v2/pages/${P.runbooks}?purge=true`, { method: "DELETE" })).status,
    ).toBe(400);
    expect((await call(`/wiki/api/v2/pages/${P.runbooks}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/wiki/api/v2/pages/${P.runbooks}`)).body.status).toBe("trashed");
    const listed = await call(`/wiki/api/v2/pages?space-id=${ENG}&status=trashed`);
    expect(listed.body.results.map((p: { id: string }) => p.id)).toContain(P.runbooks);
    expect(
      (await call(`/wiki/api/v2/pages/${P.runbooks}?purge=true`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await call(`/wiki/api/v2/pages/${P.runbooks}`)).status).toBe(404);
    expect((await call(`/wiki/api/v2/pages/${P.draftIdeas}`, { method: "DELETE" })).status).toBe(
      404,
    );
    expect(
      (await call(`/wiki/api/v2/pages/${P.draftIdeas}?draft=true`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await call(`/wiki/api/v2/pages/${P.draftIdeas}`)).status).toBe(404);
    // draft=true on a published page discards its pending draft only.
    expect(
      (await call(`/wiki/api/v2/pages/${P.architecture}?draft=true`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await call(`/wiki/api/v2/pages/${P.architecture}?get-draft=true`)).status).toBe(404);
    expect((await call(`/wiki/api/v2/pages/${P.architecture}`)).body.status).toBe("current");
  });

  it("lists pages in a space at depth root or all, with sorts and filters", async () => {
    const root = await call(`/wiki/api/v2/spaces/${ENG}/pages?depth=root`);
    expect(root.body.results.map((p: { id: string }) => p.id)).toEqual([
      P.engineeringHome,
      P.rootLevelFaq,
    ]);
    const all = await call(`/wiki/api/v2/spaces/${ENG}/pages?depth=all&sort=-title`);
    const titles = all.body.results.map((p: { title: string }) => p.title);
    expect(titles).toEqual([...titles].sort().reverse());
    expect(titles).not.toContain("Old Notes");
    expect(titles).not.toContain("Draft Ideas");
    const comma = await call(`/wiki/api/v2/pages?id=${P.runbooks},${P.cursorFormat}`);
    const repeated = await call(`/wiki/api/v2/pages?id=${P.runbooks}&id=${P.cursorFormat}`);
    expect(comma.body.results.map((p: { id: string }) => p.id)).toEqual([
      P.cursorFormat,
      P.runbooks,
    ]);
    expect(repeated.body.results).toEqual(comma.body.results);
    const titled = await call("/wiki/api/v2/pages?title=Runbooks&body-format=storage");
    expect(titled.body.results).toHaveLength(1);
    expect(titled.body.results[0].body.storage.representation).toBe("storage");
    expect((await call("/wiki/api/v2/spaces/424242/pages")).status).toBe(404);
    expect((await call(`/wiki/api/v2/spaces/${ENG}/pages?depth=deep`)).status).toBe(400);
  });

  it("rejects bad parameters with 400 and unknown ids with 404", async () => {
    for (const q of [
      "sort=size",
      "limit=0",
      "limit=251",
      "limit=abc",
      "status=gone",
      "id=x1",
      "body-format=wiki",
      "cursor=%%%",
    ]) {
      const r = await call(`/wiki/api/v2/pages?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.errors[0].status).toBe(400);
    }
    expect((await call("/wiki/api/v2/pages/123456789")).status).toBe(404);
    expect((await call("/wiki/api/v2/spaces/123456789")).status).toBe(404);
    expect((await call("/wiki/api/v2/attachments/att999")).status).toBe(404);
    expect((await call("/wiki/api/v2/custom-content/999")).status).toBe(404);
  });
});

describe("spaces", () => {
  it("filters by ids, keys (comma or repeated), type and status, and sorts", async () => {
    const keys = await call("/wiki/api/v2/spaces?keys=ENG,ARCH");
    const keysRepeated = await call("/wiki/api/v2/spaces?keys=ENG&keys=ARCH");
    expect(keys.body.results.map((s: { key: string }) => s.key)).toEqual(["ENG", "ARCH"]);
    expect(keysRepeated.body.results).toEqual(keys.body.results);
    const personal = await call("/wiki/api/v2/spaces?type=personal");
    expect(personal.body.results.map((s: { key: string }) => s.key)).toEqual(["~demo"]);
    const archived = await call("/wiki/api/v2/spaces?status=archived");
    expect(archived.body.results.map((s: { key: string }) => s.key)).toEqual(["ARCH"]);
    const byName = await call("/wiki/api/v2/spaces?sort=-name");
    expect(byName.body.results.map((s: { name: string }) => s.name)).toEqual([
      "Engineering",
      "Demo User",
      "Archive",
    ]);
    const one = await call(`/wiki/api/v2/spaces/${ENG}`);
    expect(one.body).toMatchObject({
      id: ENG,
      key: "ENG",
      homepageId: P.engineeringHome,
      _links: { base: `${suite.emulator.url}/wiki` },
    });
    expect((await call("/wiki/api/v2/spaces?type=team")).status).toBe(400);
  });
});

describe("attachments and custom content", () => {
  it("lists, gets and deletes attachments with trash and purge", async () => {
    const A = DEMO_IDS.attachments;
    const page = await call(`/wiki/api/v2/pages/${P.architecture}/attachments`);
    expect(page.body.results.map((a: { id: string }) => a.id)).toEqual([
      A.architecturePdf,
      A.diagramPng,
    ]);
    const one = await call(`/wiki/api/v2/attachments/${A.architecturePdf}`);
    expect(one.body).toMatchObject({
      mediaType: "application/pdf",
      pageId: P.architecture,
      fileSize: 13,
    });
    expect(one.body.downloadLink).toMatch(/^\/download\/attachments\//);
    expect((await call("/wiki/api/v2/attachments?mediaType=text/csv")).body.results).toHaveLength(
      0,
    );
    expect(
      (await call("/wiki/api/v2/attachments?mediaType=text/csv&status=trashed")).body.results,
    ).toHaveLength(1);
    expect(
      (await call(`/wiki/api/v2/attachments/${A.notesTxt}?purge=true`, { method: "DELETE" }))
        .status,
    ).toBe(400);
    expect(
      (await call(`/wiki/api/v2/attachments/${A.notesTxt}`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await call(`/wiki/api/v2/attachments/${A.notesTxt}`)).body.status).toBe("trashed");
    expect(
      (await call(`/wiki/api/v2/attachments/${A.notesTxt}?purge=true`, { method: "DELETE" }))
        .status,
    ).toBe(204);
    expect((await call(`/wiki/api/v2/attachments/${A.notesTxt}`)).status).toBe(404);
  });

  it("lists custom content by type (404 for an unknown type) and gets one", async () => {
    const type = encodeURIComponent(DEMO_IDS.customContentType);
    const list = await call(`/wiki/api/v2/custom-content?type=${type}&body-format=storage`);
    expect(list.body.results).toHaveLength(2);
    expect(list.body.results[0].body.storage.value).toBe("<p>Ship it.</p>");
    expect((await call("/wiki/api/v2/custom-content?type=unknown:type")).status).toBe(404);
    expect((await call("/wiki/api/v2/custom-content")).status).toBe(400);
    const one = await call(
      `/wiki/api/v2/custom-content/${DEMO_IDS.customContent.checklist}?include-properties=true`,
    );
    expect(one.body.properties.results[0].key).toBe("state");
  });
});

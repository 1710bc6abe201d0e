// Pages beyond CRUD over HTTP: title update, versions, likes, operations, labels, children,
// direct children, ancestors and descendants (with depth), validated against confluence-v2.json.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { useResettingEmulator } from "./client.js";

const P = DEMO_IDS.pages;
const { call } = useResettingEmulator();
const ids = (body: { results: { id: string }[] }) => body.results.map((r) => r.id);

describe("page versions, likes, operations", () => {
  it("lists published versions newest first, paginated, with details and neighbours", async () => {
    const first = await call(`/wiki/api/v2/pages/${P.architecture}/versions?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.results.map((v: { number: number }) => v.number)).toEqual([3, 2]);
    expect(first.body.results[0].page).toEqual({ id: P.architecture, title: "Architecture" });
    const rest = await call(first.body._links.next);
    expect(rest.body.results.map((v: { number: number }) => v.number)).toEqual([1]);
    const oldest = await call(`/wiki/api/v2/pages/${P.architecture}/versions?sort=modified-date`);
    expect(oldest.body.results[0].number).toBe(1);
    const withBody = await call(
      `/wiki/api/v2/pages/${P.architecture}/versions?body-format=storage&limit=1`,
    );
    expect(withBody.body.results[0].page.body.storage.value).toBe("<p>Architecture content.</p>");
    const detail = await call(`/wiki/api/v2/pages/${P.architecture}/versions/1`);
    expect(detail.body).toMatchObject({ number: 1, nextVersion: 2, minorEdit: false });
    expect(detail.body).not.toHaveProperty("prevVersion");
    expect((await call(`/wiki/api/v2/pages/${P.architecture}/versions/4`)).status).toBe(404);
    expect((await call("/wiki/api/v2/pages/99999/versions")).status).toBe(404);
  });

  it("counts and lists likes, lists operations and labels", async () => {
    expect((await call(`/wiki/api/v2/pages/${P.architecture}/likes/count`)).body).toEqual({
      count: 1,
    });
    const users = await call(`/wiki/api/v2/pages/${P.architecture}/likes/users`);
    expect(users.body.results).toHaveLength(1);
    expect((await call(`/wiki/api/v2/pages/${P.runbooks}/likes/count`)).body.count).toBe(0);
    const ops = await call(`/wiki/api/v2/pages/${P.runbooks}/operations`);
    expect(ops.body.operations).toContainEqual({ operation: "read", targetType: "page" });
    const labels = await call(`/wiki/api/v2/pages/${P.architecture}/labels`);
    expect(labels.body.results).toEqual([{ id: "229377", name: "architecture", prefix: "global" }]);
    const mine = await call(`/wiki/api/v2/pages/${P.architecture}/labels?prefix=my`);
    expect(mine.body.results).toEqual([]);
  });
});

describe("page title", () => {
  it("renames a published page as a new version, keeping its body", async () => {
    const put = await call(`/wiki/api/v2/pages/${P.runbooks}/title`, {
      method: "PUT",
      body: { status: "current", title: "Playbooks" },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ title: "Playbooks", version: { number: 2 } });
    expect(put.body.body.storage.value).toBe("<p>Runbooks content.</p>");
    const versions = await call(`/wiki/api/v2/pages/${P.runbooks}/versions`);
    expect(versions.body.results.map((v: { page: { title: string } }) => v.page.title)).toEqual([
      "Playbooks",
      "Runbooks",
    ]);
  });

  it("refuses a title another page holds (400), a missing page (404) and bad input (400)", async () => {
    allowInvalidRequestsInThisTest();
    const put = (id: string, body: unknown) =>
      call(`/wiki/api/v2/pages/${id}/title`, { method: "PUT", body });
    expect((await put(P.runbooks, { status: "current", title: "Architecture" })).status).toBe(400);
    expect((await put("99999", { status: "current", title: "X" })).status).toBe(404);
    expect((await put(P.runbooks, { status: "current" })).status).toBe(400);
    expect((await put(P.runbooks, { status: "live", title: "X" })).status).toBe(400);
  });

  it("retitles the unpublished draft with status draft", async () => {
    const put = await call(`/wiki/api/v2/pages/${P.architecture}/title`, {
      method: "PUT",
      body: { status: "draft", title: "Architecture v4" },
    });
    expect(put.body).toMatchObject({ status: "draft", title: "Architecture v4" });
    const current = await call(`/wiki/api/v2/pages/${P.architecture}`);
    expect(current.body).toMatchObject({ title: "Architecture", version: { number: 3 } });
  });
});

describe("page tree", () => {
  it("lists children by position (drafts and trashed pages left out), with cursors", async () => {
    const all = await call(`/wiki/api/v2/pages/${P.engineeringHome}/children`);
    expect(ids(all.body)).toEqual([P.architecture, P.runbooks]);
    expect(all.body.results[0]).toMatchObject({ title: "Architecture", childPosition: 1 });
    const paged = await call(`/wiki/api/v2/pages/${P.engineeringHome}/children?limit=1`);
    expect(ids(paged.body)).toEqual([P.architecture]);
    expect(paged.headers.get("link")).toContain('rel="next"');
    expect(ids((await call(paged.body._links.next)).body)).toEqual([P.runbooks]);
    const byTitle = await call(
      `/wiki/api/v2/pages/${P.engineeringHome}/direct-children?sort=-title`,
    );
    expect(ids(byTitle.body)).toEqual([P.runbooks, P.architecture]);
    expect(byTitle.body.results[0].type).toBe("page");
    expect((await call(`/wiki/api/v2/pages/${P.cursorFormat}/children`)).body.results).toEqual([]);
  });

  it("lists ancestors top to bottom; a limit keeps the nearest", async () => {
    const all = await call(`/wiki/api/v2/pages/${P.cursorFormat}/ancestors`);
    expect(all.body.results).toEqual([
      { id: P.engineeringHome, type: "page" },
      { id: P.architecture, type: "page" },
      { id: P.emulatorDesign, type: "page" },
    ]);
    const nearest = await call(`/wiki/api/v2/pages/${P.cursorFormat}/ancestors?limit=1`);
    expect(ids(nearest.body)).toEqual([P.emulatorDesign]);
    expect((await call(`/wiki/api/v2/pages/${P.engineeringHome}/ancestors`)).body.results).toEqual(
      [],
    );
    expect((await call("/wiki/api/v2/pages/99999/ancestors")).status).toBe(404);
  });

  it("lists descendants level by level down to depth (default 2, at most 5)", async () => {
    const two = await call(`/wiki/api/v2/pages/${P.engineeringHome}/descendants`);
    expect(ids(two.body)).toEqual([P.architecture, P.runbooks, P.emulatorDesign]);
    expect(two.body.results[2]).toMatchObject({ depth: 2, parentId: P.architecture });
    const deep = await call(`/wiki/api/v2/pages/${P.engineeringHome}/descendants?depth=5&limit=3`);
    expect(deep.body.results).toHaveLength(3);
    const next = await call(deep.body._links.next);
    expect(ids(next.body)).toEqual([P.cursorFormat]);
    expect(next.body.results[0].depth).toBe(3);
    allowInvalidRequestsInThisTest();
    expect((await call(`/wiki/api/v2/pages/${P.engineeringHome}/descendants?depth=6`)).status).toBe(
      400,
    );
  });
});

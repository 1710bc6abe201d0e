// Custom content writes and listings over HTTP, validated against confluence-v2.json: create in
// a space / page / other custom content, update with version checks, versions, children,
// listings by container and type, operations, attachments, labels, trash and purge.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { useResettingEmulator } from "./client.js";

const { call } = useResettingEmulator();
const V2 = "/wiki/api/v2";
const SPACE = DEMO_IDS.spaces.engineering.id;
const TYPE = "forge:app:env:note";
const body = (value: string) => ({ representation: "storage", value });

async function create(fields: Record<string, unknown>) {
  return call(`${V2}/custom-content`, {
    method: "POST",
    body: { type: TYPE, title: "Note", body: body("<p>v1</p>"), ...fields },
  });
}

describe("custom content", () => {
  it("creates, updates with version checks, lists versions and trashes then purges", async () => {
    const created = await create({ spaceId: SPACE });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: TYPE,
      status: "current",
      title: "Note",
      spaceId: SPACE,
      version: { number: 1 },
      body: { storage: { value: "<p>v1</p>" } },
    });
    const id = created.body.id as string;
    const put = (number: number, title = "Note 2") =>
      call(`${V2}/custom-content/${id}`, {
        method: "PUT",
        body: {
          id,
          type: TYPE,
          status: "current",
          title,
          body: { storage: body("<p>v2</p>") },
          version: { number, message: "second" },
        },
      });
    expect((await put(1)).status).toBe(409);
    const updated = await put(2);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      title: "Note 2",
      version: { number: 2, message: "second" },
    });

    const versions = await call(`${V2}/custom-content/${id}/versions`);
    expect(versions.body.results.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(versions.body.results[1].custom).toMatchObject({ id, title: "Note" });
    const detail = await call(`${V2}/custom-content/${id}/versions/1`);
    expect(detail.body).toMatchObject({ number: 1, nextVersion: 2 });
    expect((await call(`${V2}/custom-content/${id}/versions/7`)).status).toBe(404);
    const ops = await call(`${V2}/custom-content/${id}/operations`);
    expect(ops.body.operations).toContainEqual({
      operation: "update",
      targetType: "custom_content",
    });

    const inSpace = await call(`${V2}/spaces/${SPACE}/custom-content?type=${TYPE}`);
    expect(inSpace.body.results.map((c: { id: string }) => c.id)).toEqual([id]);

    // Purge needs the trash first.
    expect((await call(`${V2}/custom-content/${id}?purge=true`, { method: "DELETE" })).status).toBe(
      400,
    );
    expect((await call(`${V2}/custom-content/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${V2}/custom-content/${id}`)).body.status).toBe("trashed");
    expect((await call(`${V2}/spaces/${SPACE}/custom-content?type=${TYPE}`)).body.results).toEqual(
      [],
    );
    expect((await call(`${V2}/custom-content/${id}?purge=true`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await call(`${V2}/custom-content/${id}`)).status).toBe(404);
  });

  it("lists by page, nests custom content and serves children, labels and attachments", async () => {
    const onPage = await create({ pageId: DEMO_IDS.pages.runbooks, title: "On page" });
    expect(onPage.body).toMatchObject({ pageId: DEMO_IDS.pages.runbooks, spaceId: SPACE });
    const listed = await call(
      `${V2}/pages/${DEMO_IDS.pages.runbooks}/custom-content?type=${TYPE}&body-format=storage`,
    );
    expect(listed.body.results).toHaveLength(1);
    const child = await create({ customContentId: onPage.body.id, title: "Child" });
    expect(child.body.customContentId).toBe(onPage.body.id);
    const children = await call(`${V2}/custom-content/${onPage.body.id}/children`);
    expect(children.body.results).toEqual([
      { id: child.body.id, status: "current", title: "Child", type: TYPE, spaceId: SPACE },
    ]);
    expect((await call(`${V2}/custom-content/${onPage.body.id}/labels`)).body.results).toEqual([]);
    const attachments = await call(
      `${V2}/custom-content/${DEMO_IDS.customContent.checklist}/attachments`,
    );
    expect(attachments.body.results.map((a: { id: string }) => a.id)).toEqual([
      DEMO_IDS.attachments.checklistJson,
    ]);
  });

  it("answers 400 for bad input and 404 for missing containers", async () => {
    allowInvalidRequestsInThisTest();
    expect((await create({})).status).toBe(400);
    expect((await create({ spaceId: SPACE, pageId: DEMO_IDS.pages.runbooks })).status).toBe(400);
    expect((await create({ spaceId: "99999" })).status).toBe(404);
    expect((await create({ pageId: "99999" })).status).toBe(404);
    expect((await create({ blogPostId: "99999" })).status).toBe(404);
    expect((await create({ spaceId: SPACE, title: "" })).status).toBe(400);
    expect((await call(`${V2}/spaces/${SPACE}/custom-content`)).status).toBe(400);
    expect((await call(`${V2}/pages/99999/custom-content?type=${TYPE}`)).status).toBe(404);
    expect((await call(`${V2}/custom-content/99999/children`)).status).toBe(404);
  });
});

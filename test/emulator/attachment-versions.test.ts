// getAttachmentOperations, getAttachmentVersions, getAttachmentVersionDetails: the attachment's
// current version, its operations, and 404 for versions or attachments that do not exist.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { AUTH, useResettingEmulator } from "./client.js";

const site = useResettingEmulator({ seed: "demo" });
const PDF = DEMO_IDS.attachments.architecturePdf;

describe("attachment versions and operations", () => {
  it("lists the current version and serves its details", async () => {
    const attachment = (await site.call(`/wiki/api/v2/attachments/${PDF}`)).body;
    const versions = await site.call(`/wiki/api/v2/attachments/${PDF}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.results).toEqual([
      expect.objectContaining({
        number: attachment.version.number,
        attachment: { id: PDF, title: attachment.title },
      }),
    ]);
    const detail = await site.call(
      `/wiki/api/v2/attachments/${PDF}/versions/${attachment.version.number}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      number: attachment.version.number,
      contentTypeModified: false,
    });
    expect((await site.call(`/wiki/api/v2/attachments/${PDF}/versions/99`)).status).toBe(404);
  });

  it("lists the operations, and answers 404 for an unknown attachment", async () => {
    const operations = await site.call(`/wiki/api/v2/attachments/${PDF}/operations`);
    expect(operations.body.operations).toContainEqual({
      operation: "read",
      targetType: "attachment",
    });
    for (const path of ["operations", "versions", "versions/1"]) {
      expect((await site.call(`/wiki/api/v2/attachments/att999999/${path}`)).status, path).toBe(
        404,
      );
    }
  });
});

/** A new version of the PDF: v1 createOrUpdateAttachments with the same file name. */
async function uploadVersion(title: string, bytes: string, type: string, comment: string) {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), title);
  form.append("comment", comment);
  const response = await fetch(
    `${site.emulator.url}/wiki/rest/api/content/${DEMO_IDS.pages.architecture}/child/attachment`,
    {
      method: "PUT",
      headers: { authorization: AUTH, "x-atlassian-token": "no-check" },
      body: form,
    },
  );
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

async function download(path: string): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${site.emulator.url}${path}`, { headers: { authorization: AUTH } });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

describe("attachment version history", () => {
  it("keeps every version: listed newest first, each with its details and links", async () => {
    const before = (await site.call(`/wiki/api/v2/attachments/${PDF}`)).body;
    await uploadVersion(before.title, "second", "text/plain", "v2 comment");
    await uploadVersion(before.title, "third", "text/plain", "v3 comment");
    const versions = await site.call(`/wiki/api/v2/attachments/${PDF}/versions`);
    expect(versions.body.results.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    expect(versions.body.results[0]).toMatchObject({
      message: "v3 comment",
      attachment: { id: PDF, title: before.title },
    });
    const oldestFirst = await site.call(
      `/wiki/api/v2/attachments/${PDF}/versions?sort=modified-date&limit=2`,
    );
    expect(oldestFirst.body.results.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(oldestFirst.body._links.next).toBeDefined();

    const first = await site.call(`/wiki/api/v2/attachments/${PDF}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ number: 1, nextVersion: 2 });
    expect(first.body.prevVersion).toBeUndefined();
    const middle = await site.call(`/wiki/api/v2/attachments/${PDF}/versions/2`);
    // The PDF became a text file at version 2.
    expect(middle.body).toMatchObject({
      number: 2,
      message: "v2 comment",
      prevVersion: 1,
      nextVersion: 3,
      contentTypeModified: true,
    });
    const last = await site.call(`/wiki/api/v2/attachments/${PDF}/versions/3`);
    expect(last.body).toMatchObject({ number: 3, prevVersion: 2, contentTypeModified: false });
    expect(last.body.nextVersion).toBeUndefined();
    expect((await site.call(`/wiki/api/v2/attachments/${PDF}/versions/4`)).status).toBe(404);
  });

  it("downloads any version's bytes: the servlet's ?version=N and v1 downloadAttatchment", async () => {
    const attachment = (await site.call(`/wiki/api/v2/attachments/${PDF}`)).body;
    const original = await download(`/wiki${attachment.downloadLink}`);
    expect(original.status).toBe(200);
    await uploadVersion(attachment.title, "second", "text/plain", "v2");
    const file = `/wiki/download/attachments/${DEMO_IDS.pages.architecture}/${encodeURIComponent(attachment.title)}`;
    expect(await download(`${file}?version=1`)).toEqual(original);
    expect(await download(file)).toMatchObject({ status: 200, type: "text/plain", text: "second" });
    expect((await download(`${file}?version=7`)).status).toBe(404);

    const v1 = `/wiki/rest/api/content/${DEMO_IDS.pages.architecture}/child/attachment/${PDF}/download`;
    const redirect = await fetch(`${site.emulator.url}${v1}?version=1`, {
      headers: { authorization: AUTH },
      redirect: "manual",
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toContain("version=1");
    await redirect.arrayBuffer();
    expect(await download(`${v1}?version=1`)).toEqual(original);
    expect(await download(v1)).toMatchObject({ status: 200, text: "second" });
    expect((await download(`${v1}?version=9`)).status).toBe(404);
    // The attachment belongs to another page: not found there.
    const elsewhere = `/wiki/rest/api/content/${DEMO_IDS.pages.runbooks}/child/attachment/${PDF}/download`;
    expect((await download(elsewhere)).status).toBe(404);
  });
});

import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const A = DEMO_IDS.attachments;

describe("attachments", () => {
  it("List Attachments returns a page and a cursor", async () => {
    const { data } = await run("listAttachments", { limit: "2" });
    const page = data as { results: { id: string }[]; nextCursor?: string };
    expect(page.results).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const [request] = await received();
    expect(request).toMatchObject({
      method: "GET",
      path: "/wiki/api/v2/attachments",
      query: { limit: "2" },
    });
  });

  it("Get Attachment accepts att-prefixed ids", async () => {
    const { data } = await run("getAttachment", { attachmentId: A.architecturePdf });
    expect(data).toMatchObject({ id: A.architecturePdf });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "GET",
      path: `/wiki/api/v2/attachments/${A.architecturePdf}`,
    });
  });

  it("Get Attachments for Page lists the page's attachments", async () => {
    const { data } = await run("getPageAttachment", {
      pageId: DEMO_IDS.pages.architecture,
      fetchAll: "true",
    });
    const ids = (data as { results: { id: string }[] }).results.map((a) => a.id);
    expect(ids).toContain(A.architecturePdf);
    const [request] = await received();
    expect(request).toMatchObject({
      path: `/wiki/api/v2/pages/${DEMO_IDS.pages.architecture}/attachments`,
    });
  });

  it("Delete Attachment sends purge only when asked", async () => {
    const { data } = await run("deleteAttachment", { attachmentId: A.notesTxt });
    expect(data).toMatchObject({ id: A.notesTxt, deleted: true });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "DELETE",
      path: `/wiki/api/v2/attachments/${A.notesTxt}`,
    });
    expect(request?.query).not.toHaveProperty("purge");
  });
});

// Upload Attachment and Download Attachment through the component against the emulator.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const P = DEMO_IDS.pages;

interface Uploaded {
  results: { id: string; title: string; version: { number: number; minorEdit: boolean } }[];
}

describe("attachment files", () => {
  it("uploads a new file, then a new version of it by file name, and downloads it", async () => {
    const first = (await run("uploadAttachment", {
      contentId: P.runbooks,
      file: { data: Buffer.from("v1 bytes"), contentType: "text/plain" },
      fileName: "runbook.txt",
      comment: "first cut",
    })) as { data: Uploaded };
    // The attachment of that name is read first, so that a lost answer can be resolved exactly.
    const [lookup, upload] = await received();
    expect(lookup).toMatchObject({
      method: "GET",
      path: `/wiki/api/v2/pages/${P.runbooks}/attachments`,
      query: { filename: "runbook.txt" },
    });
    expect(upload).toMatchObject({
      method: "PUT",
      path: `/wiki/rest/api/content/${P.runbooks}/child/attachment`,
    });
    const created = first.data.results[0]!;
    expect(created).toMatchObject({ title: "runbook.txt", version: { number: 1 } });

    const second = (await run("uploadAttachment", {
      contentId: P.runbooks,
      file: Buffer.from("second version").toString("base64"),
      fileEncoding: "base64",
      fileName: "runbook.txt",
      contentType: "text/markdown",
      minorEdit: "true",
    })) as { data: Uploaded };
    expect(second.data.results[0]).toMatchObject({
      id: created.id,
      version: { number: 2, minorEdit: true },
    });

    const { data, result } = await run("downloadAttachment", { attachmentId: created.id });
    expect(Buffer.from(data as Uint8Array).toString("utf8")).toBe("second version");
    expect(result).toMatchObject({
      contentType: "text/markdown",
      headers: { "Content-Disposition": "attachment; filename*=UTF-8''runbook.txt" },
    });
  });

  it("create mode refuses a file name the page already has (Confluence's 400)", async () => {
    await run("uploadAttachment", { contentId: P.runbooks, file: "a", fileName: "once.txt" });
    await expect(
      run("uploadAttachment", {
        contentId: P.runbooks,
        file: "b",
        fileName: "once.txt",
        mode: "create",
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("refuses bad base64 and a path as file name, sending nothing", async () => {
    await expect(
      run("uploadAttachment", {
        contentId: P.runbooks,
        file: "not base64!",
        fileEncoding: "base64",
        fileName: "x.bin",
      }),
    ).rejects.toThrow(/File is not valid base64/);
    await expect(
      run("uploadAttachment", { contentId: P.runbooks, file: "x", fileName: "../x.txt" }),
    ).rejects.toThrow(/File Name/);
    expect(await received()).toEqual([]);
  });

  it("refuses a file over Max Size (MB) without downloading it", async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 1);
    const uploaded = (await run("uploadAttachment", {
      contentId: P.runbooks,
      file: { data: big, contentType: "application/octet-stream" },
      fileName: "big.bin",
    })) as { data: Uploaded };
    const id = uploaded.data.results[0]!.id;
    const before = (await received()).length;
    await expect(
      run("downloadAttachment", { attachmentId: id, maxSizeMb: "1" }),
    ).rejects.toMatchObject({ name: "AttachmentTooLargeError", message: /over Max Size \(MB\) 1/ });
    const requests = (await received()).slice(before);
    // Only the attachment's metadata was read, never its bytes.
    expect(requests.map((r) => r.path)).toEqual([`/wiki/api/v2/attachments/${id}`]);
    const { data } = await run("downloadAttachment", { attachmentId: id, maxSizeMb: "2" });
    expect((data as Uint8Array).byteLength).toBe(big.byteLength);
  });
});

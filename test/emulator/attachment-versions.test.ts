// getAttachmentOperations, getAttachmentVersions, getAttachmentVersionDetails: the attachment's
// current version, its operations, and 404 for versions or attachments that do not exist.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { useResettingEmulator } from "./client.js";

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

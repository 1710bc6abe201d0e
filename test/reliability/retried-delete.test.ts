// A DELETE cut off after Confluence applied it is retried (DELETE is idempotent) and answered
// 404: the core flags the 404 as following an uncertain attempt, and Delete actions report the
// object as deleted rather than failing on their own success.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfluenceApiError } from "../../src/core/index.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { runCatalogAction } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { auditClient, clearFaults, fastClient, setFaults } from "./support.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  // Strict conformance: the only fault is a dropped connection, which leaves no response.
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.reset();
  await clearFaults(emulator);
});

/** The next DELETE of a page is applied, then its connection is reset. */
const dropFirstPageDelete = () =>
  setFaults(emulator, {
    seed: 1,
    rules: [{ method: "DELETE", path: "/wiki/api/v2/pages/*", resetAfter: { rate: 1 }, times: 1 }],
  });

async function pageStatus(id: string): Promise<string> {
  const client = auditClient(emulator);
  try {
    const page = await client.request<{ status: string }>({
      path: "/pages/{id}",
      pathParams: { id },
      query: { status: "trashed" },
    });
    return page.data.status;
  } finally {
    await client.close();
  }
}

describe("a DELETE applied, then cut off, then retried", () => {
  it("core: the retry's 404 says an earlier attempt may already have been applied", async () => {
    await dropFirstPageDelete();
    const { client } = fastClient(emulator);
    const id = DEMO_IDS.pages.architecture;
    const error = await client
      .request({ method: "DELETE", path: "/pages/{id}", pathParams: { id } })
      .catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(ConfluenceApiError);
    expect(error).toMatchObject({ status: 404, afterUncertainAttempt: true });
    expect((error as Error).message).toContain("an earlier attempt may already have been applied");
  });

  it("core: a plain 404 is not flagged", async () => {
    const { client } = fastClient(emulator);
    const error = await client
      .request({ method: "DELETE", path: "/pages/{id}", pathParams: { id: "999999999" } })
      .catch((e: unknown) => e);
    await client.close();
    expect(error).toMatchObject({ status: 404, afterUncertainAttempt: false });
  });

  it("Delete Page reports the page deleted, and Confluence holds it in the trash", async () => {
    await dropFirstPageDelete();
    const id = DEMO_IDS.pages.architecture;
    const result = await runCatalogAction(emulator, "deletePage", { pageId: id });
    expect(result.data).toEqual({ id, deleted: true, status: 404, alreadyDeleted: true });
    expect(await pageStatus(id)).toBe("trashed");
  });

  it("Delete Page still fails on an id that never existed", async () => {
    await expect(
      runCatalogAction(emulator, "deletePage", { pageId: "999999999" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

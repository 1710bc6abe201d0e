// The client against the local Confluence Cloud emulator (integration).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  basicAuth,
  ConfluenceApiError,
  type ConfluenceClient,
  createConfluenceClient,
} from "../../src/core/index.js";
import type { ContentProperty, Page, V2ErrorBody } from "../../src/types/confluence.js";
import { startTestEmulator } from "../support/emulator.js";

let emulator: { url: string; close(): Promise<void> };
let client: ConfluenceClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  client = createConfluenceClient({
    host: emulator.url,
    auth: basicAuth({ email: "demo@example.com", apiToken: "demo-token" }),
    allowLoopbackHttp: true,
  });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

describe("core client ↔ emulator", () => {
  it("paginates every page with small pages and matches one big page", async () => {
    const all = await client.listPage<Page>("/pages", { limit: 250 });
    expect(all.results.length).toBeGreaterThan(3);
    const ids: string[] = [];
    for await (const page of client.paginate<Page>("/pages", { limit: 2 })) ids.push(page.id);
    expect(ids).toEqual(all.results.map((page) => page.id));
    const first = await client.listPage<Page>("/pages", { limit: 2 });
    expect(first.nextCursor).toBeDefined();
    const second = await client.listPage<Page>("/pages", { limit: 2, cursor: first.nextCursor });
    expect(second.results.map((p) => p.id)).toEqual(ids.slice(2, 4));
  });

  it("reads a page by id with kebab-case query flags", async () => {
    const [page] = (await client.listPage<Page>("/pages", { limit: 1 })).results;
    const response = await client.request<Page>({
      path: "/pages/{id}",
      pathParams: { id: page?.id ?? "" },
      query: { "body-format": "storage", "include-labels": true },
    });
    expect(response.status).toBe(200);
    expect(response.data.id).toBe(page?.id);
    expect(response.data.title).toBe(page?.title);
  });

  it("maps the emulator's v2 404 into ConfluenceApiError", async () => {
    const error = await client
      .request({ path: "/pages/{id}", pathParams: { id: "999999999" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceApiError);
    const apiError = error as ConfluenceApiError;
    expect(apiError.status).toBe(404);
    expect((apiError.body as V2ErrorBody).errors[0]?.status).toBe(404);
    expect(apiError.message).toMatch(
      /^Confluence returned 404 Not Found for GET \/wiki\/api\/v2\/pages\/999999999/,
    );
  });

  it("rejects wrong credentials with 401 and keeps the token out of the error", async () => {
    const wrong = createConfluenceClient({
      host: emulator.url,
      auth: basicAuth({ email: "demo@example.com", apiToken: "wrong-token-value" }),
      allowLoopbackHttp: true,
    });
    const error = await wrong.request({ path: "/spaces" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    expect(JSON.stringify(error) + (error as Error).message).not.toContain("wrong-token-value");
    await wrong.close();
  });

  it("round-trips a page content property (POST, GET, DELETE)", async () => {
    const [page] = (await client.listPage<Page>("/pages", { limit: 1 })).results;
    const pageId = page?.id ?? "";
    const created = await client.request<ContentProperty>({
      method: "POST",
      path: "/pages/{id}/properties",
      pathParams: { id: pageId },
      body: { key: "core-test key/é", value: { n: 1 } },
    });
    expect(created.data.key).toBe("core-test key/é");
    const params = { "page-id": pageId, "property-id": created.data.id };
    const read = await client.request<ContentProperty>({
      path: "/pages/{page-id}/properties/{property-id}",
      pathParams: params,
    });
    expect(read.data.value).toEqual({ n: 1 });
    const deleted = await client.request({
      method: "DELETE",
      path: "/pages/{page-id}/properties/{property-id}",
      pathParams: params,
    });
    expect(deleted.status).toBe(204);
    expect(deleted.data).toBeUndefined();
  });

  it("serves Raw Request style site paths", async () => {
    const response = await client.request<{ results: unknown[] }>({
      api: "site",
      path: "/wiki/api/v2/spaces?limit=1",
    });
    expect(response.data.results).toHaveLength(1);
  });
});

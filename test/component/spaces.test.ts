import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();

describe("spaces", () => {
  it("List Spaces returns a page of spaces and the next cursor", async () => {
    const { data } = await run("listSpaces", { limit: "2" });
    const page = data as { results: { id: string }[]; nextCursor?: string; _links?: unknown };
    expect(page.results.map((s) => s.id)).toEqual([
      DEMO_IDS.spaces.engineering.id,
      DEMO_IDS.spaces.personal.id,
    ]);
    expect(page.nextCursor).toEqual(expect.any(String));
    const [request] = await received();
    expect(request).toMatchObject({
      method: "GET",
      path: "/wiki/api/v2/spaces",
      query: { limit: "2" },
    });

    const next = await run("listSpaces", { limit: "2", cursor: page.nextCursor });
    const rest = next.data as { results: { id: string }[]; nextCursor?: string };
    expect(rest.results.map((s) => s.id)).toContain(DEMO_IDS.spaces.archive.id);
    expect(rest.nextCursor).toBeUndefined();
  });

  it("List Spaces with Fetch All follows the cursor to the end", async () => {
    const { data } = await run("listSpaces", { limit: "1", fetchAll: "true" });
    const page = data as { results: { id: string }[]; nextCursor?: string };
    expect(page.results.length).toBeGreaterThanOrEqual(3);
    expect(page.nextCursor).toBeUndefined();
    // One request per space (page size 1), each on the same endpoint.
    const requests = await received();
    expect(requests.length).toBeGreaterThanOrEqual(page.results.length);
    expect(requests.every((r) => r.path === "/wiki/api/v2/spaces")).toBe(true);
    expect(new Set(page.results.map((s) => s.id)).size).toBe(page.results.length);
  });

  it("List Spaces merges Query Parameters into the query string", async () => {
    await run("listSpaces", { queryParameters: [{ key: "keys", value: "ENG" }] });
    const [request] = await received();
    expect(request?.query).toMatchObject({ keys: "ENG", limit: "25" });
  });

  it("Get Space returns the space by id", async () => {
    const { data } = await run("getSpace", {
      spaceId: DEMO_IDS.spaces.engineering.id,
      queryParameters: [{ key: "include-icon", value: "true" }],
    });
    expect(data).toMatchObject({ id: DEMO_IDS.spaces.engineering.id, key: "ENG" });
    const [request] = await received();
    expect(request).toMatchObject({
      method: "GET",
      path: `/wiki/api/v2/spaces/${DEMO_IDS.spaces.engineering.id}`,
      query: { "include-icon": "true" },
    });
  });

  it("surfaces Confluence errors with status and trace id", async () => {
    const error = await run("getSpace", { spaceId: "999999" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 404 });
    expect(String((error as Error).message)).toMatch(/404/);
  });
});

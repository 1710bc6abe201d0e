// Blog posts over HTTP: CRUD, versions, properties, likes, operations, attachments and the
// space listing, each exchange validated against confluence-v2.json (strict conformance).
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { type Call, useResettingEmulator } from "./client.js";

const ENG = DEMO_IDS.spaces.engineering.id;
const { call } = useResettingEmulator();

const storage = (value: string) => ({ representation: "storage", value });

async function createPost(c: Call, title: string, extra: Record<string, unknown> = {}) {
  const created = await c("/wiki/api/v2/blogposts", {
    method: "POST",
    body: { spaceId: ENG, status: "current", title, body: storage(`<p>${title}</p>`), ...extra },
  });
  expect(created.status).toBe(200);
  return created.body as { id: string; version: { number: number } };
}

describe("blog posts", () => {
  it("creates a blog post with the BlogPostSingle shape (no page-only fields)", async () => {
    const post = await createPost(call, "Release notes");
    expect(post).toMatchObject({ title: "Release notes", spaceId: ENG, status: "current" });
    expect(post.version.number).toBe(1);
    expect(post).not.toHaveProperty("parentId");
    expect(post).not.toHaveProperty("position");
    const got = await call(`/wiki/api/v2/blogposts/${post.id}?body-format=storage`);
    expect(got.status).toBe(200);
    expect(got.body.body.storage.value).toBe("<p>Release notes</p>");
    expect(got.body._links.webui).toMatch(/\/spaces\/ENG\/blog\/\d{4}\/\d{2}\/\d{2}\//);
    // A blog post is not a page.
    expect((await call(`/wiki/api/v2/pages/${post.id}`)).status).toBe(404);
  });

  it("refuses bad input with 400 and an unknown space with 404", async () => {
    // The requests break the contract on purpose; the answers are still checked.
    allowInvalidRequestsInThisTest();
    const post = (body: unknown) => call("/wiki/api/v2/blogposts", { method: "POST", body });
    expect((await post({ title: "x" })).status).toBe(400);
    expect((await post({ spaceId: ENG, status: "current" })).status).toBe(400);
    expect((await post({ spaceId: ENG, title: "x", status: "published" })).status).toBe(400);
    expect((await post({ spaceId: "99999", title: "x" })).status).toBe(404);
    expect((await call("/wiki/api/v2/blogposts/99999")).status).toBe(404);
    expect((await call("/wiki/api/v2/blogposts/abc")).status).toBe(400);
  });

  it("updates with version checks, keeps versions and serves them newest first", async () => {
    const post = await createPost(call, "Weekly");
    const put = (number: number, title = "Weekly 2") =>
      call(`/wiki/api/v2/blogposts/${post.id}`, {
        method: "PUT",
        body: {
          id: post.id,
          status: "current",
          title,
          body: storage("<p>v</p>"),
          version: { number },
        },
      });
    expect((await put(1)).status).toBe(409);
    const updated = await put(2);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: "Weekly 2", version: { number: 2 } });
    await put(3, "Weekly 3");
    const versions = await call(`/wiki/api/v2/blogposts/${post.id}/versions?limit=2`);
    expect(versions.body.results.map((v: { number: number }) => v.number)).toEqual([3, 2]);
    expect(versions.body.results[0].blogpost).toMatchObject({ id: post.id, title: "Weekly 3" });
    expect(versions.headers.get("link")).toContain('rel="next"');
    const rest = await call(versions.body._links.next);
    expect(rest.body.results.map((v: { number: number }) => v.number)).toEqual([1]);
    const detail = await call(`/wiki/api/v2/blogposts/${post.id}/versions/2`);
    expect(detail.body).toMatchObject({ number: 2, prevVersion: 1, nextVersion: 3 });
    expect((await call(`/wiki/api/v2/blogposts/${post.id}/versions/9`)).status).toBe(404);
    const old = await call(`/wiki/api/v2/blogposts/${post.id}?version=1`);
    expect(old.body).toMatchObject({ title: "Weekly", status: "historical" });
  });

  it("trashes, lists by status, restores and purges", async () => {
    const post = await createPost(call, "Doomed");
    const del = (query = "") =>
      call(`/wiki/api/v2/blogposts/${post.id}${query}`, { method: "DELETE" });
    expect((await del("?purge=true")).status).toBe(400);
    expect((await del()).status).toBe(204);
    const current = await call(`/wiki/api/v2/spaces/${ENG}/blogposts`);
    expect(current.body.results.map((p: { id: string }) => p.id)).not.toContain(post.id);
    const trashed = await call(`/wiki/api/v2/blogposts?status=trashed`);
    expect(trashed.body.results.map((p: { id: string }) => p.id)).toEqual([post.id]);
    expect((await del("?purge=true")).status).toBe(204);
    expect((await call(`/wiki/api/v2/blogposts/${post.id}`)).status).toBe(404);
  });

  it("lists blog posts with cursor pagination, by space and by id", async () => {
    const ids: string[] = [];
    for (const title of ["A", "B", "C"]) ids.push((await createPost(call, title)).id);
    const first = await call("/wiki/api/v2/blogposts?limit=2");
    expect(first.body.results).toHaveLength(2);
    expect(first.headers.get("link")).toMatch(/^<\/wiki\/api\/v2\/blogposts\?limit=2&cursor=/);
    const second = await call(first.body._links.next);
    expect(
      [...first.body.results, ...second.body.results].map((p: { id: string }) => p.id),
    ).toEqual(ids);
    expect(second.headers.get("link")).toBeNull();
    const byId = await call(`/wiki/api/v2/blogposts?id=${ids[1]}`);
    expect(byId.body.results.map((p: { id: string }) => p.id)).toEqual([ids[1]]);
    const other = await call(`/wiki/api/v2/spaces/${DEMO_IDS.spaces.personal.id}/blogposts`);
    expect(other.body.results).toEqual([]);
    expect((await call("/wiki/api/v2/spaces/99999/blogposts")).status).toBe(404);
  });

  it("has properties, likes, operations and include-* like pages", async () => {
    const post = await createPost(call, "Props");
    const base = `/wiki/api/v2/blogposts/${post.id}`;
    const prop = await call(`${base}/properties`, { method: "POST", body: { key: "k", value: 1 } });
    expect(prop.status).toBe(200);
    const put = await call(`${base}/properties/${prop.body.id}`, {
      method: "PUT",
      body: { key: "k", value: 2, version: { number: 2 } },
    });
    expect(put.body).toMatchObject({ value: 2, version: { number: 2 } });
    expect((await call(`${base}/properties`)).body.results).toHaveLength(1);
    expect((await call(`${base}/likes/count`)).body).toEqual({ count: 0 });
    expect((await call(`${base}/likes/users`)).body.results).toEqual([]);
    const ops = await call(`${base}/operations`);
    expect(ops.body.operations).toContainEqual({ operation: "update", targetType: "blogpost" });
    const full = await call(
      `${base}?include-properties=true&include-operations=true&include-versions=true`,
    );
    expect(full.body.properties.results).toHaveLength(1);
    expect(full.body.operations.results.length).toBeGreaterThan(0);
    expect(full.body.versions.results[0].number).toBe(1);
    expect((await call(`${base}/attachments`)).body.results).toEqual([]);
    expect((await call(`${base}/properties/${prop.body.id}`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await call("/wiki/api/v2/blogposts/99999/likes/count")).status).toBe(404);
  });
});

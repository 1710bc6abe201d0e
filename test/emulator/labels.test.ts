// Labels over HTTP: written through v1 (add, list, remove by path and by ?name=), read through
// every v2 label listing; v1 exchanges are validated against confluence-v1.json, v2 ones against
// confluence-v2.json.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { useResettingEmulator } from "./client.js";

const P = DEMO_IDS.pages;
const ENG = DEMO_IDS.spaces.engineering.id;
const { call } = useResettingEmulator();
const names = (body: { results: { name: string }[] }) => body.results.map((l) => l.name);

describe("v1 content labels", () => {
  it("adds one or many labels (lower-cased, no duplicates), lists and removes them", async () => {
    const path = `/wiki/rest/api/content/${P.runbooks}/label`;
    const one = await call(path, { method: "POST", body: { prefix: "global", name: "Ops" } });
    expect(one.status).toBe(200);
    expect(one.body.results).toEqual([
      expect.objectContaining({ prefix: "global", name: "ops", label: "ops" }),
    ]);
    const many = await call(path, {
      method: "POST",
      body: [
        { prefix: "global", name: "ops" },
        { prefix: "global", name: "on-call" },
      ],
    });
    expect(names(many.body)).toEqual(["ops", "on-call"]);
    const listed = await call(`${path}?limit=1`);
    expect(listed.body).toMatchObject({ start: 0, limit: 1, size: 1 });
    expect(names((await call(path)).body)).toEqual(["ops", "on-call"]);
    expect((await call(`${path}/ops`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${path}?name=on-call`, { method: "DELETE" })).status).toBe(204);
    expect((await call(path)).body.results).toEqual([]);
    expect((await call(`${path}/ops`, { method: "DELETE" })).status).toBe(404);
  });

  it("labels attachments too, and answers 404 for missing content, 400 for bad names", async () => {
    allowInvalidRequestsInThisTest();
    const pdf = DEMO_IDS.attachments.architecturePdf;
    const added = await call(`/wiki/rest/api/content/${pdf}/label`, {
      method: "POST",
      body: { prefix: "global", name: "spec" },
    });
    expect(names(added.body)).toEqual(["spec"]);
    const v2 = await call(`/wiki/api/v2/attachments/${pdf}/labels`);
    expect(names(v2.body)).toEqual(["spec"]);
    const bad = (body: unknown) =>
      call(`/wiki/rest/api/content/${P.runbooks}/label`, { method: "POST", body });
    expect((await bad({ prefix: "global", name: "two words" })).status).toBe(400);
    expect((await bad({ prefix: "global", name: "" })).status).toBe(400);
    expect((await bad({ prefix: "nope", name: "x" })).status).toBe(400);
    expect((await bad([])).status).toBe(400);
    const missing = await call("/wiki/rest/api/content/99999/label", {
      method: "POST",
      body: { prefix: "global", name: "x" },
    });
    expect(missing.status).toBe(404);
  });
});

describe("v2 label listings", () => {
  it("finds labels site-wide and the content carrying them", async () => {
    const post = await call("/wiki/api/v2/blogposts", {
      method: "POST",
      body: { spaceId: ENG, title: "Post", body: { representation: "storage", value: "<p/>" } },
    });
    for (const id of [P.runbooks, post.body.id]) {
      await call(`/wiki/rest/api/content/${id}/label`, {
        method: "POST",
        body: { prefix: "global", name: "shared" },
      });
    }
    const all = await call("/wiki/api/v2/labels?sort=name");
    expect(names(all.body)).toEqual(["architecture", "shared"]);
    const shared = all.body.results[1] as { id: string };
    const byId = await call(`/wiki/api/v2/labels?label-id=${shared.id}`);
    expect(names(byId.body)).toEqual(["shared"]);
    const pages = await call(`/wiki/api/v2/labels/${shared.id}/pages`);
    expect(pages.body.results.map((p: { id: string }) => p.id)).toEqual([P.runbooks]);
    const elsewhere = await call(
      `/wiki/api/v2/labels/${shared.id}/pages?space-id=${DEMO_IDS.spaces.personal.id}`,
    );
    expect(elsewhere.body.results).toEqual([]);
    const posts = await call(`/wiki/api/v2/labels/${shared.id}/blogposts`);
    expect(posts.body.results.map((p: { id: string }) => p.id)).toEqual([post.body.id]);
    expect((await call(`/wiki/api/v2/blogposts/${post.body.id}/labels`)).body.results).toHaveLength(
      1,
    );
    expect((await call(`/wiki/api/v2/labels/${shared.id}/attachments`)).body.results).toEqual([]);
    const content = await call(`/wiki/api/v2/spaces/${ENG}/content/labels`);
    // Without `prefix`, getSpaceContentLabels lists labels of every prefix.
    expect(names(content.body).sort()).toEqual(["architecture", "shared"]);
    expect((await call(`/wiki/api/v2/spaces/${ENG}/labels`)).body.results).toEqual([]);
    expect((await call("/wiki/api/v2/labels/99999/pages")).status).toBe(404);
  });

  it("paginates labels with a cursor and a Link header", async () => {
    for (const name of ["a1", "a2", "a3"]) {
      await call(`/wiki/rest/api/content/${P.runbooks}/label`, {
        method: "POST",
        body: { prefix: "global", name },
      });
    }
    const first = await call(`/wiki/api/v2/pages/${P.runbooks}/labels?limit=2`);
    expect(names(first.body)).toEqual(["a1", "a2"]);
    expect(first.headers.get("link")).toMatch(/cursor=/);
    expect(names((await call(first.body._links.next)).body)).toEqual(["a3"]);
  });
});

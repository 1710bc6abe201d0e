// Users and permissions (issue 14, item 5): the demo seed's second user cannot see the Archive
// space nor the view-restricted Runbooks page, and may read but not change Engineering. Every
// surface answers as Confluence does: 404 for what they may not view, lists and search leave it
// out, and a write they may not make is refused (403 on v1 content, 404 on v2).
import { describe, expect, it } from "vitest";
import { DEMO_IDS, DEMO_VIEWER, SITE_IDS } from "../../src/emulator/index.js";
import { mint } from "../oauth/support.js";
import { useResettingEmulator } from "./client.js";

// An extra user of the options keeps full access, like the demo user.
const site = useResettingEmulator({
  seed: "demo",
  users: [{ email: "bot@example.com", apiToken: "bot-token" }],
});
const BOT = {
  authorization: `Basic ${Buffer.from("bot@example.com:bot-token").toString("base64")}`,
};
const VIEWER = {
  authorization: `Basic ${Buffer.from(`${DEMO_VIEWER.email}:${DEMO_VIEWER.apiToken}`).toString("base64")}`,
};
const P = DEMO_IDS.pages;
const S = DEMO_IDS.spaces;

const ids = (body: { results: { id: string }[] }) => body.results.map((item) => item.id);

describe("v2", () => {
  it("answers 404 for a restricted page and a hidden space, 200 to the demo user", async () => {
    for (const path of [
      `/wiki/api/v2/pages/${P.runbooks}`,
      `/wiki/api/v2/pages/${P.archiveHome}`,
      `/wiki/api/v2/spaces/${S.archive.id}`,
      `/wiki/api/v2/pages/${P.runbooks}/properties`,
    ]) {
      expect((await site.call(path, { headers: VIEWER })).status, path).toBe(404);
      expect((await site.call(path)).status, path).toBe(200);
    }
    expect(
      (await site.call(`/wiki/api/v2/pages/${P.architecture}`, { headers: VIEWER })).status,
    ).toBe(200);
  });

  it("leaves what the user may not view out of lists", async () => {
    const spaces = await site.call("/wiki/api/v2/spaces", { headers: VIEWER });
    expect(ids(spaces.body)).not.toContain(S.archive.id);
    expect(ids(spaces.body)).toContain(S.engineering.id);
    expect(ids((await site.call("/wiki/api/v2/spaces")).body)).toContain(S.archive.id);
    const pages = await site.call(`/wiki/api/v2/pages?space-id=${S.engineering.id}`, {
      headers: VIEWER,
    });
    expect(ids(pages.body)).not.toContain(P.runbooks);
    expect(ids(pages.body)).toContain(P.architecture);
    const all = await site.call("/wiki/api/v2/pages?limit=250", { headers: VIEWER });
    expect(ids(all.body)).not.toContain(P.archiveHome);
    const children = await site.call(`/wiki/api/v2/pages/${P.engineeringHome}/children`, {
      headers: VIEWER,
    });
    expect(ids(children.body)).not.toContain(P.runbooks);
    expect(
      ids((await site.call(`/wiki/api/v2/pages/${P.engineeringHome}/children`)).body),
    ).toContain(P.runbooks);
  });

  it("refuses writes to a space the user may view but not edit with 404, changing nothing", async () => {
    const update = await site.call(`/wiki/api/v2/pages/${P.rootLevelFaq}`, {
      method: "PUT",
      headers: VIEWER,
      body: {
        id: P.rootLevelFaq,
        status: "current",
        title: "FAQ (edited)",
        body: { representation: "storage", value: "<p>x</p>" },
        version: { number: 2 },
      },
    });
    expect(update.status).toBe(404);
    const create = await site.call("/wiki/api/v2/pages", {
      method: "POST",
      headers: VIEWER,
      body: { spaceId: S.engineering.id, title: "By the viewer", status: "current" },
    });
    expect(create.status).toBe(404);
    const page = await site.call(`/wiki/api/v2/pages/${P.rootLevelFaq}`);
    expect(page.body.title).toBe("FAQ");
    const byBot = await site.call("/wiki/api/v2/pages", {
      method: "POST",
      headers: BOT,
      body: { spaceId: S.engineering.id, title: "By the bot", status: "current" },
    });
    expect(byBot.status).toBe(200);
    expect((await site.call(`/wiki/api/v2/pages/${P.runbooks}`, { headers: BOT })).status).toBe(
      200,
    );
  });
});

describe("space permission listings", () => {
  it("list the view-only user with `read space` only, and not at all where they may not view", async () => {
    type Assignment = { principal: { id: string }; operation: { key: string; targetType: string } };
    const held = async (spaceId: string) =>
      (
        (await site.call(`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250`)).body
          .results as Assignment[]
      )
        .filter((a) => a.principal.id === DEMO_VIEWER.accountId)
        .map((a) => `${a.operation.key} ${a.operation.targetType}`);
    expect(await held(S.engineering.id)).toEqual(["read space"]);
    expect(await held(S.archive.id)).toEqual([]);
    expect((await held(S.personal.id)).length).toBeGreaterThan(1);
  });
});

describe("v1", () => {
  it("answers 404 for what the user may not view and leaves it out of lists and search", async () => {
    expect(
      (await site.call(`/wiki/rest/api/content/${P.runbooks}`, { headers: VIEWER })).status,
    ).toBe(404);
    expect(
      (await site.call(`/wiki/rest/api/space/${S.archive.key}`, { headers: VIEWER })).status,
    ).toBe(404);
    const spaces = await site.call("/wiki/rest/api/space", { headers: VIEWER });
    expect(spaces.body.results.map((s: { key: string }) => s.key)).not.toContain(S.archive.key);
    const cql = encodeURIComponent("type = page");
    const viewer = await site.call(`/wiki/rest/api/content/search?cql=${cql}&limit=100`, {
      headers: VIEWER,
    });
    expect(ids(viewer.body)).not.toContain(P.runbooks);
    expect(ids(viewer.body)).not.toContain(P.archiveHome);
    expect(ids(viewer.body)).toContain(P.architecture);
    const demo = await site.call(`/wiki/rest/api/content/search?cql=${cql}&limit=100`);
    expect(ids(demo.body)).toContain(P.runbooks);
  });

  it("answers 403 to a write on content the user may view but not edit", async () => {
    const add = (headers?: Record<string, string>) =>
      site.call(`/wiki/rest/api/content/${P.rootLevelFaq}/label`, {
        method: "POST",
        headers,
        body: [{ prefix: "global", name: "viewer-label" }],
      });
    const refused = await add(VIEWER);
    expect(refused.status).toBe(403);
    expect(refused.body.statusCode).toBe(403);
    expect((await add()).status).toBe(200);
  });
});

describe("GraphQL", () => {
  it("returns null for a page and leaves out a space the user may not view", async () => {
    const query = `{ confluence { page(id: "${P.runbooks}") { id } spaces(first: 10) { key } } }`;
    const viewer = await site.call("/gateway/api/graphql", {
      method: "POST",
      headers: VIEWER,
      body: { query },
    });
    expect(viewer.body.data.confluence.page).toBeNull();
    expect(viewer.body.data.confluence.spaces.map((s: { key: string }) => s.key)).not.toContain(
      S.archive.key,
    );
    const demo = await site.call("/gateway/api/graphql", { method: "POST", body: { query } });
    expect(demo.body.data.confluence.page).toEqual({ id: P.runbooks });
  });
});

describe("OAuth gateway", () => {
  it("applies the same rule to a token of the second user", async () => {
    const base = site.emulator.url;
    const viewer = await mint(base, { email: DEMO_VIEWER.email });
    const demo = await mint(base);
    const get = (token: string, path: string) =>
      fetch(`${base}/ex/confluence/${SITE_IDS.demo}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const restricted = `/wiki/api/v2/pages/${P.runbooks}`;
    expect((await get(viewer.access_token, restricted)).status).toBe(404);
    expect((await get(demo.access_token, restricted)).status).toBe(200);
    const spaces = (await (await get(viewer.access_token, "/wiki/api/v2/spaces")).json()) as {
      results: { id: string }[];
    };
    expect(ids(spaces)).not.toContain(S.archive.id);
  });

  it("mints tokens only for users of the site", async () => {
    const response = await fetch(`${site.emulator.url}/__emulator/oauth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.com" }),
    });
    expect(response.status).toBe(400);
  });
});

// v1 content restrictions (src/emulator/routes/v1-restrictions.ts): read them, add and remove a
// user for read or update, and every surface follows what the API set (v2, v1, GraphQL, the
// OAuth gateway): a page restricted to one user is a 404 for another, with what inherits it.
import { describe, expect, it } from "vitest";
import { DEMO_IDS, DEMO_VIEWER, SITE_IDS } from "../../src/emulator/index.js";
import { mint } from "../oauth/support.js";
import { type Reply, useResettingEmulator } from "./client.js";

// An extra user of the options keeps full access, like the demo user.
const site = useResettingEmulator({
  seed: "demo",
  users: [{ email: "bot@example.com", apiToken: "bot-token" }],
});
const basic = (email: string, token: string) => ({
  authorization: `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`,
});
const BOT = basic("bot@example.com", "bot-token");
const VIEWER = basic(DEMO_VIEWER.email, DEMO_VIEWER.apiToken);
const P = DEMO_IDS.pages;
const PAGE = P.architecture;
/** A child of PAGE: it inherits PAGE's view restriction. */
const CHILD = P.emulatorDesign;
const PDF = DEMO_IDS.attachments.architecturePdf;

const userPath = (id: string, operation: string, accountId: string) =>
  `/wiki/rest/api/content/${id}/restriction/byOperation/${operation}/user?accountId=${encodeURIComponent(accountId)}`;

async function accountOf(headers?: Record<string, string>): Promise<string> {
  return (await site.call("/wiki/rest/api/user/current", headers ? { headers } : {})).body
    .accountId;
}

const userIds = (restriction: { restrictions: { user: { results: { accountId: string }[] } } }) =>
  restriction.restrictions.user.results.map((user) => user.accountId);

describe("reading restrictions", () => {
  it("lists the seeded view restriction by operation, and none on an open page", async () => {
    const demo = await accountOf();
    const all = await site.call(`/wiki/rest/api/content/${P.runbooks}/restriction`);
    expect(all.status).toBe(200);
    expect(all.body.results.map((r: { operation: string }) => r.operation)).toEqual([
      "read",
      "update",
    ]);
    expect(userIds(all.body.results[0])).toContain(demo);
    expect(userIds(all.body.results[0])).not.toContain(DEMO_VIEWER.accountId);
    expect(userIds(all.body.results[1])).toEqual([]);
    const byOperation = await site.call(
      `/wiki/rest/api/content/${P.runbooks}/restriction/byOperation`,
    );
    expect(Object.keys(byOperation.body)).toEqual(["read", "update"]);
    const open = await site.call(`/wiki/rest/api/content/${PAGE}/restriction/byOperation/read`);
    expect(open.body).toMatchObject({ operation: "read" });
    expect(userIds(open.body)).toEqual([]);
    expect((await site.call(userPath(P.runbooks, "read", demo))).status).toBe(200);
    expect((await site.call(userPath(PAGE, "read", demo))).status).toBe(404);
    expect((await site.call("/wiki/rest/api/content/99999999/restriction")).status).toBe(404);
  });
});

describe("a view restriction set through the API", () => {
  it("hides the page and what inherits it from everyone else, on every surface", async () => {
    const demo = await accountOf();
    const added = await site.call(userPath(PAGE, "read", demo), { method: "PUT" });
    expect(added.status).toBe(200);
    expect((await site.call(userPath(PAGE, "read", demo))).status).toBe(200);
    const read = await site.call(`/wiki/rest/api/content/${PAGE}/restriction/byOperation/read`);
    expect(userIds(read.body)).toEqual([demo]);

    const hidden = [
      `/wiki/api/v2/pages/${PAGE}`,
      `/wiki/api/v2/pages/${CHILD}`,
      `/wiki/api/v2/attachments/${PDF}`,
      `/wiki/rest/api/content/${PAGE}`,
    ];
    for (const path of hidden) {
      expect((await site.call(path, { headers: VIEWER })).status, path).toBe(404);
      expect((await site.call(path, { headers: BOT })).status, path).toBe(404);
      expect((await site.call(path)).status, path).toBe(200);
    }
    const listed = await site.call(
      `/wiki/api/v2/pages?space-id=${DEMO_IDS.spaces.engineering.id}`,
      {
        headers: VIEWER,
      },
    );
    expect(listed.body.results.map((p: { id: string }) => p.id)).not.toContain(PAGE);
    const search = await site.call(
      `/wiki/rest/api/search?cql=${encodeURIComponent(`id = ${PAGE}`)}`,
      {
        headers: VIEWER,
      },
    );
    expect(search.body.results).toEqual([]);

    const query = `{ confluence { page(id: "${PAGE}") { id } } }`;
    const graphql = (headers?: Record<string, string>): Promise<Reply> =>
      site.call("/gateway/api/graphql", {
        method: "POST",
        body: { query },
        ...(headers ? { headers } : {}),
      });
    expect((await graphql(VIEWER)).body.data.confluence.page).toBeNull();
    expect((await graphql()).body.data.confluence.page).toEqual({ id: PAGE });

    const viewerToken = (await mint(site.emulator.url, { email: DEMO_VIEWER.email })).access_token;
    const gateway = await fetch(
      `${site.emulator.url}/ex/confluence/${SITE_IDS.demo}/wiki/api/v2/pages/${PAGE}`,
      { headers: { authorization: `Bearer ${viewerToken}` } },
    );
    expect(gateway.status).toBe(404);
    await gateway.arrayBuffer();

    // Removing the last user lifts the restriction.
    expect((await site.call(userPath(PAGE, "read", demo), { method: "DELETE" })).status).toBe(200);
    for (const path of hidden) {
      expect((await site.call(path, { headers: VIEWER })).status, path).toBe(200);
    }
    expect((await graphql(VIEWER)).body.data.confluence.page).toEqual({ id: PAGE });
  });

  it("hides a blog post's attachments with the blog post", async () => {
    const demo = await accountOf();
    const post = await site.call("/wiki/api/v2/blogposts", {
      method: "POST",
      body: {
        spaceId: DEMO_IDS.spaces.engineering.id,
        status: "current",
        title: "Restricted news",
        body: { representation: "storage", value: "<p>x</p>" },
      },
    });
    expect(post.status).toBe(200);
    const form = new FormData();
    form.append("file", new Blob(["notes"], { type: "text/plain" }), "notes.txt");
    const upload = await fetch(
      `${site.emulator.url}/wiki/rest/api/content/${post.body.id}/child/attachment`,
      {
        method: "PUT",
        headers: { ...basic("demo@example.com", "demo-token"), "x-atlassian-token": "no-check" },
        body: form,
      },
    );
    const attachment = ((await upload.json()) as { results: { id: string }[] }).results[0]!.id;
    expect((await site.call(userPath(post.body.id, "read", demo), { method: "PUT" })).status).toBe(
      200,
    );
    const path = `/wiki/api/v2/attachments/${attachment}`;
    expect((await site.call(path, { headers: BOT })).status).toBe(404);
    expect((await site.call(path)).status).toBe(200);
  });
});

describe("an update restriction set through the API", () => {
  it("keeps others from changing the page (not its children), not from viewing it", async () => {
    const demo = await accountOf();
    expect((await site.call(userPath(PAGE, "update", demo), { method: "PUT" })).status).toBe(200);
    expect((await site.call(`/wiki/api/v2/pages/${PAGE}`, { headers: BOT })).status).toBe(200);
    const label = (id: string) =>
      site.call(`/wiki/rest/api/content/${id}/label`, {
        method: "POST",
        headers: BOT,
        body: [{ prefix: "global", name: "reviewed" }],
      });
    const refused = await label(PAGE);
    expect(refused.status).toBe(403);
    expect((await label(CHILD)).status).toBe(200);
    const page = (await site.call(`/wiki/api/v2/pages/${PAGE}`)).body;
    const update = await site.call(`/wiki/api/v2/pages/${PAGE}`, {
      method: "PUT",
      headers: BOT,
      body: {
        id: PAGE,
        status: "current",
        title: page.title,
        body: { representation: "storage", value: "<p>changed</p>" },
        version: { number: page.version.number + 1 },
      },
    });
    expect(update.status).toBe(404);
    expect((await site.call(userPath(PAGE, "update", demo), { method: "DELETE" })).status).toBe(
      200,
    );
    expect((await label(PAGE)).status).toBe(200);
  });
});

describe("who may change restrictions", () => {
  it("refuses a user who may not edit the content (403 on v1) and unknown users or operations", async () => {
    const demo = await accountOf();
    expect(
      (await site.call(userPath(PAGE, "read", demo), { method: "PUT", headers: VIEWER })).status,
    ).toBe(403);
    expect(
      userIds(
        (await site.call(`/wiki/rest/api/content/${PAGE}/restriction/byOperation/read`)).body,
      ),
    ).toEqual([]);
    expect((await site.call(userPath(PAGE, "read", "nobody"), { method: "PUT" })).status).toBe(400);
    expect((await site.call(userPath(PAGE, "read", "nobody"), { method: "DELETE" })).status).toBe(
      404,
    );
  });
});

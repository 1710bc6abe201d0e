// The emulator is built from a route table (src/emulator/route.ts): every route a site mounts
// comes from a row that declares its OAuth scopes, and the gateway enforces exactly those.
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_IDS } from "../../src/emulator/index.js";
import { SITE_ROUTES } from "../../src/emulator/routes/index.js";
import { mint } from "../oauth/support.js";
import { startTestEmulator } from "../support/emulator.js";

// The refusals below are bodiless requests and 401s some v1 operations do not declare: this
// suite tests the scope gate, not request or response shapes (other suites check those).
let url = "";
let close = async () => {};
beforeAll(async () => {
  const emulator = await startTestEmulator({ conformance: "off" });
  url = emulator.url;
  close = emulator.close;
});
afterAll(() => close());

/** A URL for a row: attachment ids in their `att` form, other ids numeric. */
function sample(path: string): string {
  return path.replace(/\/attachments\/:(id|ownerId)/, "/attachments/att1").replace(/:\w+/g, "1");
}

describe("route table", () => {
  it("every route a site mounts is a row that declares its scopes (no silent default)", async () => {
    const { registerSite } = await import("../../src/emulator/site.js");
    const { SiteContext } = await import("../../src/emulator/context.js");
    const { InterceptorChain } = await import("../../src/emulator/interceptors.js");
    const app = Fastify();
    const mounted: { method: string; url: string; config: unknown }[] = [];
    app.addHook("onRoute", (route) => {
      const method = String(route.method);
      if (method !== "HEAD") mounted.push({ method, url: route.url, config: route.config });
    });
    const ctx = new SiteContext(undefined as never);
    registerSite(app, { ctx, authenticate: () => undefined, interceptors: new InterceptorChain() });
    await app.ready();
    expect(mounted).toHaveLength(SITE_ROUTES.length);
    for (const route of mounted) {
      const scopes = (route.config as { route?: { scopes?: unknown } }).route?.scopes;
      const label = `${route.method} ${route.url}`;
      if (scopes === "unchecked") continue;
      expect(Array.isArray(scopes), label).toBe(true);
      expect((scopes as string[][]).length, label).toBeGreaterThan(0);
      for (const set of scopes as string[][]) expect(set.length, label).toBeGreaterThan(0);
    }
    // Opting out of the scope check is explicit and rare: only endpoints outside Atlassian's
    // OpenAPI documents.
    expect(
      SITE_ROUTES.filter((r) => r.scopes === "unchecked").map((r) => `${r.method} ${r.path}`),
    ).toEqual(["GET /wiki/download/attachments/:container/:fileName", "POST /gateway/api/graphql"]);
  });

  it("the gateway refuses every scoped row to a token without its scopes", async () => {
    const { access_token } = await mint(url, { scopes: ["offline_access"] });
    const base = `${url}/ex/confluence/${SITE_IDS.demo}`;
    for (const route of SITE_ROUTES.filter((r) => r.scopes !== "unchecked")) {
      const response = await fetch(`${base}${sample(route.path)}`, {
        method: route.method,
        headers: { authorization: `Bearer ${access_token}` },
      });
      await response.arrayBuffer();
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      expect(response.headers.get("x-failure-category"), route.path).toBe(
        "FAILURE_CLIENT_SCOPE_CHECK",
      );
    }
  });

  it("a token holding a row's scopes passes the check (search is not content/{id})", async () => {
    const { access_token } = await mint(url, { scopes: ["offline_access", "search:confluence"] });
    const base = `${url}/ex/confluence/${SITE_IDS.demo}/wiki/rest/api`;
    const headers = { authorization: `Bearer ${access_token}` };
    const search = await fetch(`${base}/content/search?cql=type%3Dpage`, { headers });
    expect(search.status).toBe(200);
    await search.arrayBuffer();
    const content = await fetch(`${base}/content/98309`, { headers });
    expect(content.status).toBe(401);
    await content.arrayBuffer();
  });
});

// The v1 operations Atlassian retired on the OAuth gateway (src/emulator/oauth/retired-v1.ts):
// 410 GoneException there, after the token and scope checks, while the site URL with Basic auth
// still serves them and the v1 operations the connector needs still answer through the gateway.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../../src/catalog/index.js";
import { DEMO_IDS, SITE_IDS } from "../../src/emulator/index.js";
import { GONE_MESSAGE, RETIRED_ON_GATEWAY } from "../../src/emulator/oauth/retired-v1.js";
import { allowInvalidRequestsInThisTest, startTestEmulator } from "../support/emulator.js";
import { ALL_SCOPES, mint } from "./support.js";

const P = DEMO_IDS.pages;
const ENG = DEMO_IDS.spaces.engineering;
let url = "";
let close = async () => {};
let basic = "";
beforeAll(async () => {
  // The 410 is not in Atlassian's document (it predates the removal) and this suite checks its
  // exact body itself; validating ~30 more v1 operations costs minutes on a loaded machine.
  const emulator = await startTestEmulator();
  url = emulator.url;
  close = emulator.close;
  const { email, apiToken } = emulator.credentials;
  basic = `Basic ${Buffer.from(`${email}:${apiToken}`).toString("base64")}`;
});
afterAll(() => close());

/** A URL for a row's path with real demo ids. */
function sample(path: string): string {
  return path.replace(":spaceKey", ENG.key).replace(":id", P.architecture).replace(/:\w+/g, "1");
}

const allScopes = [
  ...new Set([...ALL_SCOPES, ...RETIRED_ON_GATEWAY.flatMap((op) => op.scopes.flat())]),
];

async function gateway(
  path: string,
  token: string,
  method = "GET",
  body = "{}",
): Promise<Response> {
  return fetch(`${url}/ex/confluence/${SITE_IDS.demo}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(method === "POST" || method === "PUT" ? { body } : {}),
  });
}

describe("v1 operations retired on the OAuth gateway", () => {
  it("answer 410 GoneException with the v1 error body, whatever the path names", async () => {
    // Sample paths and empty bodies: the 410 comes before any look at them.
    allowInvalidRequestsInThisTest();
    const { access_token } = await mint(url, { scopes: allScopes });
    for (const op of RETIRED_ON_GATEWAY) {
      const response = await gateway(sample(op.path), access_token, op.method);
      const label = `${op.method} ${op.path}`;
      expect(response.status, label).toBe(410);
      expect(await response.json(), label).toEqual({
        statusCode: 410,
        data: { authorized: true, valid: true, errors: [], successful: false },
        message: GONE_MESSAGE,
      });
    }
    // Missing content too: the operation is gone, not the page.
    expect((await gateway("/wiki/rest/api/content/99999999", access_token)).status).toBe(410);
    // HEAD, which fastify answers from the GET row, is gone with it.
    expect((await gateway("/wiki/rest/api/space", access_token, "HEAD")).status).toBe(410);
  });

  it("check the token's scopes first, as every gateway row", async () => {
    const { access_token } = await mint(url, { scopes: ["offline_access"] });
    const response = await gateway(`/wiki/rest/api/content/${P.architecture}`, access_token);
    expect(response.status).toBe(401);
    expect(response.headers.get("x-failure-category")).toBe("FAILURE_CLIENT_SCOPE_CHECK");
    await response.arrayBuffer();
  });

  it("are still served on the site URL with Basic auth", async () => {
    const headers = { authorization: basic };
    for (const path of [
      "/wiki/rest/api/space",
      `/wiki/rest/api/space/${ENG.key}`,
      `/wiki/rest/api/content/${P.architecture}`,
      `/wiki/rest/api/content/${P.architecture}/label`,
    ]) {
      const response = await fetch(`${url}${path}`, { headers });
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
  });

  it("leave the v1 operations Atlassian still serves there working", async () => {
    const { access_token } = await mint(url, { scopes: allScopes });
    for (const path of [
      "/wiki/rest/api/user/current",
      "/wiki/rest/api/search?cql=type%3Dpage",
      "/wiki/rest/api/content/search?cql=type%3Dpage",
      "/wiki/rest/api/label?name=architecture",
      "/wiki/rest/api/longtask",
    ]) {
      const response = await gateway(path, access_token);
      expect(response.status, path).not.toBe(410);
      expect(response.status, path).toBeLessThan(500);
      await response.arrayBuffer();
    }
    const label = await gateway(
      `/wiki/rest/api/content/${P.architecture}/label`,
      access_token,
      "POST",
      JSON.stringify([{ prefix: "global", name: "release" }]),
    );
    expect(label.status).not.toBe(410);
    await label.arrayBuffer();
  });

  it("name no endpoint a catalog action calls", () => {
    const retired = RETIRED_ON_GATEWAY.map((op) => ({
      method: op.method,
      pattern: new RegExp(`^${op.path.replace(/:\w+/g, "\\{[^}]+\\}")}$`),
    }));
    for (const action of Object.values(actions)) {
      const [method, path] = action.endpoint.split(" ") as [string, string];
      const hit = retired.find((r) => r.method === method && r.pattern.test(path));
      expect(hit, `${action.key}: ${action.endpoint}`).toBeUndefined();
    }
  });
});

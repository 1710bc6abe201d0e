// OAuth 2.0 (3LO) end to end against the emulator playing Atlassian's identity service and API
// gateway: authorize → code → token → call → expiry → refresh → call, rotation, reuse, single
// flight, site resolution, scopes, and no secret in any log line or error.
import { beforeEach, describe, expect, it } from "vitest";
import {
  buildAuthorizeUrl,
  type ClientOptions,
  type ConfluenceClient,
  ConfluenceOAuthError,
  ConfluenceScopeError,
  createConfluenceClient,
  createSiteCache,
  exchangeAuthorizationCode,
  type OAuthAuthOptions,
  type OAuthTokens,
  oauthAuth,
  refreshAccessToken,
} from "../../src/core/index.js";
import { SITE_IDS } from "../../src/emulator/index.js";
import {
  ALL_SCOPES,
  Capture,
  CLIENT,
  isRefresh,
  lastSeq,
  mint,
  requestsSince,
  useGatewayEmulator,
} from "./support.js";

// Expired-token 404/403 and the gateway's own 401 body are covered by the exceptions
// oauth-expired-token-v2/-v1 and gateway-401-body (test/conformance/exceptions.ts).
let url = "";
const track = useGatewayEmulator((started) => {
  url = started;
});

// A tracked OAuth client (closed after the suite) whose identity service and gateway are the
// emulator.
// The clients of one test share a site cache (as the catalog's runtime shares one between its
// clients); each test starts with an empty one.
let sites = createSiteCache();
function gatewayClient(
  auth: Omit<OAuthAuthOptions, "atlassianBaseUrl">,
  options: Omit<ClientOptions, "auth"> = {},
): ConfluenceClient {
  const provider = oauthAuth({ siteCache: sites, ...auth, atlassianBaseUrl: url });
  return track(createConfluenceClient({ auth: provider, ...options }));
}

beforeEach(() => {
  sites = createSiteCache();
});

async function authorize(scopes = ALL_SCOPES): Promise<string> {
  const authorizeUrl = buildAuthorizeUrl({
    clientId: CLIENT.clientId,
    redirectUri: CLIENT.redirectUri,
    scopes,
    state: "state-123",
    atlassianBaseUrl: url,
  });
  const parsed = new URL(authorizeUrl);
  expect(parsed.searchParams.get("audience")).toBe("api.atlassian.com");
  expect(parsed.searchParams.get("prompt")).toBe("consent");
  expect(parsed.searchParams.get("response_type")).toBe("code");
  const response = await fetch(authorizeUrl, { redirect: "manual" });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get("location") ?? "");
  expect(`${back.origin}${back.pathname}`).toBe(CLIENT.redirectUri);
  expect(back.searchParams.get("state")).toBe("state-123");
  return back.searchParams.get("code") ?? "";
}

describe("authorization code flow", () => {
  it("authorize → code → token → call → expiry → refresh → call, persisting rotation", async () => {
    const capture = new Capture();
    // The client's clock is injected: expiry is a step of the test, not a race against real
    // time (a slow first call can no longer meet a refresh first).
    let clock = Date.now();
    const code = await authorize();
    const tokens = await exchangeAuthorizationCode({
      ...CLIENT,
      code,
      atlassianBaseUrl: url,
      now: () => clock,
    });
    expect(tokens.refreshToken).toBeDefined();
    expect(tokens.expiresAt).toBe(clock + 3_600_000);
    const persisted: OAuthTokens[] = [];
    const since = await lastSeq(url);
    const client = gatewayClient(
      {
        ...CLIENT,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        now: () => clock,
        onTokens: (t) => {
          persisted.push(t);
        },
      },
      { logger: capture.logger, debug: true },
    );
    const first = await client.request<{ results: unknown[] }>({ path: "/spaces" });
    expect(first.data.results.length).toBeGreaterThan(0);
    expect(first.url).toContain(`/ex/confluence/${SITE_IDS.demo}/wiki/api/v2/spaces`);
    // The hour passes: for the client (its clock) and for the gateway (the token is expired).
    clock = tokens.expiresAt + 1000;
    await fetch(`${url}/__emulator/oauth/expire`, { method: "POST" });
    const second = await client.request<{ results: unknown[] }>({ path: "/spaces" });
    expect(second.status).toBe(200);
    expect(persisted).toHaveLength(1);
    expect(persisted[0]?.refreshToken).not.toBe(tokens.refreshToken);
    expect(persisted[0]?.accessToken).not.toBe(tokens.accessToken);
    expect(persisted[0]?.expiresAt).toBe(clock + 3_600_000);
    const log = await requestsSince(url, since);
    expect(log.filter(isRefresh)).toHaveLength(1);
    expect(log.map((e) => `${e.method} ${e.path}`)).toEqual([
      "GET /oauth/token/accessible-resources",
      `GET /ex/confluence/${SITE_IDS.demo}/wiki/api/v2/spaces`,
      "POST /oauth/token",
      `GET /ex/confluence/${SITE_IDS.demo}/wiki/api/v2/spaces`,
    ]);

    // The spent refresh token is refused, clearly, and revokes the family.
    const reuse = await refreshAccessToken({
      ...CLIENT,
      refreshToken: tokens.refreshToken ?? "",
      atlassianBaseUrl: url,
    }).catch((e: unknown) => e);
    expect(reuse).toBeInstanceOf(ConfluenceOAuthError);
    expect((reuse as ConfluenceOAuthError).status).toBe(403);
    expect((reuse as Error).message).toMatch(/refresh_token is invalid.*re-authorize/);
    capture.error(reuse);
    const revoked = await client.request({ path: "/spaces" }).catch((e: unknown) => e);
    expect(revoked).toBeInstanceOf(Error);
    capture.error(revoked);
    expect(
      capture.leaks([
        code,
        tokens.accessToken,
        tokens.refreshToken,
        persisted[0]?.accessToken,
        persisted[0]?.refreshToken,
        CLIENT.clientSecret,
      ]),
    ).toEqual([]);
  });

  it("a refused code is a clear error without the code in it", async () => {
    const error = await exchangeAuthorizationCode({
      ...CLIENT,
      code: "emu-code-not-issued-1234",
      atlassianBaseUrl: url,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOAuthError);
    expect((error as Error).message).toMatch(/authorization_code is invalid/);
    expect(JSON.stringify(error) + (error as Error).message).not.toContain("emu-code-not-issued");
  });
});

describe("refresh", () => {
  it("20 concurrent calls on an expired token cause exactly one refresh", async () => {
    const minted = await mint(url, { expiresInSeconds: 60 });
    const persisted: OAuthTokens[] = [];
    const client = gatewayClient({
      ...CLIENT,
      accessToken: minted.access_token,
      refreshToken: minted.refresh_token,
      // Expiry unknown: only the gateway's answers (404 v2, 403 v1) reveal it.
      onTokens: (t) => {
        persisted.push(t);
      },
    });
    await client.endpoints();
    await fetch(`${url}/__emulator/oauth/expire`, { method: "POST" });
    const since = await lastSeq(url);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 4 === 0
          ? client.request({ api: "v1", path: "/user/current" })
          : client.request({ path: "/pages", query: { limit: 1 } }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const log = await requestsSince(url, since);
    expect(log.filter(isRefresh)).toHaveLength(1);
    expect(persisted).toHaveLength(1);
    const statuses = new Set(log.filter((e) => e.path.startsWith("/ex/")).map((e) => e.status));
    expect(statuses).toEqual(new Set([200, 403, 404]));
  });

  it("refreshes before expiry with the skew, without a failed call", async () => {
    const minted = await mint(url, { expiresInSeconds: 30 });
    const client = gatewayClient({
      ...CLIENT,
      accessToken: minted.access_token,
      refreshToken: minted.refresh_token,
      expiresAt: Date.now() + 30_000,
    });
    const since = await lastSeq(url);
    await client.request({ path: "/spaces" });
    const log = await requestsSince(url, since);
    expect(log.filter(isRefresh)).toHaveLength(1);
    expect(log.every((e) => e.status === 200)).toBe(true);
  });

  it("a genuine 404 with a fresh token does not refresh", async () => {
    const minted = await mint(url);
    const client = gatewayClient({
      ...CLIENT,
      accessToken: minted.access_token,
      refreshToken: minted.refresh_token,
      expiresAt: Date.now() + 3_600_000,
    });
    const since = await lastSeq(url);
    await expect(
      client.request({ path: "/pages/{id}", pathParams: { id: "424242" } }),
    ).rejects.toThrow(/404/);
    expect((await requestsSince(url, since)).filter(isRefresh)).toHaveLength(0);
  });
});

describe("unknown expiry", () => {
  function unknownExpiryClient(minted: { access_token: string; refresh_token?: string }) {
    return gatewayClient({
      ...CLIENT,
      accessToken: minted.access_token,
      refreshToken: minted.refresh_token,
    });
  }

  it("a genuine 404 with a working token costs a token check, not a refresh", async () => {
    const client = unknownExpiryClient(await mint(url));
    await client.request({ path: "/spaces" });
    const since = await lastSeq(url);
    for (const id of ["424242", "434343"]) {
      await expect(client.request({ path: "/pages/{id}", pathParams: { id } })).rejects.toThrow(
        /404/,
      );
    }
    const log = await requestsSince(url, since);
    expect(log.filter(isRefresh)).toHaveLength(0);
    const checks = log.filter((e) => e.path === "/oauth/token/accessible-resources");
    expect(checks.map((e) => e.status)).toEqual([200, 200]);
  });

  it("a 404 caused by an expired token still refreshes and succeeds", async () => {
    const client = unknownExpiryClient(await mint(url));
    await client.request({ path: "/spaces" });
    await fetch(`${url}/__emulator/oauth/expire`, { method: "POST" });
    const since = await lastSeq(url);
    const page = await client.request({ path: "/pages", query: { limit: 1 } });
    expect(page.status).toBe(200);
    const log = await requestsSince(url, since);
    expect(log.map((e) => `${e.status} ${e.method} ${e.path}`)).toEqual([
      `404 GET /ex/confluence/${SITE_IDS.demo}/wiki/api/v2/pages`,
      "401 GET /oauth/token/accessible-resources",
      "200 POST /oauth/token",
      `200 GET /ex/confluence/${SITE_IDS.demo}/wiki/api/v2/pages`,
    ]);
  });
});

describe("site resolution", () => {
  async function endpointsFor(siteOverride?: string, sites?: string[]) {
    const minted = await mint(url, { sites });
    const client = gatewayClient({ accessToken: minted.access_token, siteOverride });
    return client.endpoints();
  }

  it("defaults to the first Confluence site (not the first resource, a Jira site)", async () => {
    expect((await endpointsFor()).siteBaseUrl).toBe(`${url}/ex/confluence/${SITE_IDS.demo}`);
  });

  it.each([
    ["emulator-second"],
    ["EMULATOR-SECOND"],
    ["https://emulator-second.atlassian.net"],
    ["emulator-second.ATLASSIAN.net/"],
    ["HTTPS://Emulator-Second.atlassian.net/"],
    [SITE_IDS.second],
  ])("matches the override %s", async (override) => {
    const { siteBaseUrl } = await endpointsFor(override);
    expect(siteBaseUrl).toBe(`${url}/ex/confluence/${SITE_IDS.second}`);
  });

  it("the second site serves its own data", async () => {
    const minted = await mint(url);
    const client = gatewayClient({
      accessToken: minted.access_token,
      siteOverride: "emulator-second",
    });
    const spaces = await client.request<{ results: { key: string }[] }>({ path: "/spaces" });
    expect(spaces.data.results.map((s) => s.key)).toEqual(["SECOND"]);
  });

  it("no match lists the reachable sites (names and urls, never tokens)", async () => {
    const error = await endpointsFor("nowhere.atlassian.net").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOAuthError);
    const message = (error as Error).message;
    expect(message).toContain('"nowhere.atlassian.net"');
    expect(message).toContain("emulator-demo");
    expect(message).toContain("https://emulator-second.atlassian.net");
    expect(message).not.toContain("emulator-jira");
    expect(message).not.toMatch(/emu-at-/);
  });

  it("a token reaching no Confluence site is its own error", async () => {
    const error = await endpointsFor(undefined, [SITE_IDS.jira]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOAuthError);
    expect((error as ConfluenceOAuthError).code).toBe("no_confluence_site");
    expect((error as Error).message).toMatch(/cannot reach any Confluence site/);
  });

  it("after warm-up every call is exactly one request, even from new clients", async () => {
    const minted = await mint(url);
    const make = () => gatewayClient({ accessToken: minted.access_token });
    await make().request({ path: "/spaces" });
    const since = await lastSeq(url);
    for (let i = 0; i < 5; i++) await make().request({ path: "/spaces" });
    const log = await requestsSince(url, since);
    expect(log.map((e) => e.path)).toEqual(
      Array(5).fill(`/ex/confluence/${SITE_IDS.demo}/wiki/api/v2/spaces`),
    );
  });
});

describe("scopes", () => {
  it("a call outside the granted scopes names the missing scope and does not refresh", async () => {
    const minted = await mint(url, { scopes: ["offline_access", "read:space:confluence"] });
    const since = await lastSeq(url);
    const client = gatewayClient({
      ...CLIENT,
      accessToken: minted.access_token,
      refreshToken: minted.refresh_token,
    });
    const error = await client
      .request({ method: "DELETE", path: "/pages/{id}", pathParams: { id: "98309" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceScopeError);
    expect((error as ConfluenceScopeError).status).toBe(401);
    expect((error as ConfluenceScopeError).requiredScopes).toEqual([["delete:page:confluence"]]);
    expect((error as Error).message).toMatch(/scope does not match.*delete:page:confluence/);
    expect((await requestsSince(url, since)).filter(isRefresh)).toHaveLength(0);
  });

  it("the client's scope table agrees with the emulator's for every emulated operation", async () => {
    const { SITE_ROUTES } = await import("../../src/emulator/routes/index.js");
    const { scopesForRequest } = await import("../../src/core/index.js");
    // A sample URL per route row: attachment ids in their `att` form, other ids numeric.
    const sample = (path: string) =>
      path
        .replace(/\/attachments\/:(id|ownerId)/, "/attachments/att1")
        .replace(/:propertyId/, "2")
        .replace(/:\w+/g, "1");
    const scoped = SITE_ROUTES.filter((route) => route.scopes !== "unchecked");
    expect(scoped.length).toBeGreaterThan(30);
    for (const route of scoped) {
      const path = sample(route.path);
      expect(
        scopesForRequest(route.method, `https://x/ex/confluence/c${path}`),
        `${route.method} ${path}`,
      ).toEqual(route.scopes);
    }
  });
});

describe("setting", () => {
  it("http:// is only accepted for loopback", () => {
    expect(() =>
      oauthAuth({ accessToken: "abcd", atlassianBaseUrl: "http://example.com" }),
    ).toThrow(/only allowed for a local emulator/);
    expect(() =>
      oauthAuth({ accessToken: "abcd", atlassianBaseUrl: "https://169.254.169.254" }),
    ).toThrow(/link-local and cloud metadata/);
    expect(buildAuthorizeUrl({ ...CLIENT, scopes: ["a"], state: "s" })).toMatch(
      /^https:\/\/auth\.atlassian\.com\/authorize\?/,
    );
  });
});

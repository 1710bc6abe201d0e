// How the OAuth provider lives through a failing token endpoint and through callers that give
// up, against the emulator with injected faults: transient 429/5xx are retried and never end
// refreshing, only a refused refresh token does; a lost answer is "outcome unknown" and the old
// refresh token is not sent again; a throwing onTokens keeps the new tokens; one caller's abort
// does not fail the others sharing a lookup or a refresh; gateway 404s mention expired tokens.
import { beforeEach, describe, expect, it } from "vitest";
import { buildApiError } from "../../src/core/api-error.js";
import {
  type AuthProvider,
  ConfluenceAbortError,
  ConfluenceApiError,
  type ConfluenceClient,
  ConfluenceOAuthError,
  ConfluenceOAuthOutcomeUnknownError,
  ConfluenceOAuthUnavailableError,
  ConfluenceTokensNotPersistedError,
  createConfluenceClient,
  createSiteCache,
  type OAuthAuthOptions,
  oauthAuth,
} from "../../src/core/index.js";
import { Redactor } from "../../src/core/redact.js";
import type { FaultRule, FaultStats } from "../../src/emulator/index.js";
import { SITE_IDS } from "../../src/emulator/index.js";
import {
  CLIENT,
  isRefresh,
  lastSeq,
  type Minted,
  mint,
  requestsSince,
  useGatewayEmulator,
} from "./support.js";

/** The emulator: Atlassian's identity service and gateway, with faults injected on demand. */
let url = "";
const track = useGatewayEmulator((started) => {
  url = started;
});
// Shared by the providers of one test (as the catalog's runtime shares one); fresh per test.
let sites = createSiteCache();
beforeEach(async () => {
  sites = createSiteCache();
  await fetch(`${url}/__emulator/faults`, { method: "DELETE" });
});

const TOKEN_ENDPOINT = { method: "POST", path: "/oauth/token" };
const RESOURCES = { method: "GET", path: "/oauth/token/accessible-resources" };

/** Replaces the emulator's fault rules (docs/emulator.md, "Fault injection"). */
async function injectFaults(...rules: FaultRule[]): Promise<void> {
  const response = await fetch(`${url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules }),
  });
  expect(response.status).toBe(200);
}

/** Per-rule counters of the current fault rules, in rule order. */
async function faultStats(): Promise<FaultStats[]> {
  const response = await fetch(`${url}/__emulator/faults`);
  const listing = (await response.json()) as { rules: { stats: FaultStats }[] };
  return listing.rules.map((rule) => rule.stats);
}

/** The statuses the token endpoint answered since `since`, in order. */
const tokenOutcomes = async (since: number) =>
  (await requestsSince(url, since))
    .filter((r) => r.path === TOKEN_ENDPOINT.path)
    .map((r) => r.status);

/** OAuth auth whose token is past its expiry: its first use refreshes. */
function expiredAuth(minted: Minted, extra: Partial<OAuthAuthOptions> = {}) {
  return oauthAuth({
    ...CLIENT,
    accessToken: minted.access_token,
    refreshToken: minted.refresh_token,
    expiresAt: Date.now() - 1000,
    cloudId: SITE_IDS.demo,
    atlassianBaseUrl: url,
    ...extra,
  });
}

/** A client whose token is past its expiry, so its first call refreshes first. */
function expiredClient(minted: Minted, extra: Partial<OAuthAuthOptions> = {}): ConfluenceClient {
  return track(createConfluenceClient({ auth: expiredAuth(minted, extra) }));
}

function everything(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${JSON.stringify(error)}` : String(error);
}

describe("token endpoint failures", () => {
  it("a single 503 is retried and the refresh succeeds", async () => {
    await injectFaults({ ...TOKEN_ENDPOINT, error: { rate: 1, status: 503 }, times: 1 });
    const client = expiredClient(await mint(url));
    const since = await lastSeq(url);
    expect((await client.request({ path: "/spaces" })).status).toBe(200);
    expect(await tokenOutcomes(since)).toEqual([503, 200]);
  });

  it("waits between token tries on the provider's clock, not a real timer", async () => {
    // Retry-After: 4 is within what a token request waits for (token-retry.ts).
    await injectFaults({
      ...TOKEN_ENDPOINT,
      error: { rate: 1, status: 429, retryAfter: 4 },
      times: 1,
    });
    const waits: number[] = [];
    const client = expiredClient(await mint(url), {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const since = await lastSeq(url);
    expect((await client.request({ path: "/spaces" })).status).toBe(200);
    expect(await tokenOutcomes(since)).toEqual([429, 200]);
    expect(waits).toEqual([4000]);
  });

  it("a token endpoint down on every try is a transient error, and refreshing is not disabled", async () => {
    await injectFaults(
      { ...TOKEN_ENDPOINT, error: { rate: 1, status: 429, retryAfter: 0 }, times: 1 },
      { ...TOKEN_ENDPOINT, error: { rate: 1, status: 502 }, times: 1 },
      { ...TOKEN_ENDPOINT, error: { rate: 1, status: 503 }, times: 1 },
    );
    const minted = await mint(url);
    const client = expiredClient(minted);
    const error = await client.request({ path: "/spaces" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOAuthUnavailableError);
    expect((error as Error).message).toMatch(/temporarily unavailable.*transient/);
    expect((error as Error).message).not.toMatch(/spent|re-authorize/i);
    expect(everything(error)).not.toContain(minted.refresh_token ?? "?");
    // The fault is used up: the next call refreshes with the same, still valid refresh token.
    const since = await lastSeq(url);
    expect((await client.request({ path: "/spaces" })).status).toBe(200);
    expect((await requestsSince(url, since)).filter(isRefresh).map((e) => e.status)).toEqual([200]);
  });

  it("a refused refresh token ends refreshing: no second token request", async () => {
    const minted = await mint(url);
    const first = expiredClient(minted);
    await first.request({ path: "/spaces" }); // rotates: minted.refresh_token is now spent
    const stale = expiredClient(minted);
    const error = await stale.request({ path: "/spaces" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOAuthError);
    expect(error).not.toBeInstanceOf(ConfluenceOAuthUnavailableError);
    expect((error as ConfluenceOAuthError).code).toBe("unauthorized_client");
    expect((error as Error).message).toMatch(/re-authorize/);
    const since = await lastSeq(url);
    await expect(stale.request({ path: "/spaces" })).rejects.toBe(error);
    expect((await requestsSince(url, since)).filter(isRefresh)).toHaveLength(0);
  });

  it("a lost answer is 'outcome unknown' and the old refresh token is not sent again", async () => {
    await injectFaults({ ...TOKEN_ENDPOINT, resetAfter: { rate: 1 }, times: 1 });
    const minted = await mint(url);
    const client = expiredClient(minted);
    const since = await lastSeq(url);
    const error = await client.request({ path: "/spaces" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOAuthOutcomeUnknownError);
    expect((error as Error).message).toMatch(/may already be spent/);
    expect(everything(error)).not.toContain(minted.refresh_token ?? "?");
    await expect(client.request({ path: "/spaces" })).rejects.toBe(error);
    // Exactly one refresh left the client and its answer was cut off (the request log skips
    // exchanges whose answer never went out, so the fault's counters tell)...
    expect(await faultStats()).toMatchObject([{ matched: 1, resetsAfter: 1 }]);
    expect((await requestsSince(url, since)).filter(isRefresh)).toHaveLength(0);
    // ...and the emulator applied it: the token rotated, the old refresh token is spent.
    const replay = await fetch(`${url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        grant_type: "refresh_token",
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        refresh_token: minted.refresh_token,
      }),
    });
    expect(replay.status).toBe(403);
  });
});

describe("onTokens failures", () => {
  it("a throwing onTokens is reported as 'not persisted'; the new tokens stay in use", async () => {
    const minted = await mint(url);
    let rotated: { accessToken: string; refreshToken?: string } | undefined;
    const client = expiredClient(minted, {
      onTokens: (tokens) => {
        rotated = tokens;
        throw new Error(`database is read-only, could not store ${tokens.refreshToken}`);
      },
    });
    const error = await client.request({ path: "/spaces" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceTokensNotPersistedError);
    expect((error as ConfluenceOAuthError).code).toBe("tokens_not_persisted");
    expect((error as Error).message).toMatch(/database is read-only.*keeps using the new tokens/);
    const text = everything(error);
    for (const secret of [rotated?.accessToken, rotated?.refreshToken, minted.refresh_token]) {
      expect(secret).toBeDefined();
      expect(text).not.toContain(secret);
    }
    const since = await lastSeq(url);
    expect((await client.request({ path: "/spaces" })).status).toBe(200);
    const log = await requestsSince(url, since);
    expect(log.filter(isRefresh)).toHaveLength(0);
  });
});

describe("aborts of shared work", () => {
  function lookupProvider(accessToken: string): AuthProvider {
    return oauthAuth({ accessToken, atlassianBaseUrl: url, siteCache: sites });
  }

  it("one caller aborting a shared site lookup does not fail the others", async () => {
    await injectFaults({ ...RESOURCES, latency: { ms: 300 }, times: 1 });
    const minted = await mint(url);
    const since = await lastSeq(url);
    const quitter = new AbortController();
    const a = lookupProvider(minted.access_token).resolveEndpoints({
      host: undefined,
      signal: quitter.signal,
    });
    const b = lookupProvider(minted.access_token).resolveEndpoints({
      host: undefined,
      signal: new AbortController().signal,
    });
    setTimeout(() => quitter.abort(), 50);
    await expect(a).rejects.toBeInstanceOf(ConfluenceAbortError);
    expect((await b).siteBaseUrl).toBe(`${url}/ex/confluence/${SITE_IDS.demo}`);
    expect((await requestsSince(url, since)).filter((r) => r.path === RESOURCES.path)).toHaveLength(
      1,
    );
    expect(await faultStats()).toMatchObject([{ matched: 1 }]);
  });

  it("one caller aborting a shared refresh does not fail the others", async () => {
    await injectFaults({ ...TOKEN_ENDPOINT, latency: { ms: 300 }, times: 1 });
    const minted = await mint(url);
    const since = await lastSeq(url);
    const auth = expiredAuth(minted);
    const quitter = new AbortController();
    const a = Promise.resolve(auth.authorization({ signal: quitter.signal }));
    const b = Promise.resolve(auth.authorization({ signal: new AbortController().signal }));
    setTimeout(() => quitter.abort(), 50);
    await expect(a).rejects.toBeInstanceOf(ConfluenceAbortError);
    const header = await b;
    expect(header).toMatch(/^Bearer /);
    expect(header).not.toBe(`Bearer ${minted.access_token}`);
    expect(await tokenOutcomes(since)).toEqual([200]);
    expect(await faultStats()).toMatchObject([{ matched: 1 }]);
  });
});

describe("expired-token hint", () => {
  it("a gateway 404 from an expired token that cannot be refreshed says it may be the token", async () => {
    const minted = await mint(url);
    // As in the Prismatic component: an access token only, the platform owns refresh.
    const client = track(
      createConfluenceClient({
        auth: oauthAuth({ accessToken: minted.access_token, atlassianBaseUrl: url }),
      }),
    );
    await client.request({ path: "/spaces" });
    await fetch(`${url}/__emulator/oauth/expire`, { method: "POST" });
    for (const [api, path, status] of [
      ["v2", "/pages", 404],
      ["v1", "/space", 403],
    ] as const) {
      const error = await client.request({ api, path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceApiError);
      expect((error as ConfluenceApiError).status).toBe(status);
      expect((error as Error).message).toMatch(/expired OAuth access token also produces/);
      expect((error as Error).message).not.toContain(minted.access_token);
    }
  });

  it("only gateway 403/404 get the hint (a site's own 404 is just a 404)", () => {
    const message = (status: number, path: string) =>
      buildApiError(
        { status, method: "GET", path, headers: {}, bytes: new Uint8Array() },
        new Redactor(() => []),
      ).message;
    const hint = /expired OAuth access token/;
    expect(message(404, "/ex/confluence/abc-123/wiki/api/v2/pages/1")).toMatch(hint);
    expect(message(403, "/ex/confluence/abc-123/wiki/rest/api/space")).toMatch(hint);
    expect(message(404, "/wiki/api/v2/pages/1")).not.toMatch(hint);
    expect(message(400, "/ex/confluence/abc-123/wiki/api/v2/pages")).not.toMatch(hint);
  });
});

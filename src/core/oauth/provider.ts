// OAuth 2.0 (3LO) as an AuthProvider: requests go through Atlassian's gateway
// (https://api.atlassian.com/ex/confluence/{cloudId}), the cloud id is found once per token and
// site (accessible-resources, cached module-wide), and the access token is refreshed — before it
// expires, or once after an auth failure that can mean "expired" — with rotating refresh tokens
// reported through `onTokens`. Concurrent requests share one refresh (single flight): with
// rotating refresh tokens two parallel refreshes would spend the same refresh token twice, and
// Atlassian revokes the whole family on reuse. Shared work (refresh, site lookup) runs under no
// caller's signal; each waiter races its own (raceAbort in signals.ts).
//
// Expired-token statuses: Atlassian's gateway answers an expired token with 404 on v2 paths and
// 403 on v1 paths, not 401 (https://github.com/n8n-io/n8n/pull/37776; docs/oauth.md). A 403/404
// also means "forbidden"/"not found", so it only triggers a refresh when the token has expired:
// with a known expiry, when within the skew; with an unknown one, when accessible-resources
// (which answers an expired token with 401) rejects the token too — a genuine 404 then costs one
// cheap probe, not a rotation of the refresh token. A 401 always refreshes, except Atlassian's
// scope check failure (`X-Failure-Category: FAILURE_CLIENT_SCOPE_CHECK`), which no refresh can fix.

import { atlassianEndpoints, gatewayEndpoints } from "../atlassian-url.js";
import type { AuthEndpoints, AuthFailure, AuthProvider } from "../auth.js";
import { ConfluenceAbortError, ConfluenceValidationError } from "../errors.js";
import { raceAbort } from "../signals.js";
import {
  ConfluenceOAuthError,
  ConfluenceOAuthUnavailableError,
  ConfluenceScopeError,
} from "./errors.js";
import { endsRefreshing, notPersistedError } from "./refresh-outcome.js";
import { describeScopes, scopesForRequest } from "./scopes.js";
import { cachedCloudId, rememberCloudId, siteCacheKey } from "./site-cache.js";
import { fetchAccessibleResources, selectSite } from "./sites.js";
import { type OAuthTokens, refreshAccessToken } from "./tokens.js";

export const DEFAULT_REFRESH_SKEW_MS = 60_000;
const SCOPE_FAILURE_CATEGORY = "FAILURE_CLIENT_SCOPE_CHECK";
/** Earlier tokens stay in the redaction list (a log line may still mention one). */
const MAX_REMEMBERED_SECRETS = 16;

/** Shared OAuth work raced against one waiter's signal; `what` names it in the abort error. */
function raceOAuth<T>(work: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  return raceAbort(
    work,
    signal,
    () => new ConfluenceAbortError(`${what} was aborted`, { cause: signal?.reason }),
  );
}

export interface OAuthAuthOptions {
  accessToken: string;
  /** With clientId and clientSecret, enables refreshing. */
  refreshToken?: string;
  /** When the access token expires (epoch ms); refresh happens `refreshSkewMs` before. */
  expiresAt?: number;
  clientId?: string;
  clientSecret?: string;
  /**
   * Called after every refresh with the new tokens. The refresh token rotates: persist it, the
   * previous one is spent and reusing it revokes the grant. If it throws, the request fails
   * with ConfluenceTokensNotPersistedError and the client keeps using the new tokens.
   */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
  /** "API Site Override": a site name, URL or cloud id. Default: the first Confluence site. */
  siteOverride?: string;
  /** Skip the site lookup. */
  cloudId?: string;
  /** Points auth.atlassian.com and api.atlassian.com elsewhere (e.g. the emulator). */
  atlassianBaseUrl?: string;
  /** Default 60 000. */
  refreshSkewMs?: number;
  now?: () => number;
}

/** Lookups in flight, shared by every client of the process (same key as the site cache). */
const lookups = new Map<string, Promise<string>>();

export function oauthAuth(options: OAuthAuthOptions): AuthProvider {
  if (typeof options.accessToken !== "string" || options.accessToken === "") {
    throw new ConfluenceValidationError("OAuth 2.0 authentication needs an access token");
  }
  if (options.cloudId !== undefined && !/^[A-Za-z0-9-]+$/.test(options.cloudId)) {
    throw new ConfluenceValidationError("Invalid cloud id");
  }
  const { apiUrl } = atlassianEndpoints(options.atlassianBaseUrl);
  const now = options.now ?? Date.now;
  const skew = options.refreshSkewMs ?? DEFAULT_REFRESH_SKEW_MS;
  const override = options.siteOverride?.trim() ?? "";
  const state = {
    accessToken: options.accessToken,
    refreshToken: options.refreshToken,
    expiresAt: options.expiresAt,
  };
  const remembered: string[] = [];
  let refreshing: Promise<void> | undefined;
  let probing: Promise<boolean> | undefined;
  let deadRefresh: ConfluenceOAuthError | undefined;
  let cloudId = options.cloudId;

  const canRefresh = () =>
    state.refreshToken !== undefined && !!options.clientId && !!options.clientSecret;
  // A token that lives shorter than twice the skew (a test server, a short-lived grant) is
  // refreshed at half its life instead, or every call would refresh it again.
  let lifetimeMs = Number.POSITIVE_INFINITY;
  /** Known expiry within the skew. An unknown expiry is never "near": see tokenRejected. */
  const nearExpiry = () =>
    state.expiresAt !== undefined && now() >= state.expiresAt - Math.min(skew, lifetimeMs / 2);
  const forget = (secret: string | undefined) => {
    if (secret === undefined) return;
    remembered.push(secret);
    if (remembered.length > MAX_REMEMBERED_SECRETS) remembered.shift();
  };

  const runRefresh = async (): Promise<void> => {
    const spent = state.refreshToken!;
    let tokens: OAuthTokens;
    try {
      tokens = await refreshAccessToken({
        clientId: options.clientId!,
        clientSecret: options.clientSecret!,
        refreshToken: spent,
        atlassianBaseUrl: options.atlassianBaseUrl,
        now,
      });
    } catch (error) {
      // A refused (or possibly spent) refresh token stays so: fail fast instead of asking
      // again. A transient failure (429/5xx, unreachable) is not latched: the next call retries.
      if (endsRefreshing(error)) deadRefresh = error;
      throw error;
    }
    forget(state.accessToken);
    forget(spent);
    state.accessToken = tokens.accessToken;
    state.refreshToken = tokens.refreshToken ?? spent;
    state.expiresAt = tokens.expiresAt;
    lifetimeMs = Math.max(0, tokens.expiresAt - now());
    // The site does not change with the token: keep later clients of this token lookup-free.
    if (cloudId !== undefined) {
      rememberCloudId(siteCacheKey(tokens.accessToken, override, apiUrl), cloudId);
    }
    try {
      await options.onTokens?.({ ...tokens, refreshToken: state.refreshToken });
    } catch (error) {
      // The tokens did rotate: the state keeps them (the old ones are dead), and the caller
      // learns that persistence failed through its own error type, without any token value.
      throw notPersistedError(error, [
        tokens.accessToken,
        state.refreshToken,
        spent,
        options.clientSecret,
      ]);
    }
  };

  const refresh = (signal?: AbortSignal): Promise<void> => {
    if (deadRefresh) return Promise.reject(deadRefresh);
    refreshing ??= runRefresh().finally(() => {
      refreshing = undefined;
    });
    return raceOAuth(refreshing, signal, "The OAuth token refresh");
  };

  /**
   * Unknown expiry, and the gateway answered 403/404: does the token itself still work?
   * accessible-resources answers an expired or revoked token with 401 (docs/oauth.md). Shared
   * by concurrent failures; a probe that fails for another reason counts as "not rejected", so
   * the original 403/404 is reported rather than a refresh token spent on a guess.
   */
  const tokenRejected = (signal: AbortSignal | undefined): Promise<boolean> => {
    probing ??= fetchAccessibleResources(apiUrl, state.accessToken)
      .then(
        (listed) => listed.status === 401 || listed.status === 403,
        () => false,
      )
      .finally(() => {
        probing = undefined;
      });
    return raceOAuth(probing, signal, "The OAuth token check");
  };

  // Runs for every waiter of a lookup at once, so it uses no caller's signal; each of its
  // requests has its own timeout (OAUTH_HTTP_TIMEOUT_MS).
  const lookUpSite = async (): Promise<string> => {
    if (canRefresh() && nearExpiry()) await refresh();
    let listed = await fetchAccessibleResources(apiUrl, state.accessToken);
    if (listed.status !== 200 && canRefresh()) {
      await refresh();
      listed = await fetchAccessibleResources(apiUrl, state.accessToken);
    }
    if (listed.status === 401 || listed.status === 403) {
      throw new ConfluenceOAuthError(
        `Atlassian rejected the OAuth access token (${listed.status}) while looking up its Confluence site: it is expired or revoked. Re-authorize the connection.`,
        { status: listed.status, code: "invalid_token" },
      );
    }
    const site = selectSite(listed.resources, override);
    rememberCloudId(siteCacheKey(state.accessToken, override, apiUrl), site.id);
    return site.id;
  };

  const resolveCloudId = async (signal: AbortSignal | undefined): Promise<string> => {
    if (cloudId !== undefined) return cloudId;
    const key = siteCacheKey(state.accessToken, override, apiUrl);
    const cached = cachedCloudId(key);
    if (cached !== undefined) return cached;
    let lookup = lookups.get(key);
    if (lookup === undefined) {
      lookup = lookUpSite().finally(() => lookups.delete(key));
      lookups.set(key, lookup);
    }
    return raceOAuth(lookup, signal, "The Confluence site lookup");
  };

  const scopeError = (failure: AuthFailure): ConfluenceScopeError => {
    const path = new URL(failure.url).pathname;
    const needed = scopesForRequest(failure.method, failure.url) ?? [];
    const need =
      needed.length > 0
        ? `it needs ${describeScopes(needed)}`
        : "check the scopes of the app and of the connection";
    return new ConfluenceScopeError(
      {
        status: failure.status,
        statusText: "Unauthorized",
        method: failure.method,
        path,
        body: undefined,
        traceId: failure.headers["atl-traceid"],
        message: `Confluence returned ${failure.status} Unauthorized for ${failure.method} ${path}: the OAuth token lacks a scope this operation needs (Atlassian: "scope does not match"); ${need}. Add the scope to the app and the connection's Scopes, then re-authorize.`,
      },
      needed,
    );
  };

  return {
    kind: "oauth2",
    resolveEndpoints: async ({ signal }): Promise<AuthEndpoints> => {
      cloudId = await resolveCloudId(signal);
      return gatewayEndpoints(apiUrl, cloudId);
    },
    authorization: async ({ signal }) => {
      if (canRefresh() && nearExpiry()) {
        try {
          await refresh(signal);
        } catch (error) {
          // Refreshing ahead of expiry hit a transient failure: the token still works until
          // it actually expires, so use it (the next call tries the refresh again).
          const stillValid = state.expiresAt !== undefined && now() < state.expiresAt;
          if (!(error instanceof ConfluenceOAuthUnavailableError && stillValid)) throw error;
        }
      }
      return `Bearer ${state.accessToken}`;
    },
    onAuthFailure: async (failure) => {
      if (failure.headers["x-failure-category"] === SCOPE_FAILURE_CATEGORY) {
        throw scopeError(failure);
      }
      if (!canRefresh()) return false;
      const stale = () => failure.authorization !== `Bearer ${state.accessToken}`;
      // Another request already refreshed (or is refreshing): just send again.
      if (stale()) return true;
      if (refreshing) {
        await raceOAuth(refreshing, failure.signal, "The OAuth token refresh");
        return true;
      }
      if (failure.status !== 401) {
        const expired =
          state.expiresAt === undefined ? await tokenRejected(failure.signal) : nearExpiry();
        if (!expired) return false;
        if (stale()) return true;
      }
      await refresh(failure.signal);
      return true;
    },
    secrets: () =>
      [state.accessToken, state.refreshToken, options.clientSecret, ...remembered].filter(
        (secret): secret is string => typeof secret === "string" && secret !== "",
      ),
  };
}

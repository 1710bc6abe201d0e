// OAuth 2.0 (3LO) as an AuthProvider: requests go through Atlassian's gateway
// (https://api.atlassian.com/ex/confluence/{cloudId}), the cloud id is found once per token and
// site (accessible-resources, cached module-wide), and the access token is refreshed — before it
// expires, or once after an auth failure that can mean "expired" — with rotating refresh tokens
// reported through `onTokens`. Concurrent requests share one refresh (single flight): with
// rotating refresh tokens two parallel refreshes would spend the same refresh token twice, and
// Atlassian revokes the whole family on reuse.
//
// Expired-token statuses: Atlassian's gateway answers an expired token with 404 on v2 paths and
// 403 on v1 paths, not 401 (https://github.com/n8n-io/n8n/pull/37776; docs/oauth.md). A 403/404
// also means "forbidden"/"not found", so it only triggers a refresh when the token may have
// expired (expiry unknown, or within the skew); a 401 always does, except Atlassian's scope
// check failure (`X-Failure-Category: FAILURE_CLIENT_SCOPE_CHECK`), which no refresh can fix.
import type { AuthEndpoints, AuthFailure, AuthProvider } from "../auth.js";
import { ConfluenceValidationError } from "../errors.js";
import { atlassianEndpoints } from "./endpoints.js";
import { ConfluenceOAuthError, ConfluenceScopeError } from "./errors.js";
import { describeScopes, scopesForRequest } from "./scopes.js";
import { cachedCloudId, rememberCloudId, siteCacheKey } from "./site-cache.js";
import { fetchAccessibleResources, selectSite } from "./sites.js";
import { type OAuthTokens, refreshAccessToken } from "./tokens.js";

export const DEFAULT_REFRESH_SKEW_MS = 60_000;
const SCOPE_FAILURE_CATEGORY = "FAILURE_CLIENT_SCOPE_CHECK";
/** Earlier tokens stay in the redaction list (a log line may still mention one). */
const MAX_REMEMBERED_SECRETS = 16;

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
   * previous one is spent and reusing it revokes the grant.
   */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
  /** "API Site Override": a site name, URL or cloud id. Default: the first Confluence site. */
  siteOverride?: string;
  /** Skip the site lookup. */
  cloudId?: string;
  /** Points auth.atlassian.com and api.atlassian.com elsewhere (else CONFLUENCE_ATLASSIAN_API_URL). */
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
  let deadRefresh: ConfluenceOAuthError | undefined;
  let cloudId = options.cloudId;

  const canRefresh = () =>
    state.refreshToken !== undefined && !!options.clientId && !!options.clientSecret;
  // A token that lives shorter than twice the skew (a test server, a short-lived grant) is
  // refreshed at half its life instead, or every call would refresh it again.
  let lifetimeMs = Number.POSITIVE_INFINITY;
  const mayBeExpired = () =>
    state.expiresAt === undefined || now() >= state.expiresAt - Math.min(skew, lifetimeMs / 2);
  const forget = (secret: string | undefined) => {
    if (secret === undefined) return;
    remembered.push(secret);
    if (remembered.length > MAX_REMEMBERED_SECRETS) remembered.shift();
  };

  const refresh = (): Promise<void> => {
    if (deadRefresh) return Promise.reject(deadRefresh);
    refreshing ??= (async () => {
      try {
        const spent = state.refreshToken!;
        const tokens = await refreshAccessToken({
          clientId: options.clientId!,
          clientSecret: options.clientSecret!,
          refreshToken: spent,
          atlassianBaseUrl: options.atlassianBaseUrl,
        });
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
        await options.onTokens?.({ ...tokens, refreshToken: state.refreshToken });
      } catch (error) {
        // A refused refresh token stays refused: fail fast instead of asking again and again.
        if (error instanceof ConfluenceOAuthError) deadRefresh = error;
        throw error;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };

  const lookUpSite = async (signal: AbortSignal): Promise<string> => {
    if (canRefresh() && state.expiresAt !== undefined && mayBeExpired()) await refresh();
    let listed = await fetchAccessibleResources(apiUrl, state.accessToken, signal);
    if (listed.status !== 200 && canRefresh()) {
      await refresh();
      listed = await fetchAccessibleResources(apiUrl, state.accessToken, signal);
    }
    if (listed.status === 401 || listed.status === 403) {
      throw new ConfluenceOAuthError(
        `Atlassian rejected the OAuth access token (${listed.status}) while looking up its Confluence site: it is expired or revoked. Re-authorize the connection.`,
        listed.status,
        "invalid_token",
      );
    }
    const site = selectSite(listed.resources, override);
    rememberCloudId(siteCacheKey(state.accessToken, override, apiUrl), site.id);
    return site.id;
  };

  const resolveCloudId = async (signal: AbortSignal): Promise<string> => {
    if (cloudId !== undefined) return cloudId;
    const key = siteCacheKey(state.accessToken, override, apiUrl);
    const cached = cachedCloudId(key);
    if (cached !== undefined) return cached;
    let lookup = lookups.get(key);
    if (lookup === undefined) {
      lookup = lookUpSite(signal).finally(() => lookups.delete(key));
      lookups.set(key, lookup);
    }
    return lookup;
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
      return { siteBaseUrl: `${apiUrl}/ex/confluence/${cloudId}`, graphqlUrl: `${apiUrl}/graphql` };
    },
    authorization: async () => {
      if (canRefresh() && state.expiresAt !== undefined && mayBeExpired()) await refresh();
      return `Bearer ${state.accessToken}`;
    },
    onAuthFailure: async (failure) => {
      if (failure.headers["x-failure-category"] === SCOPE_FAILURE_CATEGORY) {
        throw scopeError(failure);
      }
      if (!canRefresh()) return false;
      // Another request already refreshed (or is refreshing): just send again.
      if (failure.authorization !== `Bearer ${state.accessToken}`) return true;
      if (refreshing) {
        await refreshing;
        return true;
      }
      if (failure.status !== 401 && !mayBeExpired()) return false;
      await refresh();
      return true;
    },
    secrets: () =>
      [state.accessToken, state.refreshToken, options.clientSecret, ...remembered].filter(
        (secret): secret is string => typeof secret === "string" && secret !== "",
      ),
  };
}

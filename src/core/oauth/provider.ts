// OAuth 2.0 (3LO) as an AuthProvider: requests go through Atlassian's gateway
// (https://api.atlassian.com/ex/confluence/{cloudId}). Built from two parts: a token session
// (token-session.ts: single-flight refresh, expiry skew, rotation, persistence callback) and a
// site resolver (site-resolver.ts: the cloud id, found once per token and site). This file is
// the auth-failure policy on top: when to refresh ahead of expiry or after a failure.
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
import { ConfluenceValidationError } from "../errors.js";
import { ConfluenceOAuthUnavailableError, ConfluenceScopeError } from "./errors.js";
import { describeScopes, scopesForRequest } from "./scopes.js";
import { createSiteCache, type SiteCache } from "./site-cache.js";
import { createSiteResolver } from "./site-resolver.js";
import { createTokenSession, type OAuthTokenOptions, raceOAuth } from "./token-session.js";

export { DEFAULT_REFRESH_SKEW_MS } from "./token-session.js";

const SCOPE_FAILURE_CATEGORY = "FAILURE_CLIENT_SCOPE_CHECK";

export interface OAuthAuthOptions extends OAuthTokenOptions {
  /** "API Site Override": a site name, URL or cloud id. Default: the first Confluence site. */
  siteOverride?: string;
  /** Skip the site lookup. */
  cloudId?: string;
  now?: () => number;
  /**
   * Where resolved sites (and lookups in flight) are kept. Give every provider of a process the
   * same cache (the catalog's runtime does) so a new client per invocation skips the lookup;
   * default: a cache of this provider's own.
   */
  siteCache?: SiteCache;
  /** Waits between token endpoint tries after a 429/5xx (default: a real, abortable timer). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export function oauthAuth(options: OAuthAuthOptions): AuthProvider {
  if (typeof options.accessToken !== "string" || options.accessToken === "") {
    throw new ConfluenceValidationError("OAuth 2.0 authentication needs an access token");
  }
  if (options.cloudId !== undefined && !/^[A-Za-z0-9-]+$/.test(options.cloudId)) {
    throw new ConfluenceValidationError("Invalid cloud id");
  }
  const { apiUrl } = atlassianEndpoints(options.atlassianBaseUrl);
  const now = options.now ?? Date.now;
  const site = createSiteResolver({
    apiUrl,
    override: options.siteOverride?.trim() ?? "",
    cloudId: options.cloudId,
    session: () => session,
    cache: options.siteCache ?? createSiteCache({ now }),
  });
  const session = createTokenSession({
    ...options,
    now,
    onRotated: (accessToken) => site.rotated(accessToken),
  });

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
      return gatewayEndpoints(apiUrl, await site.cloudId(signal));
    },
    authorization: async ({ signal }) => {
      if (session.canRefresh() && session.nearExpiry()) {
        try {
          await session.refresh(signal);
        } catch (error) {
          // Refreshing ahead of expiry hit a transient failure: the token still works until
          // it actually expires, so use it (the next call tries the refresh again).
          const expiresAt = session.expiresAt;
          const stillValid = expiresAt !== undefined && now() < expiresAt;
          if (!(error instanceof ConfluenceOAuthUnavailableError && stillValid)) throw error;
        }
      }
      return `Bearer ${session.accessToken}`;
    },
    onAuthFailure: async (failure) => {
      if (failure.headers["x-failure-category"] === SCOPE_FAILURE_CATEGORY) {
        throw scopeError(failure);
      }
      if (!session.canRefresh()) return false;
      const stale = () => failure.authorization !== `Bearer ${session.accessToken}`;
      // Another request already refreshed (or is refreshing): just send again.
      if (stale()) return true;
      const refreshing = session.refreshing;
      if (refreshing) {
        await raceOAuth(refreshing, failure.signal, "The OAuth token refresh");
        return true;
      }
      if (failure.status !== 401) {
        const expired =
          session.expiresAt === undefined
            ? await site.tokenRejected(failure.signal)
            : session.nearExpiry();
        if (!expired) return false;
        if (stale()) return true;
      }
      await session.refresh(failure.signal);
      return true;
    },
    secrets: () => session.secrets(),
  };
}

// The site half of oauthAuth: which Confluence site (cloud id) the token reaches, looked up
// once per token and site through accessible-resources
// (https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/), cached in the site cache
// the provider was given (shared by every client of a runtime), and the cheap "does the token itself still work?" probe the auth-failure policy asks for.
import { ConfluenceOAuthError } from "./errors.js";
import { type SiteCache, siteCacheKey } from "./site-cache.js";
import { fetchAccessibleResources, selectSite } from "./sites.js";
import { raceOAuth, type TokenSession } from "./token-session.js";

export interface SiteResolver {
  /** The cloud id: given, remembered, cached, or looked up (shared by concurrent callers). */
  cloudId(signal: AbortSignal | undefined): Promise<string>;
  /** After a rotation: later clients of the new token need no lookup. */
  rotated(accessToken: string): void;
  /**
   * Unknown expiry, and the gateway answered 403/404: does the token itself still work?
   * accessible-resources answers an expired or revoked token with 401 (docs/oauth.md). Shared
   * by concurrent failures; a probe that fails for another reason counts as "not rejected", so
   * the original 403/404 is reported rather than a refresh token spent on a guess.
   */
  tokenRejected(signal: AbortSignal | undefined): Promise<boolean>;
}

export function createSiteResolver(options: {
  apiUrl: string;
  /** "API Site Override", trimmed ("" for none). */
  override: string;
  cloudId: string | undefined;
  session: () => TokenSession;
  /** Cached sites and lookups in flight, shared with the other providers given the same cache. */
  cache: SiteCache;
}): SiteResolver {
  const { apiUrl, override, cache } = options;
  let cloudId = options.cloudId;
  let probing: Promise<boolean> | undefined;

  // Runs for every waiter of a lookup at once, so it uses no caller's signal; each of its
  // requests has its own timeout (OAUTH_HTTP_TIMEOUT_MS).
  const lookUpSite = async (): Promise<string> => {
    const session = options.session();
    if (session.canRefresh() && session.nearExpiry()) await session.refresh();
    let listed = await fetchAccessibleResources(apiUrl, session.accessToken);
    if (listed.status !== 200 && session.canRefresh()) {
      await session.refresh();
      listed = await fetchAccessibleResources(apiUrl, session.accessToken);
    }
    if (listed.status === 401 || listed.status === 403) {
      throw new ConfluenceOAuthError(
        `Atlassian rejected the OAuth access token (${listed.status}) while looking up its Confluence site: it is expired or revoked. Re-authorize the connection.`,
        { status: listed.status, code: "invalid_token" },
      );
    }
    const site = selectSite(listed.resources, override);
    cache.remember(siteCacheKey(session.accessToken, override, apiUrl), site.id);
    return site.id;
  };

  return {
    cloudId: async (signal) => {
      if (cloudId !== undefined) return cloudId;
      const key = siteCacheKey(options.session().accessToken, override, apiUrl);
      const cached = cache.get(key);
      if (cached !== undefined) {
        cloudId = cached;
        return cached;
      }
      const lookup = cache.shared(key, lookUpSite);
      cloudId = await raceOAuth(lookup, signal, "The Confluence site lookup");
      return cloudId;
    },
    rotated: (accessToken) => {
      // The site does not change with the token: keep later clients of this token lookup-free.
      if (cloudId !== undefined) {
        cache.remember(siteCacheKey(accessToken, override, apiUrl), cloudId);
      }
    },
    tokenRejected: (signal) => {
      probing ??= fetchAccessibleResources(apiUrl, options.session().accessToken)
        .then(
          (listed) => listed.status === 401 || listed.status === 403,
          () => false,
        )
        .finally(() => {
          probing = undefined;
        });
      return raceOAuth(probing, signal, "The OAuth token check");
    },
  };
}

// OAuth 2.0 (3LO) for Confluence Cloud: see docs/oauth.md.
export type { AtlassianEndpoints } from "../atlassian-url.js";
export { atlassianEndpoints, DEFAULT_ATLASSIAN_AUTH_URL } from "../atlassian-url.js";
export {
  ConfluenceOAuthError,
  ConfluenceOAuthOutcomeUnknownError,
  ConfluenceOAuthUnavailableError,
  ConfluenceScopeError,
  ConfluenceTokensNotPersistedError,
} from "./errors.js";
export type { OAuthAuthOptions } from "./provider.js";
export { DEFAULT_REFRESH_SKEW_MS, oauthAuth } from "./provider.js";
export type { ScopeAlternatives } from "./scopes.js";
export { scopesForRequest } from "./scopes.js";
export type { SiteCache, SiteCacheOptions } from "./site-cache.js";
export { createSiteCache, SITE_CACHE_MAX_ENTRIES, SITE_CACHE_TTL_MS } from "./site-cache.js";
export type { AccessibleResource } from "./sites.js";
export { fetchAccessibleResources, selectSite } from "./sites.js";
export { TOKEN_RETRY_DELAYS_MS } from "./token-endpoint.js";
export type { AuthorizeUrlOptions, OAuthClientCredentials, OAuthTokens } from "./tokens.js";
export { buildAuthorizeUrl, exchangeAuthorizationCode, refreshAccessToken } from "./tokens.js";

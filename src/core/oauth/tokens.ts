// The authorization-code flow against Atlassian's identity service, for use outside Prismatic
// (the platform runs it itself there): the authorize URL, the code exchange and the refresh of
// rotating refresh tokens. https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/
// and https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/.

import { atlassianEndpoints } from "../atlassian-url.js";
import { ConfluenceValidationError } from "../errors.js";
import { tokenRequest } from "./token-endpoint.js";
import type { OAuthClientCredentials, OAuthTokens } from "./token-types.js";

export type { OAuthClientCredentials, OAuthTokens } from "./token-types.js";

export interface AuthorizeUrlOptions {
  clientId: string;
  redirectUri: string;
  /** Include `offline_access` to get a refresh token. */
  scopes: readonly string[] | string;
  /** Opaque value bound to the user's session, checked on the callback (CSRF protection). */
  state: string;
  atlassianBaseUrl?: string;
}

function required(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfluenceValidationError(`OAuth 2.0: "${name}" is required`);
  }
  return value;
}

function checked<T extends OAuthClientCredentials>(credentials: T): T {
  required(credentials.clientId, "clientId");
  required(credentials.clientSecret, "clientSecret");
  return credentials;
}

/** The consent screen URL: https://auth.atlassian.com/authorize?audience=api.atlassian.com&... */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const scopes = Array.isArray(options.scopes) ? options.scopes.join(" ") : String(options.scopes);
  const url = new URL("/authorize", atlassianEndpoints(options.atlassianBaseUrl).authUrl);
  url.searchParams.set("audience", "api.atlassian.com");
  url.searchParams.set("client_id", required(options.clientId, "clientId"));
  url.searchParams.set("scope", required(scopes.trim(), "scopes"));
  url.searchParams.set("redirect_uri", required(options.redirectUri, "redirectUri"));
  url.searchParams.set("state", required(options.state, "state"));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("prompt", "consent");
  return url.toString();
}

/** `POST /oauth/token` with `grant_type=authorization_code`. */
export async function exchangeAuthorizationCode(
  options: OAuthClientCredentials & { code: string; redirectUri: string },
): Promise<OAuthTokens> {
  return tokenRequest(checked(options), {
    params: {
      grant_type: "authorization_code",
      code: required(options.code, "code"),
      redirect_uri: required(options.redirectUri, "redirectUri"),
    },
    action: "exchange the authorization code",
    credential: "authorization code",
    refusedHint:
      "codes are single use and expire after a few minutes; start the authorization again",
  });
}

/**
 * `POST /oauth/token` with `grant_type=refresh_token`. The answer carries a NEW refresh token
 * that replaces the one sent (rotating refresh tokens): persist it, the old one is spent.
 */
export async function refreshAccessToken(
  options: OAuthClientCredentials & { refreshToken: string },
): Promise<OAuthTokens> {
  return tokenRequest(checked(options), {
    params: {
      grant_type: "refresh_token",
      refresh_token: required(options.refreshToken, "refreshToken"),
    },
    action: "refresh the access token",
    credential: "refresh token",
    refusedHint:
      "the refresh token is spent, expired or revoked (a rotated refresh token must replace the old one); re-authorize the connection",
  });
}

// The authorization-code flow against Atlassian's identity service, for use outside Prismatic
// (the platform runs it itself there): the authorize URL, the code exchange and the refresh of
// rotating refresh tokens. https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/
// and https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/.
import { ConfluenceValidationError } from "../errors.js";
import { REDACTED } from "../redact.js";
import { atlassianEndpoints } from "./endpoints.js";
import { ConfluenceOAuthError } from "./errors.js";
import { jsonRequest } from "./http.js";

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Points auth.atlassian.com / api.atlassian.com elsewhere (e.g. the emulator). */
  atlassianBaseUrl?: string;
  signal?: AbortSignal;
}

export interface OAuthTokens {
  accessToken: string;
  /** Present when `offline_access` was granted. Rotates: persist the new one every time. */
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scope: string;
}

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

function describeFailure(status: number, body: unknown): { code: string; text: string } {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === "string" ? record.error : `http_${status}`;
  const description =
    typeof record.error_description === "string" ? record.error_description : undefined;
  // Only the OAuth error fields are echoed, and only when short: a token endpoint never puts
  // a credential there, and a proxy's HTML page is not worth repeating.
  const text = description !== undefined && description.length <= 200 ? `: ${description}` : "";
  return { code, text: `${status} ${code}${text}` };
}

function parseTokens(body: unknown, now: number): OAuthTokens {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (typeof record.access_token !== "string" || record.access_token === "") {
    throw new ConfluenceOAuthError(
      "Atlassian's token endpoint answered without an access token",
      200,
      "invalid_response",
    );
  }
  const expiresIn = typeof record.expires_in === "number" ? record.expires_in : 3600;
  return {
    accessToken: record.access_token,
    refreshToken: typeof record.refresh_token === "string" ? record.refresh_token : undefined,
    expiresAt: now + expiresIn * 1000,
    scope: typeof record.scope === "string" ? record.scope : "",
  };
}

async function tokenRequest(
  credentials: OAuthClientCredentials,
  grant: Record<string, string>,
  what: string,
  hint: string,
): Promise<OAuthTokens> {
  const { authUrl } = atlassianEndpoints(credentials.atlassianBaseUrl);
  const started = Date.now();
  const response = await jsonRequest(`${authUrl}/oauth/token`, {
    method: "POST",
    body: {
      ...grant,
      client_id: required(credentials.clientId, "clientId"),
      client_secret: required(credentials.clientSecret, "clientSecret"),
    },
    signal: credentials.signal,
  });
  if (response.status < 200 || response.status >= 300) {
    const { code, text } = describeFailure(response.status, response.body);
    // Belt and braces: a server echoing the code, refresh token or secret gets it scrubbed.
    const scrubbed = [grant.code, grant.refresh_token, credentials.clientSecret]
      .filter((secret): secret is string => typeof secret === "string")
      .filter((secret) => secret.length >= 4)
      .reduce((out, secret) => out.split(secret).join(REDACTED), text);
    throw new ConfluenceOAuthError(
      `Atlassian refused to ${what} (${scrubbed}); ${hint}`,
      response.status,
      code,
    );
  }
  return parseTokens(response.body, started);
}

/** `POST /oauth/token` with `grant_type=authorization_code`. */
export function exchangeAuthorizationCode(
  options: OAuthClientCredentials & { code: string; redirectUri: string },
): Promise<OAuthTokens> {
  return tokenRequest(
    options,
    {
      grant_type: "authorization_code",
      code: required(options.code, "code"),
      redirect_uri: required(options.redirectUri, "redirectUri"),
    },
    "exchange the authorization code",
    "codes are single use and expire after a few minutes; start the authorization again",
  );
}

/**
 * `POST /oauth/token` with `grant_type=refresh_token`. The answer carries a NEW refresh token
 * that replaces the one sent (rotating refresh tokens): persist it, the old one is spent.
 */
export function refreshAccessToken(
  options: OAuthClientCredentials & { refreshToken: string },
): Promise<OAuthTokens> {
  return tokenRequest(
    options,
    { grant_type: "refresh_token", refresh_token: required(options.refreshToken, "refreshToken") },
    "refresh the access token",
    "the refresh token is spent, expired or revoked (a rotated refresh token must replace the old one); re-authorize the connection",
  );
}

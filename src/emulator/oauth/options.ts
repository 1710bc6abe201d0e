// Options of the emulated Atlassian identity service and API gateway (OAuth 2.0 3LO).

export interface EmulatorOAuthOptions {
  /** Lifetime of issued access tokens; Atlassian's is 3600 s. Tests use a few seconds. */
  accessTokenTtlSeconds?: number;
  /** The registered app's client id (default `demo-client-id`). */
  clientId?: string;
  /** The registered app's client secret (default `demo-client-secret`). */
  clientSecret?: string;
  /** Callback URLs registered for the app; `redirect_uri` must be one of them exactly. */
  redirectUris?: string[];
}

export const DEFAULT_OAUTH_CLIENT = {
  clientId: "demo-client-id",
  clientSecret: "demo-client-secret",
  redirectUris: ["http://localhost:3000/callback", "https://oauth2.prismatic.io/callback"],
} as const;

/** Atlassian access tokens live one hour (https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/). */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;

export interface ResolvedOAuthOptions {
  accessTokenTtlSeconds: number;
  clientId: string;
  clientSecret: string;
  redirectUris: readonly string[];
}

export function resolveOAuthOptions(options: EmulatorOAuthOptions = {}): ResolvedOAuthOptions {
  const ttl = options.accessTokenTtlSeconds;
  return {
    accessTokenTtlSeconds:
      ttl !== undefined && Number.isFinite(ttl) && ttl > 0 ? ttl : DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    clientId: options.clientId ?? DEFAULT_OAUTH_CLIENT.clientId,
    clientSecret: options.clientSecret ?? DEFAULT_OAUTH_CLIENT.clientSecret,
    redirectUris: options.redirectUris ?? DEFAULT_OAUTH_CLIENT.redirectUris,
  };
}

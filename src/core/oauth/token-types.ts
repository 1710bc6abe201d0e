// The shapes the token flow (tokens.ts) and the token endpoint (token-endpoint.ts) share, in a
// module of their own so that neither imports the other's types (no import cycle).

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Points auth.atlassian.com / api.atlassian.com elsewhere (e.g. the emulator). */
  atlassianBaseUrl?: string;
  signal?: AbortSignal;
  /** Clock used for `expiresAt` and Retry-After dates (default Date.now); oauthAuth passes its own. */
  now?: () => number;
  /**
   * Waits between tries after a 429/5xx (default: a real, abortable timer). The catalog's
   * runtime passes its clock's, so tests and hosts with a virtual clock never wait for real.
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface OAuthTokens {
  accessToken: string;
  /** Present when `offline_access` was granted. Rotates: persist the new one every time. */
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scope: string;
}

// The token half of oauthAuth: the current access token, its expiry (refreshed `refreshSkewMs`
// before it, or at half its life when it lives shorter), single-flight refresh with rotating
// refresh tokens, and the persistence callback. Concurrent requests share one refresh: with
// rotating refresh tokens two parallel refreshes would spend the same refresh token twice, and
// Atlassian revokes the whole family on reuse
// (https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/). Shared work
// runs under no caller's signal; each waiter races its own (raceAbort in signals.ts).
import { ConfluenceAbortError } from "../errors.js";
import { raceAbort } from "../signals.js";
import type { ConfluenceOAuthError } from "./errors.js";
import { endsRefreshing, notPersistedError } from "./refresh-outcome.js";
import { type OAuthTokens, refreshAccessToken } from "./tokens.js";

export const DEFAULT_REFRESH_SKEW_MS = 60_000;
/** Earlier tokens stay in the redaction list (a log line may still mention one). */
const MAX_REMEMBERED_SECRETS = 16;

/** Shared OAuth work raced against one waiter's signal; `what` names it in the abort error. */
export function raceOAuth<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  what: string,
): Promise<T> {
  return raceAbort(
    work,
    signal,
    () => new ConfluenceAbortError(`${what} was aborted`, { cause: signal?.reason }),
  );
}

/** The tokens an OAuth connection starts from and how they may be renewed (oauthAuth's too). */
export interface OAuthTokenOptions {
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
  /** Points auth.atlassian.com and api.atlassian.com elsewhere (e.g. the emulator). */
  atlassianBaseUrl?: string;
  /** Default 60 000. */
  refreshSkewMs?: number;
}

export interface TokenSessionOptions extends OAuthTokenOptions {
  now: () => number;
  /** Waits between token endpoint tries (default: a real timer). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Told about every new access token before `onTokens` runs (the site resolver keys on it). */
  onRotated?: (accessToken: string) => void;
}

export interface TokenSession {
  readonly accessToken: string;
  /** Epoch ms; undefined when unknown. */
  readonly expiresAt: number | undefined;
  canRefresh(): boolean;
  /** Known expiry within the skew. An unknown expiry is never "near". */
  nearExpiry(): boolean;
  /** Joins the refresh in flight or starts one. */
  refresh(signal?: AbortSignal): Promise<void>;
  /** The refresh in flight, if any. */
  readonly refreshing: Promise<void> | undefined;
  secrets(): string[];
}

export function createTokenSession(options: TokenSessionOptions): TokenSession {
  const { now } = options;
  const skew = options.refreshSkewMs ?? DEFAULT_REFRESH_SKEW_MS;
  const state = {
    accessToken: options.accessToken,
    refreshToken: options.refreshToken,
    expiresAt: options.expiresAt,
  };
  const remembered: string[] = [];
  let refreshing: Promise<void> | undefined;
  let deadRefresh: ConfluenceOAuthError | undefined;
  // A token that lives shorter than twice the skew (a test server, a short-lived grant) is
  // refreshed at half its life instead, or every call would refresh it again.
  let lifetimeMs = Number.POSITIVE_INFINITY;

  const canRefresh = () =>
    state.refreshToken !== undefined && !!options.clientId && !!options.clientSecret;
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
        sleep: options.sleep,
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
    options.onRotated?.(tokens.accessToken);
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

  return {
    get accessToken() {
      return state.accessToken;
    },
    get expiresAt() {
      return state.expiresAt;
    },
    get refreshing() {
      return refreshing;
    },
    canRefresh,
    nearExpiry: () =>
      state.expiresAt !== undefined && now() >= state.expiresAt - Math.min(skew, lifetimeMs / 2),
    refresh: (signal) => {
      if (deadRefresh) return Promise.reject(deadRefresh);
      refreshing ??= runRefresh().finally(() => {
        refreshing = undefined;
      });
      return raceOAuth(refreshing, signal, "The OAuth token refresh");
    },
    secrets: () =>
      [state.accessToken, state.refreshToken, options.clientSecret, ...remembered].filter(
        (secret): secret is string => typeof secret === "string" && secret !== "",
      ),
  };
}

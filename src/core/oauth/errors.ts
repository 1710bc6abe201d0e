// Errors of the OAuth 2.0 (3LO) layer. Fields are enumerable, so they only ever hold values
// that are safe to log: OAuth error codes, statuses, site names and URLs, never tokens.
import { type ApiErrorDetails, ConfluenceApiError, ConfluenceError } from "../errors.js";

/** The identity service refused a token request, or no usable site was found. */
export class ConfluenceOAuthError extends ConfluenceError {
  override name = "ConfluenceOAuthError";
  /** HTTP status of the identity service's answer, when there was one. */
  readonly status: number | undefined;
  /** OAuth `error` code (`invalid_grant`, `unauthorized_client`, ...) or our own reason. */
  readonly code: string;
  constructor(message: string, details: { status: number | undefined; code: string }) {
    super(message);
    this.status = details.status;
    this.code = details.code;
  }
}

/**
 * The token endpoint was rate limiting (429) or failing (5xx) on every try. Transient: nothing
 * was exchanged, the refresh token (or code) is still good, a later try may succeed.
 */
export class ConfluenceOAuthUnavailableError extends ConfluenceOAuthError {
  override name = "ConfluenceOAuthUnavailableError";
  /** Delay Atlassian asked for (Retry-After), when it was longer than we wait. */
  readonly retryAfterMs: number | undefined;
  constructor(
    message: string,
    details: { status: number | undefined; code: string; retryAfterMs: number | undefined },
  ) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * A token request reached (or may have reached) Atlassian, but its answer was lost (connection
 * reset, timeout, unreadable body). With rotating refresh tokens the one sent may already be
 * spent, and sending it again would then revoke the whole grant, so it is not sent again.
 * Its `outcomeUnknown` flag stays false: the uncertainty is about the grant, and no Confluence
 * request was sent (a safe write must not probe for a write that never left).
 */
export class ConfluenceOAuthOutcomeUnknownError extends ConfluenceOAuthError {
  override name = "ConfluenceOAuthOutcomeUnknownError";
}

/**
 * The refresh succeeded and the client now uses the new tokens, but `onTokens` threw: the new
 * refresh token was NOT persisted, and the stored one is spent. Carries no token value.
 */
export class ConfluenceTokensNotPersistedError extends ConfluenceOAuthError {
  override name = "ConfluenceTokensNotPersistedError";
  constructor(message: string) {
    super(message, { status: undefined, code: "tokens_not_persisted" });
  }
}

/** Atlassian's gateway answered 401 "scope does not match": the token lacks a scope. */
export class ConfluenceScopeError extends ConfluenceApiError {
  override name = "ConfluenceScopeError";
  /** Alternatives: the operation works with every scope of any one of them. */
  readonly requiredScopes: readonly (readonly string[])[];
  constructor(details: ApiErrorDetails, requiredScopes: readonly (readonly string[])[]) {
    super(details);
    this.requiredScopes = requiredScopes;
  }
}

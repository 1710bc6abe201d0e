// Errors of the OAuth 2.0 (3LO) layer. Fields are enumerable, so they only ever hold values
// that are safe to log: OAuth error codes, statuses, site names and URLs, never tokens.
import { type ApiErrorDetails, ConfluenceApiError, ConfluenceError } from "../errors.js";

/** The identity service refused a token request, or no usable site was found. */
export class ConfluenceOAuthError extends ConfluenceError {
  override name = "ConfluenceOAuthError";
  constructor(
    message: string,
    /** HTTP status of the identity service's answer, when there was one. */
    readonly status: number | undefined,
    /** OAuth `error` code (`invalid_grant`, `unauthorized_client`, ...) or our own reason. */
    readonly code: string,
  ) {
    super(message);
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

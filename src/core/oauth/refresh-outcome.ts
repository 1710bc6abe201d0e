// What a failed refresh means for the grant. Only Atlassian refusing the refresh token
// (400/401/403 with `invalid_grant` or `unauthorized_client`; Atlassian documents 403
// invalid_grant "Unknown or invalid refresh token", and answers a reused rotated token with 403
// unauthorized_client "refresh_token is invalid": docs/oauth.md) or a refresh whose outcome is
// unknown (the token may be spent; sending it again would revoke the grant) ends refreshing for
// good. A 429/5xx, an unreachable endpoint or an abort leaves the refresh token usable.
import { REDACTED } from "../redact.js";
import {
  ConfluenceOAuthError,
  ConfluenceOAuthOutcomeUnknownError,
  ConfluenceOAuthUnavailableError,
  ConfluenceTokensNotPersistedError,
} from "./errors.js";

const REFUSED_STATUSES = new Set([400, 401, 403]);
const REFUSED_CODES = new Set(["invalid_grant", "unauthorized_client"]);
const MAX_CAUSE_TEXT = 200;

/** True when no later refresh with the current refresh token can succeed (or is safe). */
export function endsRefreshing(error: unknown): error is ConfluenceOAuthError {
  if (error instanceof ConfluenceOAuthOutcomeUnknownError) return true;
  return (
    error instanceof ConfluenceOAuthError &&
    !(error instanceof ConfluenceOAuthUnavailableError) &&
    error.status !== undefined &&
    REFUSED_STATUSES.has(error.status) &&
    REFUSED_CODES.has(error.code)
  );
}

/**
 * `onTokens` threw after the tokens rotated. The caller's error is described by name and
 * message only (its other fields may hold anything), with every known secret scrubbed out.
 */
export function notPersistedError(
  cause: unknown,
  secrets: readonly (string | undefined)[],
): ConfluenceTokensNotPersistedError {
  const name = cause instanceof Error ? cause.name : typeof cause;
  const raw = cause instanceof Error ? cause.message : "";
  const text = secrets
    .filter((secret): secret is string => typeof secret === "string" && secret.length >= 4)
    .reduce((out, secret) => out.split(secret).join(REDACTED), raw);
  const shown = text.length > MAX_CAUSE_TEXT ? `${text.slice(0, MAX_CAUSE_TEXT)}…` : text;
  return new ConfluenceTokensNotPersistedError(
    `The OAuth tokens were refreshed, but onTokens failed to persist them (${name}${shown === "" ? "" : `: ${shown}`}). This client keeps using the new tokens; the stored refresh token is now spent, so the connection must be re-authorized unless a later refresh is persisted.`,
  );
}

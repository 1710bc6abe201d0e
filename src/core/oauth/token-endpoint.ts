// `POST /oauth/token` (https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/):
// one grant sent with a small, bounded retry, and every failure sorted into what it means for
// the credential that was sent:
// - 429 / 5xx: Atlassian answered without exchanging anything; the credential is still good, so
//   the same request is tried again (TOKEN_RETRY_DELAYS_MS), then reported as transient
//   (ConfluenceOAuthUnavailableError).
// - a connection that failed before anything was sent (ECONNREFUSED, DNS, ...): tried again too.
// - a reset, timeout or unreadable answer after the request went out: Atlassian may have
//   rotated the refresh token (or spent the code). Sending the old one again would then count as
//   reuse and revoke the grant, so it is reported as ConfluenceOAuthOutcomeUnknownError instead.
// - any other answer (400/401/403 ...): refused; ConfluenceOAuthError with the OAuth error code.

import { atlassianEndpoints } from "../atlassian-url.js";
import { ConfluenceAbortError, ConfluenceNetworkError, ConfluenceTimeoutError } from "../errors.js";
import { REDACTED } from "../redact.js";
import { serverRetryDelayMs, surelyNotSent } from "../retry.js";
import { NEVER_ABORTED, sleep } from "../signals.js";
import {
  ConfluenceOAuthError,
  ConfluenceOAuthOutcomeUnknownError,
  ConfluenceOAuthUnavailableError,
} from "./errors.js";
import { type JsonResponse, jsonRequest } from "./http.js";
import { decideToken, TOKEN_RETRY_POLICY } from "./token-retry.js";
import type { OAuthClientCredentials, OAuthTokens } from "./token-types.js";

/** Waits between tries after a 429/5xx or an unsent request (token-retry.ts). */
export const TOKEN_RETRY_DELAYS_MS: readonly number[] = TOKEN_RETRY_POLICY.delaysMs;

export interface TokenGrant {
  /** `grant_type` and its parameters (code / refresh_token, redirect_uri). */
  params: Record<string, string>;
  /** "refresh the access token". */
  action: string;
  /** What a processed request spends: "refresh token", "authorization code". */
  credential: string;
  /** Appended when Atlassian refused the credential. */
  refusedHint: string;
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

function parseTokens(body: unknown, now: number, grant: TokenGrant): OAuthTokens {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (typeof record.access_token !== "string" || record.access_token === "") {
    // A 200 means the grant was processed: the credential sent is probably spent.
    throw new ConfluenceOAuthOutcomeUnknownError(
      `Atlassian's token endpoint answered 200 without an access token while trying to ${grant.action}; the ${grant.credential} was probably spent. Re-authorize the connection.`,
      { status: 200, code: "invalid_response" },
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

/** Sends once; a lost answer after sending becomes "outcome unknown", never a plain retry. */
async function send(
  url: string,
  body: Record<string, string>,
  grant: TokenGrant,
  signal: AbortSignal | undefined,
): Promise<JsonResponse | "not-sent"> {
  try {
    return await jsonRequest(url, { method: "POST", body, signal });
  } catch (error) {
    if (error instanceof ConfluenceNetworkError && surelyNotSent(error.code)) return "not-sent";
    if (error instanceof ConfluenceNetworkError || error instanceof ConfluenceTimeoutError) {
      throw new ConfluenceOAuthOutcomeUnknownError(
        `${error.message}. The request to ${grant.action} may have reached Atlassian, so the ${grant.credential} may already be spent; it is not sent again (a spent refresh token sent again revokes the grant). Re-authorize the connection if the next attempt is refused.`,
        {
          status: undefined,
          code:
            error instanceof ConfluenceTimeoutError ? "timeout" : (error.code ?? "network_error"),
        },
      );
    }
    throw error;
  }
}

export async function tokenRequest(
  credentials: OAuthClientCredentials,
  grant: TokenGrant,
): Promise<OAuthTokens> {
  const { authUrl } = atlassianEndpoints(credentials.atlassianBaseUrl);
  const now = credentials.now ?? Date.now;
  const body = {
    ...grant.params,
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
  };
  const policy = TOKEN_RETRY_POLICY;
  const tries = policy.delaysMs.length + 1;
  for (let attempt = 1; ; attempt++) {
    const started = now();
    const response = await send(`${authUrl}/oauth/token`, body, grant, credentials.signal);
    const asked = response === "not-sent" ? undefined : serverRetryDelayMs(response.headers, now());
    const decision = decideToken(
      response === "not-sent"
        ? { kind: "not-sent" }
        : { kind: "status", status: response.status, serverDelayMs: asked },
      attempt,
      policy,
    );
    if (decision.action === "return" && response !== "not-sent") {
      return parseTokens(response.body, started, grant);
    }
    if (decision.action === "retry") {
      try {
        await (credentials.sleep ?? sleep)(decision.delayMs, credentials.signal ?? NEVER_ABORTED);
      } catch {
        throw new ConfluenceAbortError(`The request to ${grant.action} was aborted`);
      }
      continue;
    }
    if (response === "not-sent") {
      throw new ConfluenceOAuthUnavailableError(
        `Could not reach Atlassian's token endpoint to ${grant.action} (${tries} tries); nothing was sent, the ${grant.credential} is unchanged. A later attempt may succeed.`,
        { status: undefined, code: "unreachable", retryAfterMs: undefined },
      );
    }
    const { code, text } = describeFailure(response.status, response.body);
    // Belt and braces: a server echoing the code, refresh token or secret gets it scrubbed.
    const scrubbed = [grant.params.code, grant.params.refresh_token, credentials.clientSecret]
      .filter((secret): secret is string => typeof secret === "string" && secret.length >= 4)
      .reduce((out, secret) => out.split(secret).join(REDACTED), text);
    if (decision.action === "fail" && decision.error === "unavailable") {
      const wait = asked !== undefined && asked > policy.maxServerDelayMs;
      throw new ConfluenceOAuthUnavailableError(
        `Atlassian's token endpoint is temporarily unavailable (${scrubbed}${wait ? `, retry after ${Math.ceil(asked / 1000)} s` : ""}) after ${attempt} ${attempt === 1 ? "try" : "tries"} to ${grant.action}. This is transient: the ${grant.credential} was not used and stays valid; a later attempt may succeed.`,
        { status: response.status, code, retryAfterMs: asked },
      );
    }
    const hint =
      code === "invalid_client" ? "check the app's client id and client secret" : grant.refusedHint;
    throw new ConfluenceOAuthError(`Atlassian refused to ${grant.action} (${scrubbed}); ${hint}`, {
      status: response.status,
      code,
    });
  }
}

// The identity side (auth.atlassian.com): the consent screen and the token endpoint.
// https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/ ("1. Direct the user to
// the authorization URL", "2. Exchange authorization code for access token") and
// https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/.
//
// Error bodies as Atlassian sends them:
// - spent/unknown refresh token: 403 `{"error":"unauthorized_client","error_description":
//   "refresh_token is invalid"}` (observed, https://github.com/raycast/extensions/issues/11836;
//   Atlassian documents 403 `invalid_grant` "Unknown or invalid refresh token." for the same case).
// - bad or expired authorization code: 400 `{"error":"invalid_request","error_description":
//   "authorization_code is invalid"}`
//   (https://community.developer.atlassian.com/t/couple-of-3lo-questions/66643).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ResolvedOAuthOptions } from "./options.js";
import type { EmulatedSite } from "./sites.js";
import type { TokenStore } from "./tokens.js";

export interface IdentityDeps {
  options: ResolvedOAuthOptions;
  tokens: TokenStore;
  sites: readonly EmulatedSite[];
  /** Email of the user who consents (the emulator's default user). */
  consentingUser: () => string;
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .type("application/json")
    .send({ error, error_description: description });
}

/** Token requests are JSON (Atlassian's examples); form-encoded bodies are accepted too. */
function tokenRequestBody(request: FastifyRequest): Record<string, string> {
  const body = request.body;
  const out: Record<string, string> = {};
  if (Buffer.isBuffer(body)) {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) out[key] = value;
  } else if (typeof body === "object" && body !== null) {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === "string") out[key] = value;
    }
  }
  return out;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

export function registerIdentity(app: FastifyInstance, deps: IdentityDeps): void {
  const { options, tokens } = deps;

  app.get("/authorize", async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const clientId = firstString(query.client_id);
    const redirectUri = firstString(query.redirect_uri);
    // Never redirect to a URI that is not registered for the app: answer the browser instead.
    if (clientId !== options.clientId) {
      return oauthError(reply, 400, "invalid_client", "Unknown client_id");
    }
    if (redirectUri === undefined || !options.redirectUris.includes(redirectUri)) {
      return oauthError(
        reply,
        400,
        "invalid_request",
        "redirect_uri is not registered for this app",
      );
    }
    const state = firstString(query.state);
    const back = new URL(redirectUri);
    if (state !== undefined) back.searchParams.set("state", state);
    const fail = (error: string, description: string) => {
      back.searchParams.set("error", error);
      back.searchParams.set("error_description", description);
      return reply.redirect(back.toString(), 302);
    };
    if (firstString(query.response_type) !== "code") {
      return fail("unsupported_response_type", "response_type must be code");
    }
    if (firstString(query.audience) !== "api.atlassian.com") {
      return fail("invalid_request", "audience must be api.atlassian.com");
    }
    const scopes = (firstString(query.scope) ?? "").split(/\s+/).filter((s) => s !== "");
    if (scopes.length === 0) return fail("invalid_scope", "scope is required");
    // The emulated user consents at once, to every site.
    const code = tokens.issueCode(
      {
        email: deps.consentingUser(),
        clientId,
        scopes,
        siteIds: deps.sites.map((site) => site.cloudId),
      },
      redirectUri,
    );
    back.searchParams.set("code", code);
    return reply.redirect(back.toString(), 302);
  });

  app.post("/oauth/token", async (request, reply) => {
    const body = tokenRequestBody(request);
    if (body.client_id !== options.clientId || body.client_secret !== options.clientSecret) {
      return oauthError(reply, 401, "access_denied", "Unauthorized");
    }
    reply.header("cache-control", "no-store");
    switch (body.grant_type) {
      case "authorization_code": {
        const issued = tokens.redeemCode(body.code ?? "", body.client_id, body.redirect_uri ?? "");
        if (!issued) {
          return oauthError(reply, 400, "invalid_request", "authorization_code is invalid");
        }
        return issued;
      }
      case "refresh_token": {
        const outcome = tokens.refreshWith(body.refresh_token ?? "", body.client_id);
        if (!outcome.ok) {
          return oauthError(reply, 403, "unauthorized_client", "refresh_token is invalid");
        }
        return outcome.tokens;
      }
      default:
        return oauthError(
          reply,
          400,
          "unsupported_grant_type",
          "grant_type must be authorization_code or refresh_token",
        );
    }
  });
}

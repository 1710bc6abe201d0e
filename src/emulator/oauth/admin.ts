// Emulator-only OAuth controls (not Atlassian's): mint a token pair for a chosen grant without
// the browser dance, and expire every access token so the next call needs a refresh.
import type { FastifyInstance } from "fastify";
import { badRequest } from "../errors.js";
import type { EmulatedSite } from "./sites.js";
import type { TokenStore } from "./tokens.js";

export interface OAuthAdminDeps {
  tokens: TokenStore;
  sites: readonly EmulatedSite[];
  clientId: string;
  consentingUser: () => string;
  /** Whether a user of the emulated sites has this email (perms: tokens for another user). */
  knownUser: (email: string) => boolean;
}

function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw badRequest(`${name} must be an array of strings`);
  }
  return value;
}

export function registerOAuthAdmin(app: FastifyInstance, deps: OAuthAdminDeps): void {
  // Body: { scopes?: string[], sites?: string[] (cloud ids), expiresInSeconds?: number,
  // email?: string (the user the token acts for; default the consenting demo user) }.
  app.post("/__emulator/oauth/tokens", async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const scopes = stringList(body.scopes, "scopes") ?? [
      "offline_access",
      "read:space:confluence",
      "read:page:confluence",
    ];
    const siteIds = stringList(body.sites, "sites") ?? deps.sites.map((site) => site.cloudId);
    const ttl = body.expiresInSeconds;
    if (ttl !== undefined && (typeof ttl !== "number" || !Number.isFinite(ttl) || ttl < 0)) {
      throw badRequest("expiresInSeconds must be a number >= 0");
    }
    const email = body.email ?? deps.consentingUser();
    if (typeof email !== "string" || !deps.knownUser(email)) {
      throw badRequest("email must be the email of a user of the emulated site");
    }
    return deps.tokens.mint(
      { email, clientId: deps.clientId, scopes, siteIds },
      ttl as number | undefined,
    );
  });

  app.post("/__emulator/oauth/expire", async () => {
    deps.tokens.expireAll();
    return { expired: true };
  });
}

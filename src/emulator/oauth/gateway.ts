// The API gateway side: each Confluence site mounted under `/ex/confluence/{cloudId}` behind
// Bearer tokens (https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/, "3.2 Construct
// the request URL"), `POST /graphql` (Atlassian's GraphQL gateway, api.atlassian.com/graphql) and
// `GET /oauth/token/accessible-resources`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Authenticator } from "../auth.js";
import type { SiteContext } from "../context.js";
import type { InterceptorChain } from "../interceptors.js";
import { matchedScopes, mountRoutes, type Route } from "../route.js";
import { graphqlRoute } from "../routes/graphql.js";
import { SITE_ROUTES } from "../routes/index.js";
import { registerSite } from "../site.js";
import {
  bearerToken,
  sendGone,
  sendRejected,
  sendScopeMismatch,
  sendUnauthorized,
} from "./bearer.js";
import { gatewayRoutes, matchedRetirement } from "./retired-v1.js";
import { scopesSatisfy } from "./scopes.js";
import { type EmulatedSite, scopesFor } from "./sites.js";
import type { Grant, TokenStore } from "./tokens.js";

export interface GatewayDeps {
  sites: readonly EmulatedSite[];
  tokens: TokenStore;
  interceptors: InterceptorChain;
}

export const GATEWAY_PREFIX = "/ex/confluence";

/** Checks the Bearer token; replies and returns undefined when it is not accepted. */
function acceptedGrant(
  request: FastifyRequest,
  reply: FastifyReply,
  tokens: TokenStore,
): Grant | undefined {
  const token = bearerToken(request.headers);
  if (token === undefined) {
    sendUnauthorized(reply);
    return undefined;
  }
  const check = tokens.check(token);
  if (!check.ok) {
    sendRejected(reply, request.url, check);
    return undefined;
  }
  return check.grant;
}

/** Maps a token the gateway hook already accepted to its user, for the site's own auth hook. */
function bearerAuthenticator(tokens: TokenStore, ctx: SiteContext): Authenticator {
  return (headers) => {
    const token = bearerToken(headers);
    const check = token === undefined ? undefined : tokens.check(token);
    if (!check?.ok) return undefined;
    return ctx.store.usersByEmail.get(check.grant.email);
  };
}

function registerSiteMount(
  app: FastifyInstance,
  site: EmulatedSite,
  deps: GatewayDeps,
  routes: readonly Route[],
): void {
  const ctx = site.ctx;
  if (ctx === undefined) return;
  const prefix = `${GATEWAY_PREFIX}/${site.cloudId}`;
  app.register(
    async (mount) => {
      mount.addHook("onRequest", async (request, reply) => {
        const grant = acceptedGrant(request, reply, deps.tokens);
        if (grant === undefined) return reply;
        if (!grant.siteIds.includes(site.cloudId)) return sendUnauthorized(reply);
        // The scopes of the matched route row; fastify routes before onRequest hooks.
        const needed = matchedScopes(request);
        if (Array.isArray(needed) && !scopesSatisfy(grant.scopes, needed)) {
          return sendScopeMismatch(reply);
        }
        // A v1 operation retired on the gateway (retired-v1.ts): Confluence answers 410 to an
        // authorized caller, whatever the path names.
        if (matchedRetirement(request) !== undefined) return sendGone(reply);
      });
      registerSite(mount, {
        ctx,
        authenticate: bearerAuthenticator(deps.tokens, ctx),
        challenge: 'Bearer realm="api.atlassian.com"',
        interceptors: deps.interceptors,
        routes,
      });
    },
    { prefix },
  );
}

export function registerGateway(app: FastifyInstance, deps: GatewayDeps): void {
  const routes = gatewayRoutes(SITE_ROUTES);
  for (const site of deps.sites) registerSiteMount(app, site, deps, routes);

  app.get("/oauth/token/accessible-resources", async (request, reply) => {
    const grant = acceptedGrant(request, reply, deps.tokens);
    if (grant === undefined) return reply;
    return deps.sites
      .filter((site) => grant.siteIds.includes(site.cloudId))
      .map((site) => ({
        id: site.cloudId,
        url: site.url,
        name: site.name,
        scopes: scopesFor(site, grant.scopes),
        avatarUrl: `https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/${site.name}.png`,
      }));
  });

  // GraphQL queries name no site in the emulator's small schema: they run against the first
  // Confluence site of the grant.
  const graphqlSite = deps.sites.find((site) => site.ctx !== undefined);
  if (graphqlSite?.ctx === undefined) return;
  const graphqlCtx = graphqlSite.ctx;
  app.register(async (graphql) => {
    graphql.addHook("onRequest", async (request, reply) => {
      const grant = acceptedGrant(request, reply, deps.tokens);
      if (grant === undefined) return reply;
      const user = graphqlCtx.store.usersByEmail.get(grant.email);
      if (user) graphqlCtx.setUser(request, user);
    });
    graphql.addHook("preHandler", async (request, reply) => {
      if (!deps.interceptors.empty) await deps.interceptors.before(request, reply);
    });
    graphql.addHook("onSend", async (request, reply, payload) =>
      deps.interceptors.empty ? payload : deps.interceptors.after(request, reply, payload),
    );
    mountRoutes(graphql, graphqlCtx, [graphqlRoute("/graphql")]);
  });
}

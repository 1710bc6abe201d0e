// The emulator's Atlassian identity service and API gateway for OAuth 2.0 (3LO): consent and
// token endpoints, accessible-resources, every Confluence site under /ex/confluence/{cloudId},
// and GraphQL at /graphql. See docs/oauth.md.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { SiteContext } from "../context.js";
import { generateSpace } from "../generate.js";
import type { InterceptorChain } from "../interceptors.js";
import { Store } from "../store.js";
import { registerOAuthAdmin } from "./admin.js";
import { registerGateway } from "./gateway.js";
import { registerIdentity } from "./identity.js";
import { type EmulatorOAuthOptions, resolveOAuthOptions } from "./options.js";
import { emulatedSites } from "./sites.js";
import { TokenStore } from "./tokens.js";

export type { EmulatorOAuthOptions } from "./options.js";
export { DEFAULT_OAUTH_CLIENT } from "./options.js";
export { SITE_IDS } from "./sites.js";

export interface OAuthDeps {
  /** The default site (also served with Basic auth at `/`). */
  demo: SiteContext;
  interceptors: InterceptorChain;
  options?: EmulatorOAuthOptions;
}

export interface OAuthGateway {
  /** Restores the second site's data (tokens survive a data reset). */
  resetData(): void;
  /** What `startEmulator({ dataDir })` keeps (src/emulator/persistence). */
  persisted: { second: SiteContext; tokens: TokenStore };
}

/** The second site's own data: one small generated space (key SECOND). */
function secondStore(demo: SiteContext): Store {
  const store = new Store(demo.store.users);
  generateSpace(store, { spaceKey: "SECOND", pages: 3 });
  return store;
}

/** The identity endpoints that run through the interceptor chain (fault injection). */
const INTERCEPTED_IDENTITY_ROUTES = new Set(["/oauth/token", "/oauth/token/accessible-resources"]);

/**
 * Puts the identity endpoints behind the same interceptor chain as the sites, so fault rules
 * (/__emulator/faults) reach them too. One root-level hook pair filtered by route pattern: the
 * routes themselves stay where they are, and nothing else (sites, /__emulator/*) is touched.
 */
function interceptIdentityRoutes(app: FastifyInstance, interceptors: InterceptorChain): void {
  const intercepted = (request: FastifyRequest) =>
    !interceptors.empty && INTERCEPTED_IDENTITY_ROUTES.has(request.routeOptions.url ?? "");
  app.addHook("preHandler", async (request, reply) => {
    if (intercepted(request)) await interceptors.before(request, reply);
  });
  app.addHook("onSend", async (request, reply, payload) =>
    intercepted(request) ? interceptors.after(request, reply, payload) : payload,
  );
}

export function registerOAuth(app: FastifyInstance, deps: OAuthDeps): OAuthGateway {
  const options = resolveOAuthOptions(deps.options);
  const tokens = new TokenStore(options.accessTokenTtlSeconds);
  const second = new SiteContext(secondStore(deps.demo));
  const sites = emulatedSites(deps.demo, second);
  const consentingUser = () => deps.demo.store.defaultUser.email;
  interceptIdentityRoutes(app, deps.interceptors);
  registerIdentity(app, { options, tokens, sites, consentingUser });
  registerGateway(app, { sites, tokens, interceptors: deps.interceptors });
  registerOAuthAdmin(app, {
    tokens,
    sites,
    clientId: options.clientId,
    consentingUser,
    knownUser: (email) => deps.demo.store.usersByEmail.has(email),
  });
  return {
    resetData: () => second.replaceStore(secondStore(deps.demo)),
    persisted: { second, tokens },
  };
}

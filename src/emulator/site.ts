// One emulated Confluence site: the route table (src/emulator/routes/index.ts) behind one
// authenticator and one interceptor chain. Mounted at `/` for the default site (Basic); the OAuth
// gateway (src/emulator/oauth/gateway.ts) mounts the same plugin under
// `/ex/confluence/{cloudId}` with a Bearer authenticator and checks each row's scopes.
import type { FastifyInstance } from "fastify";
import { guardAccess } from "./access-guard.js";
import { type Authenticator, BASIC_CHALLENGE } from "./auth.js";
import type { SiteContext } from "./context.js";
import { apiFamilyOf, errorBodyFor } from "./errors.js";
import type { InterceptorChain } from "./interceptors.js";
import { mountRoutes, type Route } from "./route.js";
import { SITE_ROUTES } from "./routes/index.js";

export interface SiteOptions {
  ctx: SiteContext;
  authenticate: Authenticator;
  /** The WWW-Authenticate challenge sent with a 401. */
  challenge?: string;
  interceptors: InterceptorChain;
  /** The rows to mount (default SITE_ROUTES; the gateway marks its retired v1 rows). */
  routes?: readonly Route[];
}

export function registerSite(app: FastifyInstance, options: SiteOptions): void {
  const { ctx, authenticate, interceptors } = options;
  app.addHook("onRequest", async (request, reply) => {
    const user = authenticate(request.headers);
    if (!user) {
      const family = apiFamilyOf(request.url);
      return reply
        .code(401)
        .header("www-authenticate", options.challenge ?? BASIC_CHALLENGE)
        .send(
          errorBodyFor(
            family,
            401,
            family === "v1" ? "Client must be authenticated to access this resource." : undefined,
          ),
        );
    }
    ctx.setUser(request, user);
  });
  app.addHook("preHandler", async (request, reply) => {
    if (!interceptors.empty) await interceptors.before(request, reply);
  });
  // perms: who may view or change what the path names (src/emulator/access-guard.ts).
  app.addHook("preHandler", async (request) => {
    guardAccess(ctx.store, ctx.user(request), request);
  });
  app.addHook("onSend", async (request, reply, payload) =>
    interceptors.empty ? payload : interceptors.after(request, reply, payload),
  );
  mountRoutes(app, ctx, options.routes ?? SITE_ROUTES);
}

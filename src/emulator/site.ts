// One emulated Confluence site: every v1/v2/GraphQL route behind one authenticator and one
// interceptor chain. Mounted at `/` for the default site (Basic); the OAuth gateway will mount
// the same plugin under `/ex/confluence/{cloudId}` with a Bearer authenticator.
import type { FastifyInstance } from "fastify";
import { type Authenticator, BASIC_CHALLENGE } from "./auth.js";
import type { SiteContext } from "./context.js";
import { apiFamilyOf, errorBodyFor } from "./errors.js";
import type { InterceptorChain } from "./interceptors.js";
import { registerAttachments } from "./routes/attachments.js";
import { registerCustomContent } from "./routes/custom-content.js";
import { registerDownloads } from "./routes/download.js";
import { registerGraphql } from "./routes/graphql.js";
import { registerPageReads } from "./routes/pages-read.js";
import { registerPageWrites } from "./routes/pages-write.js";
import { registerProperties } from "./routes/properties.js";
import { registerSearch } from "./routes/search.js";
import { registerSpaces } from "./routes/spaces.js";
import { registerV1 } from "./routes/v1.js";

export interface SiteOptions {
  ctx: SiteContext;
  authenticate: Authenticator;
  /** The WWW-Authenticate challenge sent with a 401. */
  challenge?: string;
  interceptors: InterceptorChain;
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
  app.addHook("onSend", async (request, reply, payload) =>
    interceptors.empty ? payload : interceptors.after(request, reply, payload),
  );
  registerSpaces(app, ctx);
  registerPageReads(app, ctx);
  registerPageWrites(app, ctx);
  registerAttachments(app, ctx);
  registerCustomContent(app, ctx);
  registerProperties(app, ctx);
  registerV1(app, ctx);
  registerSearch(app, ctx);
  registerDownloads(app, ctx);
  registerGraphql(app, ctx);
}

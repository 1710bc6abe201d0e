// Builds the fastify app: parsers and limits, uniform error bodies, exchange reporting and the
// request log, the admin endpoints and the default site (Basic auth at `/`).
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { basicAuthenticator } from "./auth.js";
import { SiteContext } from "./context.js";
import { ApiError, apiFamilyOf, errorBodyFor } from "./errors.js";
import { installExchangeHooks } from "./exchange-hooks.js";
import { installFaults } from "./faults/index.js";
import { InterceptorChain } from "./interceptors.js";
import { jsonDepthExceeds, tooDeep } from "./json-depth.js";
import { type OAuthGateway, registerOAuth } from "./oauth/index.js";
import type { EmulatorOptions } from "./options.js";
import { EmulatorState, installPersistence, type Persistence } from "./persistence/index.js";
import { addEmulatorParts } from "./persistence/parts.js";
import { installRequestGuard } from "./request-guard.js";
import { RequestLog } from "./request-log.js";
import { registerAdmin } from "./routes/admin.js";
import { limitedServerFactory, resolveLimits } from "./server-limits.js";
import { registerSite } from "./site.js";
import { installStandardHeaders } from "./standard-headers.js";
import type { Store } from "./store.js";

/** createPage: "413 Returned if the request is too large in size (over 5 MB)." */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export interface EmulatorApp {
  app: FastifyInstance;
  ctx: SiteContext;
  log: RequestLog;
  interceptors: InterceptorChain;
  /** Atlassian identity service and API gateway (OAuth 2.0 3LO), src/emulator/oauth. */
  oauth: OAuthGateway;
  /** `dataDir` persistence (src/emulator/persistence); `open()` before listening. */
  persistence: Persistence;
}

/** Query strings parsed leniently (a lone `%` is not an error) into a null-prototype record. */
function parseQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(raw)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title?: string,
  code?: string,
): FastifyReply {
  return reply
    .code(status)
    .type("application/json")
    .send(errorBodyFor(apiFamilyOf(request.url), status, title, code));
}

export function buildEmulatorApp(
  store: Store,
  options: EmulatorOptions,
  reset: () => void,
): EmulatorApp {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    forceCloseConnections: true,
    serverFactory: limitedServerFactory(resolveLimits(options.limits)),
    routerOptions: {
      querystringParser: parseQuery,
      maxParamLength: 200,
      ignoreTrailingSlash: true,
    },
    frameworkErrors: (_error, request, reply) => {
      // Malformed URLs (bad percent-encoding in the path) are a 400, never a crash.
      sendError(
        request as FastifyRequest,
        reply as unknown as FastifyReply,
        400,
        "Malformed request URL",
      );
    },
  });
  // First hook of all: refused requests reach nothing else.
  installRequestGuard(app, {
    boundHost: options.host ?? "127.0.0.1",
    allowedHosts: options.allowedHosts,
    allowRemoteAdmin: options.allowRemoteAdmin,
  });
  const ctx = new SiteContext(store);
  const log = new RequestLog(1000);
  const interceptors = new InterceptorChain();

  // Raw bodies for uploads and anything that is not JSON; routes decide what they accept.
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
  // Confluence accepts a bodiless request that still says `Content-Type: application/json`
  // (confluence.js sends one with every DELETE); fastify's default parser would answer 400.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text === "") return done(null, undefined);
    const depth = jsonDepthExceeds(text);
    if (depth !== undefined) return done(tooDeep(depth), undefined);
    return parseJson(request, text, done);
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError)
      return sendError(request, reply, error.status, error.title, error.code);
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === "number"
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status === 413) return sendError(request, reply, 413, "Request entity too large");
    if (status === 400 && (error as { code?: string }).code?.startsWith("FST_ERR_CTP")) {
      return sendError(request, reply, 400, "Unexpected character in request body: malformed JSON");
    }
    if (error instanceof SyntaxError) {
      return sendError(request, reply, 400, "Unexpected character in request body: malformed JSON");
    }
    if (status >= 400 && status < 500) return sendError(request, reply, status);
    return sendError(request, reply, 500);
  });
  // Unknown routes answer before their body is read: nothing to parse, log or keep (issue 12,
  // item 7 flooded the emulator with 5 MB POSTs to a missing route).
  app.addHook("onRequest", async (request, reply) => {
    if (request.is404) return sendError(request, reply, 404, "Not Found", "NOT_FOUND");
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, 404, "Not Found", "NOT_FOUND"),
  );

  installStandardHeaders(app);

  installExchangeHooks(app, log, options.onExchange);
  const state = new EmulatorState();
  const persistence = installPersistence(app, state, options.dataDir);

  registerAdmin(app, { reset, log });
  const injector = installFaults(app, interceptors, options.faults);
  app.register(async (site) => {
    registerSite(site, { ctx, authenticate: basicAuthenticator(() => ctx.store), interceptors });
  });
  const oauth = registerOAuth(app, { demo: ctx, interceptors, options: options.oauth });
  addEmulatorParts(state, { ctx, injector, oauth });
  return { app, ctx, log, interceptors, oauth, persistence };
}

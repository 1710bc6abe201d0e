// Builds the fastify app: parsers and limits, uniform error bodies, exchange reporting and the
// request log, the admin endpoints and the default site (Basic auth at `/`).
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { basicAuthenticator } from "./auth.js";
import { SiteContext } from "./context.js";
import { ApiError, apiFamilyOf, errorBodyFor } from "./errors.js";
import { installFaults } from "./faults/index.js";
import { InterceptorChain } from "./interceptors.js";
import { type OAuthGateway, registerOAuth } from "./oauth/index.js";
import type { EmulatorExchange, EmulatorOptions } from "./options.js";
import { redactBody, redactHeaders } from "./redact.js";
import { RequestLog } from "./request-log.js";
import { registerAdmin } from "./routes/admin.js";
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

function parseJsonPayload(payload: unknown, contentType: unknown): unknown {
  if (payload === null || payload === undefined || payload === "") return undefined;
  const text = Buffer.isBuffer(payload)
    ? payload.toString("utf8")
    : typeof payload === "string"
      ? payload
      : undefined;
  if (text === undefined) return undefined;
  if (typeof contentType === "string" && contentType.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
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
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, 404, "Not Found", "NOT_FOUND"),
  );

  installStandardHeaders(app);

  const payloads = new WeakMap<FastifyRequest, unknown>();
  const onExchange = options.onExchange;
  if (onExchange) {
    app.addHook("onSend", async (request, _reply, payload) => {
      payloads.set(request, payload);
      return payload;
    });
  }
  app.addHook("onResponse", async (request, reply) => {
    const url = request.url;
    const queryAt = url.indexOf("?");
    const path = queryAt >= 0 ? url.slice(0, queryAt) : url;
    const query = (request.query ?? {}) as Record<string, string | string[]>;
    const headers = redactHeaders(request.headers);
    const body = Buffer.isBuffer(request.body)
      ? `<${request.body.length} bytes>`
      : redactBody(request.body);
    if (!path.startsWith("/__emulator/")) {
      log.add({
        time: new Date().toISOString(),
        method: request.method,
        path,
        query: { ...query },
        headers,
        body,
        status: reply.statusCode,
      });
    }
    if (onExchange) {
      const responseHeaders = redactHeaders(
        reply.getHeaders() as Record<string, string | string[] | number | undefined>,
      );
      const exchange: EmulatorExchange = {
        method: request.method,
        url,
        path,
        query: { ...query },
        requestHeaders: headers,
        // Confluence bodies stay intact for the conformance checks; identity-service bodies
        // (client secrets, codes, refresh tokens) never leave the emulator.
        requestBody: Buffer.isBuffer(request.body)
          ? request.body.toString("latin1")
          : path.startsWith("/oauth/")
            ? body
            : request.body,
        status: reply.statusCode,
        responseHeaders,
        responseBody: parseJsonPayload(payloads.get(request), reply.getHeader("content-type")),
      };
      try {
        onExchange(exchange);
      } catch {
        // A failing observer must not take the emulator down.
      }
    }
  });

  registerAdmin(app, { reset, log });
  installFaults(app, interceptors, options.faults);
  app.register(async (site) => {
    registerSite(site, { ctx, authenticate: basicAuthenticator(() => ctx.store), interceptors });
  });
  const oauth = registerOAuth(app, { demo: ctx, interceptors, options: options.oauth });
  return { app, ctx, log, interceptors, oauth };
}

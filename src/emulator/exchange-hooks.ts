// After every answer: one entry in the request log (site requests only) and, when asked for,
// one EmulatorExchange report. Both carry redacted copies only.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { EmulatorExchange } from "./options.js";
import { redactBody, redactHeaders, redactQuery, redactUrl } from "./redact.js";
import type { RequestLog } from "./request-log.js";

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

function bodyBytes(request: FastifyRequest): number {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared)) return declared;
  const body = request.body;
  if (Buffer.isBuffer(body)) return body.length;
  return typeof body === "string" ? Buffer.byteLength(body) : 0;
}

export function installExchangeHooks(
  app: FastifyInstance,
  log: RequestLog,
  onExchange: ((exchange: EmulatorExchange) => void) | undefined,
): void {
  const payloads = new WeakMap<FastifyRequest, unknown>();
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
    const query = redactQuery((request.query ?? {}) as Record<string, string | string[]>);
    const headers = redactHeaders(request.headers);
    if (!path.startsWith("/__emulator/")) {
      log.add(
        {
          time: new Date().toISOString(),
          method: request.method,
          path,
          query,
          headers,
          status: reply.statusCode,
        },
        request.body,
        bodyBytes(request),
      );
    }
    if (!onExchange) return;
    const exchange: EmulatorExchange = {
      method: request.method,
      url: redactUrl(url),
      path,
      query,
      requestHeaders: headers,
      // Confluence bodies stay intact for the conformance checks; identity-service bodies
      // (client secrets, codes, refresh tokens) never leave the emulator.
      requestBody: Buffer.isBuffer(request.body)
        ? request.body.toString("latin1")
        : path.startsWith("/oauth/")
          ? redactBody(request.body)
          : request.body,
      status: reply.statusCode,
      responseHeaders: redactHeaders(
        reply.getHeaders() as Record<string, string | string[] | number | undefined>,
      ),
      responseBody: parseJsonPayload(payloads.get(request), reply.getHeader("content-type")),
    };
    try {
      onExchange(exchange);
    } catch {
      // A failing observer must not take the emulator down.
    }
  });
}

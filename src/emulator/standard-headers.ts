// Headers Atlassian Cloud puts on every answer of the site (API, gateway and identity service),
// which clients rely on. Seen on real responses (e.g. the 401 quoted in
// https://community.developer.atlassian.com/t/confluence-rest-is-not-returing-json-in-http-response-body-in-case-of-an-error/55894):
//   ATL-TraceId: 6099d826e3a10244          — 16 hex digits; support asks for it, our client
//                                             surfaces it on every ConfluenceError
//   X-Content-Type-Options: nosniff
//   Content-Type: application/json;charset=UTF-8   — Confluence's (Java) spelling of JSON answers
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";

const JSON_TYPE = /^application\/json\s*(;.*)?$/i;

function newTraceId(): string {
  return randomBytes(8).toString("hex");
}

export function installStandardHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/__emulator/")) return payload;
    if (!reply.hasHeader("atl-traceid")) reply.header("atl-traceid", newTraceId());
    reply.header("x-content-type-options", "nosniff");
    const type = reply.getHeader("content-type");
    if (typeof type === "string" && JSON_TYPE.test(type)) {
      reply.header("content-type", "application/json;charset=UTF-8");
    }
    return payload;
  });
}

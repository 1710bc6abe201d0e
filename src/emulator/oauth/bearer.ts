// How Atlassian's API gateway (api.atlassian.com) answers a Bearer token it will not accept.
//
// - Missing, unknown or revoked token: 401 `{"code":401,"message":"Unauthorized"}`.
// - Expired token: the gateway does not answer 401 on Confluence's REST APIs. v2 paths answer
//   404 (the v2 NOT_FOUND envelope) and v1 paths 403, as reported by n8n's fix for Atlassian
//   OAuth2 refresh ("Atlassian's gateway signals an expired token with 404 on v2 paths and 403
//   on v1, never the 401", https://github.com/n8n-io/n8n/pull/37776). Elsewhere (GraphQL,
//   accessible-resources) we answer 401, the documented OAuth 2.0 behaviour.
// - Token without the operation's scope: 401 `{"code":401,"message":"Unauthorized; scope does
//   not match"}` with `X-Failure-Category: FAILURE_CLIENT_SCOPE_CHECK`
//   (https://github.com/kovetskiy/mark/issues/917, https://github.com/sooperset/mcp-atlassian/issues/1323).
import type { IncomingHttpHeaders } from "node:http";
import type { FastifyReply } from "fastify";
import { apiFamilyOf, errorBodyFor } from "../errors.js";
import { GONE_MESSAGE, GONE_STATUS } from "./retired-v1.js";
import type { AccessCheck } from "./tokens.js";

export const SCOPE_MISMATCH_MESSAGE = "Unauthorized; scope does not match";
export const SCOPE_FAILURE_CATEGORY = "FAILURE_CLIENT_SCOPE_CHECK";

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (typeof header !== "string") return undefined;
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function sendUnauthorized(reply: FastifyReply, message = "Unauthorized"): FastifyReply {
  return reply
    .code(401)
    .header("www-authenticate", 'Bearer realm="api.atlassian.com"')
    .type("application/json")
    .send({ code: 401, message });
}

export function sendScopeMismatch(reply: FastifyReply): FastifyReply {
  return reply
    .code(401)
    .header("x-failure-category", SCOPE_FAILURE_CATEGORY)
    .type("application/json")
    .send({ code: 401, message: SCOPE_MISMATCH_MESSAGE });
}

/** A v1 operation retired on the gateway (retired-v1.ts): 410 GoneException, v1 body. */
export function sendGone(reply: FastifyReply): FastifyReply {
  return reply
    .code(GONE_STATUS)
    .type("application/json")
    .send(errorBodyFor("v1", GONE_STATUS, GONE_MESSAGE));
}

/** Replies to a rejected token the way the gateway does for this path. */
export function sendRejected(
  reply: FastifyReply,
  url: string,
  check: Exclude<AccessCheck, { ok: true }>,
): FastifyReply {
  if (check.reason !== "expired") return sendUnauthorized(reply);
  const family = apiFamilyOf(url);
  if (family === "v2") {
    return reply.code(404).type("application/json").send(errorBodyFor("v2", 404));
  }
  if (family === "v1") {
    return reply
      .code(403)
      .type("application/json")
      .send(errorBodyFor("v1", 403, "The access token has expired"));
  }
  return sendUnauthorized(reply);
}

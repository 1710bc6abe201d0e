// Small request/response helpers shared by the v2 routes.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { MultiEntityResult } from "../types/confluence.js";
import { badRequest } from "./errors.js";
import type { Query } from "./params.js";

export function params(request: FastifyRequest): Record<string, string> {
  return request.params as Record<string, string>;
}

// The query parameters a route read, per request: a list's next link carries those (the
// parameters the operation understood, as Confluence re-serialises them), never unknown ones,
// which Atlassian's OpenAPI documents do not declare for the link (found by `npm run fuzz`).
const READ_PARAMS = Symbol("queryParametersRead");
type TrackedRequest = FastifyRequest & { [READ_PARAMS]?: Set<string> };

export function query(request: FastifyRequest): Query {
  const tracked = request as TrackedRequest;
  tracked[READ_PARAMS] ??= new Set<string>();
  const read = tracked[READ_PARAMS];
  const record = (name: string | symbol) => {
    if (typeof name === "string") read.add(name);
  };
  return new Proxy(request.query as Query, {
    get(target, name, receiver) {
      record(name);
      return Reflect.get(target, name, receiver);
    },
    has(target, name) {
      record(name);
      return Reflect.has(target, name);
    },
  });
}

/** The names of the query parameters the route read (see `query`). */
function paramsRead(request: FastifyRequest): ReadonlySet<string> {
  return (request as TrackedRequest)[READ_PARAMS] ?? new Set();
}

/** The site's `/wiki` base URL as the client addressed it (Confluence's `_links.base`). */
export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? "localhost"}/wiki`;
}

/** The JSON object body of a write request, or a 400. */
export function jsonObject(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (typeof body !== "object" || body === null || Array.isArray(body) || Buffer.isBuffer(body)) {
    throw badRequest("The request body must be a JSON object");
  }
  return body as Record<string, unknown>;
}

/**
 * Sends a MultiEntityResult. The next link is relative to the site (`/wiki/api/v2/...`, even
 * when the request came through a gateway prefix, as Confluence does), keeps every parameter
 * of the request the route understood (filters, sort, body format...) and carries the new
 * cursor. It is also sent as a Link header in Confluence's
 * format, next then base:
 * `Link: </wiki/api/v2/blogposts?limit=2&cursor=...>; rel="next", <https://x.atlassian.net/wiki>; rel="base"`
 * (observed on Atlassian Cloud; recorded in public clients' fixtures, e.g. amp-labs/connectors).
 * Like Confluence, the last page carries no Link header and no `_links.next`; `_links.base` is
 * always present.
 */
export function sendList<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  results: T[],
  nextCursor: string | undefined,
  limit: number,
): MultiEntityResult<T> {
  const links: MultiEntityResult<T>["_links"] = {};
  if (nextCursor !== undefined) {
    const url = request.url;
    const queryStart = url.indexOf("?");
    const path = queryStart >= 0 ? url.slice(0, queryStart) : url;
    const given = new URLSearchParams(queryStart >= 0 ? url.slice(queryStart + 1) : "");
    const understood = paramsRead(request);
    const search = new URLSearchParams(
      [...given].filter(([name]) => understood.has(name) && name !== "cursor"),
    );
    search.set("limit", String(limit));
    search.set("cursor", nextCursor);
    const wikiAt = path.indexOf("/wiki/");
    const next = `${wikiAt >= 0 ? path.slice(wikiAt) : path}?${search.toString()}`;
    links.next = next;
    reply.header("link", `<${next}>; rel="next", <${baseUrl(request)}>; rel="base"`);
  }
  links.base = baseUrl(request);
  return { results, _links: links };
}

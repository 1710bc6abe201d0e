// One emulated endpoint is one row of a route table: method, fastify path, the OAuth scopes the
// API gateway requires and the handler. Every site route module exports its rows; `site.ts`
// mounts them and the gateway (src/emulator/oauth/gateway.ts) reads the scopes from the matched
// row, so a route cannot exist without declaring its scopes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SiteContext } from "./context.js";

/** Scope sets; a token satisfies the route when it holds every scope of one of them. */
export type ScopeAlternatives = readonly (readonly string[])[];

/**
 * `unchecked`: the gateway checks no scope. Only for endpoints outside Atlassian's OpenAPI
 * documents (the download servlet, GraphQL), whose security table we do not know.
 */
export type RouteScopes = ScopeAlternatives | "unchecked";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface Route {
  method: HttpMethod;
  /** Fastify path under the site root, e.g. `/wiki/api/v2/pages/:id`. */
  path: string;
  scopes: RouteScopes;
  handler: (ctx: SiteContext, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /**
   * Set on gateway mounts only (oauth/retired-v1.ts): the operation is retired there and answers
   * 410; the value names its v2 replacement.
   */
  retired?: string;
}

type MatchedRow = Pick<Route, "method" | "scopes" | "retired">;

interface RouteConfig {
  route?: MatchedRow;
}

export function mountRoutes(
  app: FastifyInstance,
  ctx: SiteContext,
  routes: readonly Route[],
): void {
  for (const route of routes) {
    const row: MatchedRow = { method: route.method, scopes: route.scopes };
    if (route.retired !== undefined) row.retired = route.retired;
    const config: RouteConfig = { route: row };
    app.route({
      method: route.method,
      url: route.path,
      config,
      handler: (request, reply) => route.handler(ctx, request, reply),
    });
  }
}

/**
 * The scopes of the row that matched the request, or undefined (no row: a 404; or the HEAD
 * twin fastify adds to every GET route, which the gateway never checked).
 */
export function matchedScopes(request: FastifyRequest): RouteScopes | undefined {
  return matchedRow(request)?.scopes;
}

/** The row that matched the request (undefined for no row or a HEAD twin, as above). */
export function matchedRow(request: FastifyRequest): MatchedRow | undefined {
  const row = (request.routeOptions.config as RouteConfig | undefined)?.route;
  return row?.method === request.method ? row : undefined;
}

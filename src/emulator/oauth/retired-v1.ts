// The v1 REST operations Atlassian has retired on the OAuth API gateway
// (`https://api.atlassian.com/ex/confluence/{cloudId}/wiki/rest/api/...`): one table, each row
// with its v2 replacement. The gateway (gateway.ts) answers every row with 410 GoneException
// after its token and scope checks; the site itself (Basic auth on the site URL) still serves the
// rows it emulates. Sources and the uncertain parts: docs/emulator.md, "v1 paths retired on the
// OAuth gateway".
//
// - Which operations: the v1 operations Confluence Cloud deprecated in favour of a v2 equivalent
//   (changelog CHANGE-864, https://developer.atlassian.com/cloud/confluence/changelog/#CHANGE-864;
//   RFC-19, https://community.developer.atlassian.com/t/rfc-19-deprecation-of-confluence-cloud-rest-api-v1-endpoints/71752),
//   i.e. those marked `deprecated` in Atlassian's v1 OpenAPI document (spec/openapi/confluence-v1.json)
//   except the group-by-name, look-and-feel and restriction-by-group-name ones, whose replacements
//   are other v1 operations (their deprecation is not CHANGE-864's).
// - Where: on the gateway only. Reported: 410 for `GET/POST /content`, `GET /content/{id}`,
//   `GET /space` through api.atlassian.com with OAuth, while the same paths answer 200 on
//   `<site>.atlassian.net` with an API token, and v1 attachment upload, label writes,
//   `user/current` and CQL search still answer through the gateway
//   (https://github.com/sooperset/mcp-atlassian/issues/1598,
//   https://github.com/markdown-confluence/markdown-confluence/issues/796,
//   https://github.com/Spenhouet/confluence-markdown-exporter/issues/207,
//   https://github.com/atlassian-api/atlassian-python-api/issues/1560).
// - The answer: 410 with the v1 error body, `authorized: true`, and the message
//   "com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has
//   been removed." (the same reports).
import type { FastifyRequest } from "fastify";
import { ApiError } from "../errors.js";
import { matchedRow, type Route } from "../route.js";
import { RETIRED_ON_GATEWAY } from "./retired-v1-table.js";

export { RETIRED_ON_GATEWAY, type RetiredOperation } from "./retired-v1-table.js";

export const GONE_STATUS = 410;
export const GONE_MESSAGE =
  "com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has been removed.";

const keyOf = (method: string, path: string) => `${method} ${path}`;

/**
 * The gateway answers a retired row in its scope hook, before the access guard; the handler
 * answers the same for what the hook does not see (fastify's HEAD twin of a GET row).
 */
async function goneHandler(): Promise<never> {
  throw new ApiError(GONE_STATUS, GONE_MESSAGE);
}

/**
 * The route table a gateway mount serves: the site's rows, with every retired operation marked
 * (`retired`: its replacement) and answering 410: a site row keeps its scopes, retired
 * operations the site does not emulate become rows of their own.
 */
export function gatewayRoutes(siteRoutes: readonly Route[]): Route[] {
  const retired = new Map(RETIRED_ON_GATEWAY.map((op) => [keyOf(op.method, op.path), op]));
  const routes = siteRoutes.map((route) => {
    const op = retired.get(keyOf(route.method, route.path));
    if (op === undefined) return route;
    retired.delete(keyOf(route.method, route.path));
    return { ...route, retired: op.replacement, handler: goneHandler };
  });
  for (const op of retired.values()) {
    routes.push({
      method: op.method,
      path: op.path,
      scopes: op.scopes,
      retired: op.replacement,
      handler: goneHandler,
    });
  }
  return routes;
}

/** The replacement of the retired operation the request matched, if it matched one. */
export function matchedRetirement(request: FastifyRequest): string | undefined {
  return matchedRow(request)?.retired;
}

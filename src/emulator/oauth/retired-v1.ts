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
import { type HttpMethod, matchedRow, type Route, type ScopeAlternatives } from "../route.js";
import { V1_READ_CONTENT, V1_READ_LABELS, V1_READ_SPACE, V1_RESTORE_VERSION } from "./scopes.js";

export const GONE_STATUS = 410;
export const GONE_MESSAGE =
  "com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has been removed.";

export interface RetiredOperation {
  method: HttpMethod;
  /** Fastify path under the site root. */
  path: string;
  operationId: string;
  /** The v2 operation(s) Atlassian names instead (CHANGE-864). */
  replacement: string;
  /** The operation's scopes (confluence-v1.json), checked before the 410 as for any row. */
  scopes: ScopeAlternatives;
}

// Scope sets of the retired operations (confluence-v1.json `x-atlassian-oauth2-scopes`).
const CONTENT_WRITE = V1_RESTORE_VERSION; // write:confluence-content | read:content-details + write:content
const CONTENT_DELETE: ScopeAlternatives = [
  ["write:confluence-content"],
  ["delete:content:confluence"],
];
const HISTORY_READ: ScopeAlternatives = [
  ["read:confluence-content.summary"],
  ["read:content.metadata:confluence", "read:user:confluence"],
];
const PROPS_READ: ScopeAlternatives = [
  ["read:confluence-props"],
  ["read:content-details:confluence"],
];
const propsWrite = (noun: string): ScopeAlternatives => [
  ["write:confluence-props"],
  [`read:${noun}.property:confluence`, `write:${noun}.property:confluence`],
];
const propsDelete = (noun: string): ScopeAlternatives => [
  ["write:confluence-props"],
  [`write:${noun}.property:confluence`],
];
const TASKS_SEARCH: ScopeAlternatives = [
  ["read:confluence-content.all"],
  ["read:inlinetask:confluence"],
];
const TASK_READ: ScopeAlternatives = [["read:inlinetask:confluence"]];
const TASK_WRITE: ScopeAlternatives = [
  ["read:inlinetask:confluence", "write:inlinetask:confluence"],
];

const V1 = "/wiki/rest/api";
const V2 = "/wiki/api/v2";

function row(
  method: HttpMethod,
  path: string,
  operationId: string,
  scopes: ScopeAlternatives,
  replacement: string,
): RetiredOperation {
  return { method, path: `${V1}${path}`, operationId, scopes, replacement };
}

export const RETIRED_ON_GATEWAY: readonly RetiredOperation[] = [
  row("GET", "/content", "getContent", V1_READ_CONTENT, `GET ${V2}/pages, GET ${V2}/blogposts`),
  row("POST", "/content", "createContent", CONTENT_WRITE, `POST ${V2}/pages, POST ${V2}/blogposts`),
  row(
    "GET",
    "/content/:id",
    "getContentById",
    V1_READ_CONTENT,
    `GET ${V2}/pages/{id} (blogposts, attachments, comments, custom-content)`,
  ),
  row(
    "PUT",
    "/content/:id",
    "updateContent",
    CONTENT_WRITE,
    `PUT ${V2}/pages/{id} (blogposts, comments, custom-content)`,
  ),
  row(
    "DELETE",
    "/content/:id",
    "deleteContent",
    CONTENT_DELETE,
    `DELETE ${V2}/pages/{id} (blogposts, attachments, comments, custom-content)`,
  ),
  row(
    "GET",
    "/content/:id/child",
    "getContentChildren",
    V1_READ_CONTENT,
    `GET ${V2}/pages/{id}/children, /attachments, /footer-comments`,
  ),
  row(
    "GET",
    "/content/:id/child/attachment",
    "getAttachments",
    V1_READ_CONTENT,
    `GET ${V2}/pages/{id}/attachments`,
  ),
  row(
    "GET",
    "/content/:id/child/comment",
    "getContentComments",
    V1_READ_CONTENT,
    `GET ${V2}/pages/{id}/footer-comments`,
  ),
  row(
    "GET",
    "/content/:id/child/:type",
    "getContentChildrenByType",
    V1_READ_CONTENT,
    `GET ${V2}/pages/{id}/children, /attachments, /footer-comments`,
  ),
  row(
    "GET",
    "/content/:id/history",
    "getHistoryForContent",
    HISTORY_READ,
    `GET ${V2}/pages/{id}/versions`,
  ),
  row(
    "GET",
    "/content/:id/label",
    "getLabelsForContent",
    V1_READ_LABELS,
    `GET ${V2}/pages/{id}/labels (blogposts, attachments)`,
  ),
  row(
    "GET",
    "/content/:id/property",
    "getContentProperties",
    PROPS_READ,
    `GET ${V2}/pages/{page-id}/properties`,
  ),
  row(
    "POST",
    "/content/:id/property",
    "createContentProperty",
    propsWrite("content"),
    `POST ${V2}/pages/{page-id}/properties`,
  ),
  row(
    "GET",
    "/content/:id/property/:key",
    "getContentProperty",
    PROPS_READ,
    `GET ${V2}/pages/{page-id}/properties?key=`,
  ),
  row(
    "PUT",
    "/content/:id/property/:key",
    "updateContentProperty",
    propsWrite("content"),
    `PUT ${V2}/pages/{page-id}/properties/{property-id}`,
  ),
  row(
    "POST",
    "/content/:id/property/:key",
    "createContentPropertyForKey",
    propsWrite("content"),
    `POST ${V2}/pages/{page-id}/properties`,
  ),
  row(
    "DELETE",
    "/content/:id/property/:key",
    "deleteContentProperty",
    propsDelete("content"),
    `DELETE ${V2}/pages/{page-id}/properties/{property-id}`,
  ),
  row(
    "GET",
    "/content/:id/version",
    "getContentVersions",
    V1_READ_CONTENT,
    `GET ${V2}/pages/{id}/versions`,
  ),
  row(
    "GET",
    "/content/:id/version/:versionNumber",
    "getContentVersion",
    V1_READ_CONTENT,
    `GET ${V2}/pages/{page-id}/versions/{version-number}`,
  ),
  row("GET", "/inlinetasks/search", "searchTasks", TASKS_SEARCH, `GET ${V2}/tasks`),
  row("GET", "/inlinetasks/:inlineTaskId", "getTaskById", TASK_READ, `GET ${V2}/tasks/{id}`),
  row("PUT", "/inlinetasks/:inlineTaskId", "updateTaskById", TASK_WRITE, `PUT ${V2}/tasks/{id}`),
  row("GET", "/space", "getSpaces", V1_READ_SPACE, `GET ${V2}/spaces`),
  row("GET", "/space/:spaceKey", "getSpace", V1_READ_SPACE, `GET ${V2}/spaces?keys={spaceKey}`),
  row(
    "GET",
    "/space/:spaceKey/content",
    "getContentForSpace",
    V1_READ_CONTENT,
    `GET ${V2}/spaces/{id}/pages, GET ${V2}/spaces/{id}/blogposts`,
  ),
  row(
    "GET",
    "/space/:spaceKey/content/:type",
    "getContentByTypeForSpace",
    V1_READ_CONTENT,
    `GET ${V2}/spaces/{id}/pages, GET ${V2}/spaces/{id}/blogposts`,
  ),
  row(
    "GET",
    "/space/:spaceKey/property",
    "getSpaceProperties",
    PROPS_READ,
    `GET ${V2}/spaces/{space-id}/properties`,
  ),
  row(
    "POST",
    "/space/:spaceKey/property",
    "createSpaceProperty",
    propsWrite("space"),
    `POST ${V2}/spaces/{space-id}/properties`,
  ),
  row(
    "GET",
    "/space/:spaceKey/property/:key",
    "getSpaceProperty",
    PROPS_READ,
    `GET ${V2}/spaces/{space-id}/properties?key=`,
  ),
  row(
    "PUT",
    "/space/:spaceKey/property/:key",
    "updateSpaceProperty",
    propsWrite("space"),
    `PUT ${V2}/spaces/{space-id}/properties/{property-id}`,
  ),
  row(
    "POST",
    "/space/:spaceKey/property/:key",
    "createSpacePropertyForKey",
    propsWrite("space"),
    `POST ${V2}/spaces/{space-id}/properties`,
  ),
  row(
    "DELETE",
    "/space/:spaceKey/property/:key",
    "deleteSpaceProperty",
    propsDelete("space"),
    `DELETE ${V2}/spaces/{space-id}/properties/{property-id}`,
  ),
];

const keyOf = (method: string, path: string) => `${method} ${path}`;

/** Never runs behind the gateway (it answers first); the site never mounts it alone. */
async function goneHandler(): Promise<never> {
  throw new Error("a retired operation reached its handler");
}

/**
 * The route table a gateway mount serves: the site's rows, with every retired operation marked
 * (`retired`: its replacement) — the site's own row keeps its handler for nothing but its scopes;
 * retired operations the site does not emulate become rows of their own.
 */
export function gatewayRoutes(siteRoutes: readonly Route[]): Route[] {
  const retired = new Map(RETIRED_ON_GATEWAY.map((op) => [keyOf(op.method, op.path), op]));
  const routes = siteRoutes.map((route) => {
    const op = retired.get(keyOf(route.method, route.path));
    if (op === undefined) return route;
    retired.delete(keyOf(route.method, route.path));
    return { ...route, retired: op.replacement };
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

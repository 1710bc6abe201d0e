// The table of v1 operations retired on the OAuth gateway, with their v2 replacements and
// their scopes (confluence-v1.json `x-atlassian-oauth2-scopes`). Which operations and why:
// retired-v1.ts and docs/emulator.md, "v1 paths retired on the OAuth gateway".
import type { HttpMethod, ScopeAlternatives } from "../route.js";
import { V1_READ_CONTENT, V1_READ_LABELS, V1_READ_SPACE, V1_RESTORE_VERSION } from "./scopes.js";

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

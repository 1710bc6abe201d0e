// Where a request goes: API-relative templates, site-relative paths, absolute URLs on the
// site's own origin (credentials are never sent to another origin), and the next-page links
// Confluence returns.
import type { AuthEndpoints } from "./auth.js";
import { buildPath, type PathParamValue } from "./path.js";
import { type QueryParams, serialiseQuery } from "./query.js";
import { parseSiteUrl } from "./site-url.js";
import type { ApiKind } from "./types.js";

const API_PREFIX: Record<ApiKind, string> = { v2: "/wiki/api/v2", v1: "/wiki/rest/api", site: "" };

function joinQuery(...parts: string[]): string {
  const query = parts.filter((part) => part !== "").join("&");
  return query === "" ? "" : `?${query}`;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

export interface TargetInput {
  api: ApiKind;
  path: string;
  pathParams?: Readonly<Record<string, PathParamValue>>;
  query?: QueryParams;
}

export function resolveTarget(input: TargetInput, endpoints: AuthEndpoints): string {
  const extraQuery = serialiseQuery(input.query);
  if (input.api === "site" && input.pathParams === undefined) {
    // The same rule as the catalog's Raw Request URL (site-url.ts). An absolute URL names the
    // origin's root, so it gets no gateway prefix; a path is relative to the site base.
    const { path, query, absolute } = parseSiteUrl(input.path, originOf(endpoints.siteBaseUrl));
    const base = absolute ? originOf(endpoints.siteBaseUrl) : endpoints.siteBaseUrl;
    return `${base}${path}${joinQuery(query, extraQuery)}`;
  }
  const path = buildPath(input.path, input.pathParams);
  const query = extraQuery === "" ? "" : `?${extraQuery}`;
  return `${endpoints.siteBaseUrl}${API_PREFIX[input.api]}${path}${query}`;
}

/**
 * A next-page link from a Link header or `_links.next`. v2 links are site-relative
 * (`/wiki/api/v2/pages?cursor=...`); v1 links are relative to the /wiki context
 * (`/rest/api/space?start=25`). With OAuth the site base carries a gateway prefix
 * (`/ex/confluence/{cloudId}`) that Confluence's links omit.
 */
export function resolveNextUrl(next: string, endpoints: AuthEndpoints): string {
  const origin = originOf(endpoints.siteBaseUrl);
  const { path, query, absolute } = parseSiteUrl(next, origin);
  if (absolute) return `${origin}${path}${joinQuery(query)}`;
  const basePath = new URL(endpoints.siteBaseUrl).pathname.replace(/\/$/, "");
  if (basePath !== "" && path.startsWith(`${basePath}/`))
    return `${origin}${path}${joinQuery(query)}`;
  const sitePath = path.startsWith("/wiki/") ? path : `/wiki${path}`;
  return `${endpoints.siteBaseUrl}${sitePath}${joinQuery(query)}`;
}

/** Path and query of a URL, for errors, logs and events. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

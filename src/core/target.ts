// Where a request goes: API-relative templates, site-relative paths, absolute URLs on the
// site's own origin (credentials are never sent to another origin), and the next-page links
// Confluence returns.
import type { AuthEndpoints } from "./auth.js";
import { ConfluenceValidationError } from "./errors.js";
import { buildPath, type PathParamValue, parseSitePath } from "./path.js";
import { type QueryParams, serialiseQuery } from "./query.js";
import type { ApiKind } from "./types.js";

const API_PREFIX: Record<ApiKind, string> = { v2: "/wiki/api/v2", v1: "/wiki/rest/api", site: "" };

function joinQuery(...parts: string[]): string {
  const query = parts.filter((part) => part !== "").join("&");
  return query === "" ? "" : `?${query}`;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/** An absolute URL is only used when it is on the site's origin. */
export function assertSameOrigin(url: string, endpoints: AuthEndpoints): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfluenceValidationError(`Invalid URL ${JSON.stringify(url)}`);
  }
  const site = originOf(endpoints.siteBaseUrl);
  if (parsed.origin !== site || parsed.username !== "" || parsed.password !== "") {
    throw new ConfluenceValidationError(
      `Refusing to send credentials to ${parsed.origin}: only URLs on ${site} (or paths such as /wiki/api/v2/pages) are allowed`,
    );
  }
  return parsed;
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
    if (/^[a-z][a-z0-9+.-]*:/i.test(input.path)) {
      const url = assertSameOrigin(input.path, endpoints);
      if (url.hash !== "") throw new ConfluenceValidationError("URLs must not contain a fragment");
      const { path, query } = parseSitePath(`${url.pathname}${url.search}`);
      return `${url.origin}${path}${joinQuery(query, extraQuery)}`;
    }
    const { path, query } = parseSitePath(input.path);
    return `${endpoints.siteBaseUrl}${path}${joinQuery(query, extraQuery)}`;
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
  if (/^[a-z][a-z0-9+.-]*:/i.test(next)) {
    const url = assertSameOrigin(next, endpoints);
    const { path, query } = parseSitePath(`${url.pathname}${url.search}`);
    return `${url.origin}${path}${joinQuery(query)}`;
  }
  const { path, query } = parseSitePath(next);
  const basePath = new URL(endpoints.siteBaseUrl).pathname.replace(/\/$/, "");
  const origin = originOf(endpoints.siteBaseUrl);
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

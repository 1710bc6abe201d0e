// Which Confluence site an OAuth token talks to. GET /oauth/token/accessible-resources lists the
// sites (cloud ids) the user granted (https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/,
// "3.1 Get the cloudid for your site"); only resources whose scopes are Confluence scopes count.
// Without "API Site Override" the first such site is used (the connection's own description
// says so); with it, the site whose name, URL or cloud id matches.
import { ConfluenceApiError } from "../errors.js";
import { ConfluenceOAuthError } from "./errors.js";
import { jsonRequest } from "./http.js";

export interface AccessibleResource {
  id: string;
  name: string;
  url: string;
  scopes: string[];
}

function asResources(body: unknown): AccessibleResource[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((item): AccessibleResource[] => {
    if (typeof item !== "object" || item === null) return [];
    const { id, name, url, scopes } = item as Record<string, unknown>;
    if (typeof id !== "string" || id === "") return [];
    return [
      {
        id,
        name: typeof name === "string" ? name : "",
        url: typeof url === "string" ? url : "",
        scopes: Array.isArray(scopes)
          ? scopes.filter((s): s is string => typeof s === "string")
          : [],
      },
    ];
  });
}

export async function fetchAccessibleResources(
  apiUrl: string,
  accessToken: string,
  signal?: AbortSignal,
): Promise<{ status: number; resources: AccessibleResource[] }> {
  const path = "/oauth/token/accessible-resources";
  const response = await jsonRequest(`${apiUrl}${path}`, {
    method: "GET",
    headers: { authorization: `Bearer ${accessToken}` },
    signal,
  });
  if (response.status === 401 || response.status === 403)
    return { status: response.status, resources: [] };
  if (response.status < 200 || response.status >= 300) {
    throw new ConfluenceApiError({
      status: response.status,
      statusText: "",
      method: "GET",
      path,
      body: undefined,
      traceId: response.headers["atl-traceid"],
      message: `Atlassian returned ${response.status} for GET ${path} while looking up the Confluence site of the OAuth token`,
    });
  }
  return { status: response.status, resources: asResources(response.body) };
}

/** A URL-ish text reduced to its lower-case host: `https://X.atlassian.net/` → `x.atlassian.net`. */
function hostOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.host.toLowerCase();
  } catch {
    return undefined;
  }
}

function describeSites(sites: readonly AccessibleResource[]): string {
  return sites.map((site) => `"${site.name}" (${site.url}, cloud id ${site.id})`).join(", ");
}

/** Picks the site; throws a ConfluenceOAuthError naming the reachable sites when none fits. */
export function selectSite(
  resources: readonly AccessibleResource[],
  override?: string,
): AccessibleResource {
  const sites = resources.filter((r) => r.scopes.some((scope) => scope.includes("confluence")));
  if (sites.length === 0) {
    throw new ConfluenceOAuthError(
      "The OAuth token cannot reach any Confluence site: the authorizing user granted no site with Confluence scopes. Re-authorize the connection and pick a Confluence site on the consent screen.",
      { status: undefined, code: "no_confluence_site" },
    );
  }
  const wanted = override?.trim() ?? "";
  if (wanted === "") return sites[0]!;
  const lower = wanted.toLowerCase();
  const host = hostOf(wanted);
  const match =
    sites.find((site) => site.id.toLowerCase() === lower) ??
    sites.find((site) => site.name.toLowerCase() === lower) ??
    sites.find((site) => host !== undefined && hostOf(site.url) === host);
  if (match) return match;
  throw new ConfluenceOAuthError(
    `API Site Override "${wanted}" matches none of the Confluence sites this OAuth token can reach: ${describeSites(sites)}. Use one of these names, URLs or cloud ids.`,
    { status: undefined, code: "site_not_found" },
  );
}

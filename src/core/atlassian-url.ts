// Where Atlassian's own endpoints live, in one place. Real: https://auth.atlassian.com
// (authorize, token) and https://api.atlassian.com (accessible-resources,
// /ex/confluence/{cloudId}, /graphql); https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/.
// One setting (the `atlassianBaseUrl` option; the adapters set it from
// CONFLUENCE_ATLASSIAN_API_URL) points all of them at one origin, which is how the emulator
// serves them; atlassianBaseOverride is the one function that reads it.
import { normaliseHost } from "./host.js";

/** Atlassian's API gateway; the `atlassianBaseUrl` option overrides it (e.g. the emulator). */
export const DEFAULT_ATLASSIAN_API_URL = "https://api.atlassian.com";

/**
 * The environment variable from which the connector's adapters (component, CLI, demo) take the
 * `atlassianBaseUrl` option; the core itself reads no environment.
 */
export const ATLASSIAN_BASE_URL_ENV = "CONFLUENCE_ATLASSIAN_API_URL";

/**
 * The one setting that points every Atlassian endpoint (api.atlassian.com and, for OAuth,
 * auth.atlassian.com) somewhere else, e.g. the emulator; undefined for Atlassian's own. It comes
 * from whoever runs the process (never from a connection), so a loopback origin is accepted
 * (http:// for loopback only); link-local and metadata addresses are refused like any host.
 */
export function atlassianBaseOverride(override?: string): string | undefined {
  return override === undefined || override.trim() === ""
    ? undefined
    : normaliseHost(override, { allowLoopbackHttp: true }).origin;
}

export function atlassianApiBase(override?: string): string {
  return atlassianBaseOverride(override) ?? DEFAULT_ATLASSIAN_API_URL;
}

export const DEFAULT_ATLASSIAN_AUTH_URL = "https://auth.atlassian.com";

export interface AtlassianEndpoints {
  /** Origin of /authorize and /oauth/token. */
  authUrl: string;
  /** Origin of /oauth/token/accessible-resources, /ex/confluence/{cloudId} and /graphql. */
  apiUrl: string;
}

export function atlassianEndpoints(atlassianBaseUrl?: string): AtlassianEndpoints {
  const override = atlassianBaseOverride(atlassianBaseUrl);
  return override === undefined
    ? { authUrl: DEFAULT_ATLASSIAN_AUTH_URL, apiUrl: DEFAULT_ATLASSIAN_API_URL }
    : { authUrl: override, apiUrl: override };
}

/** A site behind Atlassian's API gateway (OAuth 2.0, or a bearer token with a cloud id). */
export function gatewayEndpoints(
  apiUrl: string,
  cloudId: string,
): { siteBaseUrl: string; graphqlUrl: string } {
  return { siteBaseUrl: `${apiUrl}/ex/confluence/${cloudId}`, graphqlUrl: `${apiUrl}/graphql` };
}

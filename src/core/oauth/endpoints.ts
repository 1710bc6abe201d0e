// Where Atlassian's OAuth endpoints live. Real: https://auth.atlassian.com (authorize, token)
// and https://api.atlassian.com (accessible-resources, /ex/confluence/{cloudId}, /graphql);
// https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/. One setting (the
// `atlassianBaseUrl` option; the adapters set it from CONFLUENCE_ATLASSIAN_API_URL) points both at one origin, which is
// how the emulator serves them.
import { atlassianBaseOverride, DEFAULT_ATLASSIAN_API_URL } from "../auth.js";

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

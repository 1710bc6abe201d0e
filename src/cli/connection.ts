// The connection comes from the environment, never from argv (argv is visible to other
// processes). Missing variables are reported by their names, all at once, before anything is sent.
import { BASIC_CONNECTION_KEY, OAUTH2_CONNECTION_KEY } from "../catalog/connections.js";
import type { ConnectionValue } from "../catalog/types.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** The environment variables a connection is read from. */
export const CONNECTION_ENV = {
  host: "CONFLUENCE_HOST",
  email: "CONFLUENCE_EMAIL",
  apiToken: "CONFLUENCE_API_TOKEN",
  accessToken: "CONFLUENCE_ACCESS_TOKEN",
  siteOverride: "CONFLUENCE_SITE",
} as const;

export const CONNECTION_HELP =
  `Connection (from the environment): ${CONNECTION_ENV.host}, ${CONNECTION_ENV.email} and ` +
  `${CONNECTION_ENV.apiToken} (Basic), or ${CONNECTION_ENV.accessToken} and optionally ` +
  `${CONNECTION_ENV.siteOverride} (OAuth 2.0).`;

/** Said once after missing connection variables. */
export const CONNECTION_HINT = `for OAuth 2.0 set ${CONNECTION_ENV.accessToken} instead of the Basic variables`;

const value = (env: Env, name: string): string | undefined => {
  const text = env[name];
  return text === undefined || text.trim() === "" ? undefined : text;
};

export const usesOAuth = (env: Env): boolean =>
  value(env, CONNECTION_ENV.accessToken) !== undefined;

/** What is missing from the environment, one sentence per variable (see CONNECTION_HINT). */
export function connectionProblems(env: Env): string[] {
  if (usesOAuth(env)) return [];
  const missing: [string, string][] = [
    [CONNECTION_ENV.host, "your Confluence site, e.g. your-site.atlassian.net"],
    [CONNECTION_ENV.email, "the email of your Atlassian account"],
    [CONNECTION_ENV.apiToken, "an API token of that account"],
  ];
  return missing
    .filter(([name]) => value(env, name) === undefined)
    .map(([name, what]) => `${name} is not set (${what})`);
}

export function connectionFromEnv(env: Env): ConnectionValue {
  const accessToken = value(env, CONNECTION_ENV.accessToken);
  if (accessToken !== undefined) {
    return {
      key: OAUTH2_CONNECTION_KEY,
      fields: { apiSiteOverride: env[CONNECTION_ENV.siteOverride] ?? "" },
      token: { access_token: accessToken },
    };
  }
  return {
    key: BASIC_CONNECTION_KEY,
    fields: {
      host: env[CONNECTION_ENV.host] ?? "",
      email: env[CONNECTION_ENV.email] ?? "",
      apiToken: env[CONNECTION_ENV.apiToken] ?? "",
    },
  };
}

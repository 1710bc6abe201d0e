// Pluggable authentication. A provider (1) resolves where the site lives (Basic: the
// normalised host; OAuth 2.0 3LO: https://api.atlassian.com/ex/confluence/{cloudId}, see
// https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/), (2) supplies the
// Authorization header per attempt, and (3) may be told once about an auth failure so it can
// refresh its token and have the request retried.

import { atlassianApiBase, gatewayEndpoints } from "./atlassian-url.js";
import { ConfluenceValidationError } from "./errors.js";
import type { HostPolicy, NormalisedHost } from "./host.js";
import { normaliseHost } from "./host.js";

export {
  ATLASSIAN_BASE_URL_ENV,
  atlassianApiBase,
  atlassianBaseOverride,
  DEFAULT_ATLASSIAN_API_URL,
} from "./atlassian-url.js";

export interface AuthEndpoints {
  /** Base for site-relative paths; `/wiki/api/v2/...` is appended to it. No trailing slash. */
  siteBaseUrl: string;
  /** Where GraphQL requests are POSTed. */
  graphqlUrl: string;
}

export interface AuthFailure {
  status: number;
  method: string;
  url: string;
  signal: AbortSignal;
  /** Response headers (e.g. Atlassian's `x-failure-category` on a scope mismatch). */
  headers: Readonly<Record<string, string>>;
  /** The Authorization value the failed attempt carried (tells a stale token from a fresh one). */
  authorization: string;
}

export interface AuthProvider {
  readonly kind: string;
  /** Called once per client (retried after a failure); `host` is the client's `host` option. */
  resolveEndpoints(context: {
    host: NormalisedHost | undefined;
    signal: AbortSignal;
    /** The client's host rules, for a provider that brings its own site URL. */
    hostPolicy?: HostPolicy;
  }): Promise<AuthEndpoints>;
  /** The Authorization header value for one attempt. */
  authorization(context: { signal: AbortSignal }): Promise<string> | string;
  /**
   * Told about a 401/403/404 once per request. Resolve `true` when the credentials changed
   * (e.g. a refreshed access token) and the request should be sent again.
   */
  onAuthFailure?(failure: AuthFailure): Promise<boolean>;
  /** Current secret values, scrubbed by value from every log line and error. */
  secrets(): readonly string[];
}

function requireHost(host: NormalisedHost | undefined, kind: string): NormalisedHost {
  if (host === undefined) {
    throw new ConfluenceValidationError(`${kind} authentication needs the client's "host" option`);
  }
  return host;
}

function siteEndpoints(host: NormalisedHost): AuthEndpoints {
  return { siteBaseUrl: host.origin, graphqlUrl: `${host.origin}/gateway/api/graphql` };
}

export interface BasicCredentials {
  email: string;
  apiToken: string;
}

/** Email + API token (https://developer.atlassian.com/cloud/confluence/basic-auth-for-rest-apis/). */
export function basicAuth({ email, apiToken }: BasicCredentials): AuthProvider {
  if (typeof email !== "string" || email.trim() === "") {
    throw new ConfluenceValidationError("Basic authentication needs an email");
  }
  if (typeof apiToken !== "string" || apiToken === "") {
    throw new ConfluenceValidationError("Basic authentication needs an API token");
  }
  const encoded = Buffer.from(`${email.trim()}:${apiToken}`, "utf8").toString("base64");
  const header = `Basic ${encoded}`;
  return {
    kind: "basic",
    resolveEndpoints: async ({ host }) => siteEndpoints(requireHost(host, "Basic")),
    authorization: () => header,
    secrets: () => [apiToken, encoded],
  };
}

export interface BearerOptions {
  accessToken: string;
  /** Site to call directly with the token (e.g. the emulator); ignored when cloudId is set. */
  siteUrl?: string;
  /** Cloud id of the site: requests go through the API gateway. */
  cloudId?: string;
  /** Overrides the gateway origin (default https://api.atlassian.com). */
  atlassianBaseUrl?: string;
}

/** A static OAuth 2.0 access token (no refresh; src/core/oauth adds that). */
export function bearerAuth(options: BearerOptions): AuthProvider {
  const { accessToken, cloudId } = options;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new ConfluenceValidationError("Bearer authentication needs an access token");
  }
  if (cloudId !== undefined && !/^[A-Za-z0-9-]+$/.test(cloudId)) {
    throw new ConfluenceValidationError(`Invalid cloud id ${JSON.stringify(cloudId)}`);
  }
  return {
    kind: "bearer",
    resolveEndpoints: async ({ host, hostPolicy }) => {
      if (cloudId !== undefined) {
        return gatewayEndpoints(atlassianApiBase(options.atlassianBaseUrl), cloudId);
      }
      const site =
        options.siteUrl === undefined ? host : normaliseHost(options.siteUrl, hostPolicy);
      return siteEndpoints(requireHost(site, "Bearer (without a cloud id)"));
    },
    authorization: () => `Bearer ${accessToken}`,
    secrets: () => [accessToken],
  };
}

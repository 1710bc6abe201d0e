// Builds a core client from a connection value. Basic: email + API token against the Host.
// OAuth 2.0: the platform's access token through Atlassian's API gateway (src/core/oauth).
import { createHash } from "node:crypto";
import {
  type AuthProvider,
  atlassianApiBase,
  basicAuth,
  type CallOptions,
  type ConfluenceClient,
  createConfluenceClient,
  type Logger,
  normaliseHost,
  oauthAuth,
  type RetryOptions,
} from "../core/index.js";
import type { LeasedClient } from "./client-cache.js";
import { BASIC_CONNECTION_KEY, OAUTH2_CONNECTION_KEY } from "./connections.js";
import { InputError } from "./input-error.js";
import type { ConnectorRuntime } from "./runtime.js";
import type { ActionLogger, ConnectionValue } from "./types.js";

export interface ConnectedClient {
  client: ConfluenceClient;
  /** The connected site's origin when known up front (Basic), for Raw Request's URL check. */
  siteOrigin: string | undefined;
}

function field(connection: ConnectionValue, key: string, label: string): string {
  const value = connection.fields[key];
  if (typeof value !== "string" || value.trim() === "") {
    throw new InputError("Connection", `is missing "${label}"`);
  }
  return value;
}

/**
 * The core logs debug entries (already redacted) with structured metadata; the platform's
 * action logger takes one line. Debug output is what the user asked for with "Debug Request",
 * so it is logged at info level where the platform always shows it.
 */
function toCoreLogger(logger: ActionLogger): Logger {
  const line = (message: string, meta?: Record<string, unknown>) =>
    meta === undefined ? message : `${message} ${JSON.stringify(meta)}`;
  return {
    debug: (message, meta) => logger.info(line(message, meta)),
    info: (message, meta) => logger.info(line(message, meta)),
    warn: (message, meta) => logger.warn(line(message, meta)),
    error: (message, meta) => logger.error(line(message, meta)),
  };
}

/**
 * OAuth 2.0: the platform owns the authorization and the refresh; we get its current access
 * token. Requests go through https://api.atlassian.com/ex/confluence/{cloudId}; the cloud id is
 * looked up once per token and "API Site Override" (cached across clients in the runtime's site
 * cache).
 */
function oauthProvider(connection: ConnectionValue, runtime: ConnectorRuntime): AuthProvider {
  const accessToken = connection.token?.access_token;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new InputError(
      "Connection",
      "has no OAuth 2.0 access token; re-authorize the connection",
    );
  }
  const override = connection.fields.apiSiteOverride;
  const cloudId = connection.token?.cloudId;
  return oauthAuth({
    accessToken,
    siteOverride: typeof override === "string" ? override : undefined,
    cloudId: typeof cloudId === "string" && cloudId !== "" ? cloudId : undefined,
    atlassianBaseUrl: runtime.environment.atlassianBaseUrl,
    now: runtime.clock.now,
    sleep: runtime.clock.sleep,
    siteCache: runtime.sites,
  });
}

function identityOf(parts: readonly (string | undefined)[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * The shared client seen through one invocation: its logger and debug flag are added to every
 * call, and `close` gives the invocation's lease back (the cache owns the shared client).
 */
function forInvocation(
  leased: LeasedClient,
  logger: Logger,
  debug: boolean,
  retry: RetryOptions | undefined,
): ConfluenceClient {
  const { client, release } = leased;
  const withInvocation = <O extends CallOptions>(options: O): O => ({
    ...options,
    logger: options.logger ?? logger,
    debug: options.debug ?? debug,
    retry: retry === undefined ? options.retry : { ...retry, ...options.retry },
  });
  return {
    request: (options) => client.request(withInvocation(options)),
    listPage: (path, options = {}) => client.listPage(path, withInvocation(options)),
    paginate: (path, options = {}) => client.paginate(path, withInvocation(options)),
    graphql: (request) => client.graphql(withInvocation(request)),
    endpoints: (signal) => client.endpoints(signal),
    close: async () => release(),
  };
}

/**
 * The client for one invocation, leased from the runtime's client cache. A client is found by a
 * SHA-256 of everything that decides where it sends requests and with which credential, so a
 * cached client can never serve another credential. Only what is fixed per connection lives in
 * the client; the logger and debug flag of an invocation (like its timeouts and retry inputs)
 * travel with each request. The caller must `close()` the returned client when the invocation
 * ends (runAction does), which releases its lease on the shared client.
 */
export function connectClient(
  connection: ConnectionValue,
  logger: ActionLogger,
  debug: boolean,
  runtime: ConnectorRuntime,
): ConnectedClient {
  const { environment, clients, clock } = runtime;
  const coreLogger = toCoreLogger(logger);
  if (connection.key === OAUTH2_CONNECTION_KEY || connection.token?.access_token !== undefined) {
    const auth = oauthProvider(connection, runtime);
    const identity = identityOf([
      "oauth2",
      String(connection.token?.access_token),
      stringOrUndefined(connection.fields.apiSiteOverride),
      stringOrUndefined(connection.token?.cloudId),
      // The gateway origin the provider captured (CONFLUENCE_ATLASSIAN_API_URL).
      atlassianApiBase(environment.atlassianBaseUrl),
    ]);
    const leased = clients.lease(identity, () => createConfluenceClient({ auth, clock }));
    // The site's origin is only known after the lookup: Raw Request accepts paths only.
    return {
      client: forInvocation(leased, coreLogger, debug, runtime.retry),
      siteOrigin: undefined,
    };
  }
  if (connection.key !== BASIC_CONNECTION_KEY && connection.key !== "") {
    throw new InputError("Connection", `has an unknown connection type "${connection.key}"`);
  }
  const host = field(connection, "host", "Host");
  const email = field(connection, "email", "Email");
  const apiToken = field(connection, "apiToken", "API Token");
  const auth = basicAuth({ email, apiToken });
  const { allowLoopbackHttp } = environment;
  // Refused here (loopback without the runner's consent, link-local, plain http elsewhere)
  // before a client is created or found in the cache.
  const siteOrigin = normaliseHost(host, { allowLoopbackHttp }).origin;
  const identity = identityOf(["basic", siteOrigin, email.trim(), apiToken]);
  const leased = clients.lease(identity, () =>
    createConfluenceClient({
      host,
      auth,
      allowLoopbackHttp,
      clock,
      // Once per cached client, i.e. once per connection while it stays cached.
      onWarning: (message) => logger.warn(message),
    }),
  );
  return { client: forInvocation(leased, coreLogger, debug, runtime.retry), siteOrigin };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

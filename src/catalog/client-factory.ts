// Builds a core client from a connection value. Basic: email + API token against the Host.
// OAuth 2.0: the platform's access token through Atlassian's API gateway (src/core/oauth).
import {
  type AuthProvider,
  basicAuth,
  type ConfluenceClient,
  createConfluenceClient,
  type Logger,
  normaliseHost,
  oauthAuth,
} from "../core/index.js";
import { BASIC_CONNECTION_KEY, OAUTH2_CONNECTION_KEY } from "./connections.js";
import { InputError } from "./input-error.js";
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
export function toCoreLogger(logger: ActionLogger): Logger {
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
 * looked up once per token and "API Site Override" (cached across clients by src/core/oauth).
 */
function oauthProvider(connection: ConnectionValue): AuthProvider {
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
  });
}

export function connectClient(
  connection: ConnectionValue,
  logger: ActionLogger,
  debug: boolean,
): ConnectedClient {
  const common = { logger: toCoreLogger(logger), debug };
  if (connection.key === OAUTH2_CONNECTION_KEY || connection.token?.access_token !== undefined) {
    // The site's origin is only known after the lookup: Raw Request accepts paths only.
    return {
      client: createConfluenceClient({ auth: oauthProvider(connection), ...common }),
      siteOrigin: undefined,
    };
  }
  if (connection.key !== BASIC_CONNECTION_KEY && connection.key !== "") {
    throw new InputError("Connection", `has an unknown connection type "${connection.key}"`);
  }
  const host = field(connection, "host", "Host");
  const auth = basicAuth({
    email: field(connection, "email", "Email"),
    apiToken: field(connection, "apiToken", "API Token"),
  });
  const siteOrigin = normaliseHost(host).origin;
  return { client: createConfluenceClient({ host, auth, ...common }), siteOrigin };
}

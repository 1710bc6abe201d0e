// Builds a core client from a connection value. Basic: email + API token against the Host.
// OAuth 2.0: the platform's access token as a Bearer token.
import {
  type AuthProvider,
  basicAuth,
  bearerAuth,
  type ConfluenceClient,
  createConfluenceClient,
  type Logger,
  normaliseHost,
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

function oauthProvider(connection: ConnectionValue): { auth: AuthProvider; siteUrl?: string } {
  const accessToken = connection.token?.access_token;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new InputError(
      "Connection",
      "has no OAuth 2.0 access token; re-authorize the connection",
    );
  }
  const override = connection.fields.apiSiteOverride;
  const siteUrl = typeof override === "string" && override.trim() !== "" ? override : undefined;
  // TODO(oauth): resolve the cloud id through accessible-resources (first site, or the one
  // matching "API Site Override") and call https://api.atlassian.com/ex/confluence/{cloudId}.
  // Until the core's OAuth module lands, a cloud id stored with the token is used when present,
  // else the override site is called directly with the token (what the emulator accepts).
  const cloudId = connection.token?.cloudId ?? connection.fields.cloudId;
  return {
    auth: bearerAuth({
      accessToken,
      cloudId: typeof cloudId === "string" && cloudId !== "" ? cloudId : undefined,
      siteUrl,
    }),
    siteUrl,
  };
}

export function connectClient(
  connection: ConnectionValue,
  logger: ActionLogger,
  debug: boolean,
): ConnectedClient {
  const common = { logger: toCoreLogger(logger), debug };
  if (connection.key === OAUTH2_CONNECTION_KEY || connection.token?.access_token !== undefined) {
    const { auth, siteUrl } = oauthProvider(connection);
    const siteOrigin = siteUrl === undefined ? undefined : normaliseHost(siteUrl).origin;
    return { client: createConfluenceClient({ auth, host: siteUrl, ...common }), siteOrigin };
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

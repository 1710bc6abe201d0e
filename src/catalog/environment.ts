// What the process running the connector decides, as opposed to what a connection says: the
// catalog never reads process.env itself; adapters (component, CLI, MCP server) build this from
// their environment and give it to the runtime they pass to runAction (runtime.ts).
// Direct modules, not the core's index: adapters read the environment before any HTTP client
// is needed (the CLI and `confluence mcp` start-up).
import { ATLASSIAN_BASE_URL_ENV } from "../core/auth.js";
import { ALLOW_LOOPBACK_HTTP_ENV } from "../core/host.js";

export interface ConnectorEnvironment {
  /**
   * Basic connections may point at this machine (a local emulator, over plain http). Only the
   * runner's operator can turn this on, so a connection alone can never reach local services.
   */
  readonly allowLoopbackHttp: boolean;
  /** Where Atlassian's OAuth and gateway endpoints live when not at Atlassian (the emulator). */
  readonly atlassianBaseUrl: string | undefined;
}

/** Atlassian's real endpoints, no loopback hosts: what runAction assumes unless told. */
export const DEFAULT_ENVIRONMENT: ConnectorEnvironment = Object.freeze({
  allowLoopbackHttp: false,
  atlassianBaseUrl: undefined,
});

/** From environment variables: CONFLUENCE_ALLOW_LOOPBACK_HTTP=1, CONFLUENCE_ATLASSIAN_API_URL. */
export function environmentFrom(
  env: Readonly<Record<string, string | undefined>>,
): ConnectorEnvironment {
  const base = env[ATLASSIAN_BASE_URL_ENV];
  return {
    allowLoopbackHttp: env[ALLOW_LOOPBACK_HTTP_ENV] === "1",
    atlassianBaseUrl: base === undefined || base.trim() === "" ? undefined : base,
  };
}

// The connector's runtime: everything an action invocation shares with the other invocations of
// the process, in one object the adapter builds (the component per loaded module, the CLI per
// command, the MCP server per server, the demo through the component) and hands to runAction.
// It owns the client cache and its leases, the OAuth site cache and lookups in flight, the
// clock (token expiry, retry backoff, site-cache expiry), the retry policy and the runner's
// configuration (loopback consent, Atlassian's endpoints). Nothing in src/core or src/catalog
// keeps module state instead, so two runtimes never share a cache and a test builds its own
// (with a zero-backoff retry policy or a fake clock).
//
// Direct modules, not the core's index: the MCP server and the CLI build a runtime before any
// HTTP client is needed, and this must not load undici.
import { createSiteCache, type SiteCache } from "../core/oauth/site-cache.js";
import type { RetryOptions } from "../core/retry.js";
import { sleep } from "../core/signals.js";
import type { Clock } from "../core/types.js";
import { type ClientCache, createClientCache } from "./client-cache.js";
import { type ConnectorEnvironment, DEFAULT_ENVIRONMENT } from "./environment.js";

export interface ConnectorRuntime {
  /** The runner's configuration: loopback consent, where Atlassian's endpoints live. */
  readonly environment: ConnectorEnvironment;
  /** Time for token expiry, retry backoff (and Retry-After) and the site cache's expiry. */
  readonly clock: Clock;
  /**
   * Retry policy for the actions' requests, over the client's default (500 ms backoff doubling,
   * 4 retries); an action's own retry inputs still win. Tests run with a zero backoff.
   */
  readonly retry: RetryOptions | undefined;
  /** Core clients by connection identity, leased per invocation (client-cache.ts). */
  readonly clients: ClientCache;
  /** OAuth 2.0: resolved sites and lookups in flight, shared by every OAuth client. */
  readonly sites: SiteCache;
  /**
   * The same caches, clock and retry policy under another configuration. The component reads
   * the runner's environment variables per invocation (an operator may change them between
   * invocations of one loaded module); client identities cover the configuration, so a cached
   * client never serves a configuration it was not built for.
   */
  withEnvironment(environment: ConnectorEnvironment): ConnectorRuntime;
  /** Closes every cached client (a host process shutting down cleanly, tests). */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Default: Date.now and a real, abortable sleep. */
  clock?: Partial<Clock>;
  retry?: RetryOptions;
  /** Capacity of the client cache (default 32, least recently used evicted). */
  maxCachedClients?: number;
}

export function createRuntime(
  environment: ConnectorEnvironment = DEFAULT_ENVIRONMENT,
  options: RuntimeOptions = {},
): ConnectorRuntime {
  const clock: Clock = {
    now: options.clock?.now ?? Date.now,
    sleep: options.clock?.sleep ?? sleep,
  };
  const clients = createClientCache(options.maxCachedClients);
  const sites = createSiteCache({ now: clock.now });
  const shared = { clock, retry: options.retry, clients, sites, close: () => clients.close() };
  const withEnvironment = (configuration: ConnectorEnvironment): ConnectorRuntime => ({
    ...shared,
    environment: configuration,
    withEnvironment,
  });
  return withEnvironment(environment);
}

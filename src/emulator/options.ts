// Public option and handle types of the emulator (see docs/architecture.md, "Emulator").
import type { FaultConfig } from "./faults/types.js";
import type { EmulatorOAuthOptions } from "./oauth/options.js";
import type { EmulatorLimits } from "./server-limits.js";

/** A user who may call the emulated site (Basic auth: email + API token). */
export interface EmulatorUser {
  email: string;
  apiToken: string;
  accountId?: string;
  displayName?: string;
}

/** A big generated space, for benchmarks. */
export interface GenerateOptions {
  /** Key of the generated space (default `GEN`). */
  spaceKey?: string;
  /** Number of pages in the generated space. */
  pages: number;
  /** Content properties on each generated page (default 0). */
  propertiesPerPage?: number;
  /** Labels on each generated page, from a vocabulary of 100 (default 0). */
  labelsPerPage?: number;
  /** One footer comment on every n-th generated page (default 0: none). */
  commentEvery?: number;
}

/** One HTTP exchange, reported after the response has been sent. */
export interface EmulatorExchange {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Request headers with secrets (Authorization, cookies, ...) redacted. */
  requestHeaders: Record<string, string | string[]>;
  /** Parsed JSON, a string, or undefined when there was no body. */
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string | string[]>;
  /** Parsed JSON when the response is JSON, else the raw string (undefined when empty). */
  responseBody: unknown;
}

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free port. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Initial data (default "demo"). */
  seed?: "demo" | "empty";
  /** Extra users, in addition to the default demo user. */
  users?: EmulatorUser[];
  /** Called once per exchange after the response is sent (conformance checks). */
  onExchange?: (exchange: EmulatorExchange) => void;
  /** Adds a big generated space (benchmarks). */
  generate?: GenerateOptions;
  /** Request body limit in bytes (default 5 MiB, Confluence's documented limit for createPage). */
  bodyLimit?: number;
  /** Fault injection rules from the start (same JSON as `POST /__emulator/faults`). */
  faults?: FaultConfig;
  /** OAuth 2.0 (3LO) identity service and gateway settings (client, token lifetime). */
  oauth?: EmulatorOAuthOptions;
  /**
   * Host names accepted in the Host header besides IP addresses, `localhost`, `*.localhost` and
   * the bound host (DNS-rebinding defence; e.g. a docker-compose service name).
   */
  allowedHosts?: string[];
  /** Answer `/__emulator/*` for clients that are not on loopback (default false). */
  allowRemoteAdmin?: boolean;
  /** Request/headers/keep-alive timeouts and the connection cap (docs/emulator.md). */
  limits?: EmulatorLimits;
  /**
   * Keep the state in this directory across restarts (created if missing; docs/emulator.md,
   * "Persistence"). Without it (the default) everything lives in memory only.
   */
  dataDir?: string;
}

export interface RunningEmulator {
  /** Site origin, e.g. `http://127.0.0.1:PORT` (loopback when bound to `0.0.0.0` or `::`). */
  url: string;
  /** The credentials of the default user. */
  credentials: { email: string; apiToken: string };
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
  /** Restores the initial data (seed + generated space) and clears the request log. */
  reset(): void;
}

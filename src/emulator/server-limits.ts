// Timeouts and a connection cap like a production server's (issue 12, item 10): fastify
// disables Node's request timeout by default, so 2,000 connections trickling one body byte
// every 5 s stayed open past 390 s, and ~21,000 of them exhausted file descriptors.
//
// Reference points: Node's own defaults are headersTimeout 60 s and requestTimeout 300 s
// (nodejs.org/api/http.html#serverrequesttimeout); nginx closes a client that sends no header or
// body bytes for 60 s (client_header_timeout, client_body_timeout) and serves 512 connections
// per worker (worker_connections). A local emulator receives a 5 MiB body in milliseconds, so
// it can afford tighter bounds.
import { createServer, type RequestListener, type Server } from "node:http";

export interface EmulatorLimits {
  /** Whole request (headers and body) must arrive within this time; else 408 and close. */
  requestTimeoutMs?: number;
  /** Headers must arrive within this time (capped at requestTimeoutMs). */
  headersTimeoutMs?: number;
  /** Idle keep-alive connections close after this time. */
  keepAliveTimeoutMs?: number;
  /** Connections beyond this many are closed as soon as they are accepted. */
  maxConnections?: number;
}

export const DEFAULT_LIMITS: Required<EmulatorLimits> = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 20_000,
  // Node's default; above undici's 4 s so a client never reuses a connection being closed.
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
};

export function resolveLimits(limits: EmulatorLimits = {}): Required<EmulatorLimits> {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  for (const [name, value] of Object.entries(merged)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`limits.${name} must be a positive integer (got ${value})`);
    }
  }
  // Node refuses headersTimeout > requestTimeout.
  merged.headersTimeoutMs = Math.min(merged.headersTimeoutMs, merged.requestTimeoutMs);
  return merged;
}

/** A fastify `serverFactory` creating an HTTP server with these limits. */
export function limitedServerFactory(limits: Required<EmulatorLimits>) {
  return (handler: RequestListener): Server => {
    const server = createServer(
      {
        requestTimeout: limits.requestTimeoutMs,
        headersTimeout: limits.headersTimeoutMs,
        // How often Node checks the two timeouts above (default 30 s: far too coarse here).
        connectionsCheckingInterval: Math.max(
          50,
          Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)),
        ),
      },
      handler,
    );
    server.keepAliveTimeout = limits.keepAliveTimeoutMs;
    server.maxConnections = limits.maxConnections;
    return server;
  };
}

// Who may talk to the emulator (issue 12, items 9 and 13). The emulator is a dev server with
// unauthenticated admin endpoints, so it defends itself the way dev servers do:
// - Host: only IP literals, `localhost` (and `*.localhost`), the bound host name and
//   `allowedHosts` — a DNS-rebinding page (`Host: rebind.evil.example`) is refused. IP literals
//   cannot be rebound, so every interface address of a wildcard bind keeps working. Same rule
//   as Vite's `server.allowedHosts` (vite.dev/config/server-options#server-allowedhosts) and the
//   MCP SDK's Host validation for local servers.
// - Admin endpoints (`/__emulator/*`): a foreign `Origin` is refused (a browser sends one on
//   every cross-site write); writes must be JSON (`Content-Type: application/json`) or bodiless,
//   so an HTML form or a CORS-simple request cannot drive them; and clients that are not on
//   loopback are refused unless `allowRemoteAdmin` is set (binding 0.0.0.0 exposes the site,
//   not the admin endpoints).
import { isIP } from "node:net";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "./errors.js";
import { isLoopbackHost } from "./listen-address.js";

export interface GuardOptions {
  /** The interface the emulator is bound to (`127.0.0.1`, `0.0.0.0`, a name...). */
  boundHost: string;
  /** More Host names to accept (e.g. a docker-compose service name). */
  allowedHosts?: readonly string[];
  /** Let clients that are not on loopback use `/__emulator/*` (default false). */
  allowRemoteAdmin?: boolean;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `example.com:8080` → `example.com`, `[::1]:8080` → `::1` (lower-case). */
export function hostnameOf(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]") >>> 0);
  const colon = value.lastIndexOf(":");
  return colon >= 0 && value.indexOf(":") === colon ? value.slice(0, colon) : value;
}

export function hostAllowed(hostHeader: string, options: GuardOptions): boolean {
  const name = hostnameOf(hostHeader);
  if (name === "") return false;
  if (isIP(name) !== 0 || name === "localhost" || name.endsWith(".localhost")) return true;
  if (name === hostnameOf(options.boundHost)) return true;
  return (options.allowedHosts ?? []).some((allowed) => hostnameOf(allowed) === name);
}

function sameOrigin(origin: string, hostHeader: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === hostHeader;
  } catch {
    return false; // "null" (sandboxed or privacy-sensitive contexts) and garbage
  }
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers["content-length"];
  if (length !== undefined) return Number(length) > 0;
  return request.headers["transfer-encoding"] !== undefined;
}

/**
 * JSON, or raw bytes for POST /__emulator/import: neither is a CORS-safelisted Content-Type
 * (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), so a cross-site page cannot
 * send either without a preflight the emulator never grants.
 */
const ADMIN_WRITE_TYPES = new Set(["application/json", "application/octet-stream"]);

function isAdminWriteType(contentType: string | undefined): boolean {
  return ADMIN_WRITE_TYPES.has(contentType?.split(";")[0]?.trim().toLowerCase() ?? "");
}

function checkAdmin(request: FastifyRequest, host: string, options: GuardOptions): void {
  if (!options.allowRemoteAdmin && !isLoopbackHost(request.socket.remoteAddress ?? "")) {
    throw new ApiError(
      403,
      "The /__emulator/ admin endpoints answer loopback clients only (start the emulator with allowRemoteAdmin / --allow-remote-admin to change that)",
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, host)) {
    throw new ApiError(
      403,
      "Cross-origin requests to the /__emulator/ admin endpoints are refused",
    );
  }
  if (SAFE_METHODS.has(request.method)) return;
  const contentType = request.headers["content-type"];
  if ((contentType !== undefined || hasBody(request)) && !isAdminWriteType(contentType)) {
    throw new ApiError(
      415,
      "Admin writes take Content-Type: application/json (or no body; application/octet-stream for an import)",
    );
  }
}

export function installRequestGuard(app: FastifyInstance, options: GuardOptions): void {
  app.addHook("onRequest", async (request) => {
    const host = request.headers.host;
    // Node refuses HTTP/1.1 requests without Host (400); an HTTP/1.0 one has no name to rebind.
    if (host !== undefined && !hostAllowed(host, options)) {
      throw new ApiError(
        403,
        `Host not allowed: ${hostnameOf(host).slice(0, 100)} (use localhost or an IP address, or add it to allowedHosts / --allowed-host)`,
      );
    }
    if (request.url.startsWith("/__emulator/")) checkAdmin(request, host ?? "", options);
  });
}

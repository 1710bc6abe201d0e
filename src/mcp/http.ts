// The MCP server over Streamable HTTP, stateless: every POST /mcp gets its own server and
// transport (the SDK's stateless pattern), so no session state is kept between calls.
// Bound to loopback by default. As the MCP specification's transport section requires, the
// Origin header is validated (DNS rebinding): a browser page from another origin is refused, as
// is a Host that is not the address the server listens on. An optional bearer token guards it.
// https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#security-warning
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createMcpServer, type McpServerOptions } from "./server.js";

export interface McpHttpOptions extends McpServerOptions {
  readonly host?: string;
  readonly port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  readonly bearerToken?: string;
}

export interface RunningMcpHttp {
  /** `http://host:port/mcp`. */
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

function hostnameOf(hostHeader: string): string {
  // "[::1]:8080" → "[::1]"; "localhost:8080" → "localhost".
  return hostHeader.startsWith("[")
    ? hostHeader.slice(0, hostHeader.indexOf("]") + 1)
    : (hostHeader.split(":")[0] ?? "");
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }));
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a request may not reach the server, or undefined when it may. */
export function refusal(
  req: Pick<IncomingMessage, "headers" | "url">,
  allowedHosts: ReadonlySet<string>,
  bearerToken: string | undefined,
): { status: number; message: string } | undefined {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/mcp") return { status: 404, message: "the MCP endpoint is /mcp" };
  const host = hostnameOf(req.headers.host ?? "");
  if (!allowedHosts.has(host)) return { status: 403, message: "Host not allowed" };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return { status: 403, message: "Origin not allowed" };
    }
    if (!allowedHosts.has(hostnameOf(originHost))) {
      return { status: 403, message: "Origin not allowed" };
    }
  }
  if (bearerToken !== undefined) {
    const auth = req.headers.authorization ?? "";
    const given = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length) : "";
    if (!sameToken(given, bearerToken)) return { status: 401, message: "bearer token required" };
  }
  return undefined;
}

async function handle(req: IncomingMessage, res: ServerResponse, options: McpHttpOptions) {
  if (req.method !== "POST") {
    // Stateless: no server-initiated stream (GET) and no session to delete.
    res.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const server = createMcpServer(options);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
}

export async function startMcpHttp(options: McpHttpOptions): Promise<RunningMcpHttp> {
  const host = options.host ?? "127.0.0.1";
  const allowedHosts = new Set([...LOOPBACK_NAMES, host.includes(":") ? `[${host}]` : host]);
  const http: Server = createServer((req, res) => {
    const refused = refusal(req, allowedHosts, options.bearerToken);
    if (refused !== undefined) {
      refuse(res, refused.status, refused.message);
      return;
    }
    handle(req, res, options).catch((error: unknown) => {
      if (!res.headersSent) refuse(res, 500, error instanceof Error ? error.message : "error");
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${shown}:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

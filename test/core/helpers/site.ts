// A tiny node:http server standing in for the remote Confluence site in fault tests (429 with
// Retry-After, resets, stalls). It is the far side of the wire, not a mock of our HTTP layer.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClientOptions } from "../../../src/core/index.js";
import { basicAuth, createConfluenceClient } from "../../../src/core/index.js";

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  received: Received,
) => void | Promise<void>;

export interface FakeSite {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startSite(handler: Handler): Promise<FakeSite> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(entry);
      Promise.resolve()
        .then(() => handler(req, res, entry))
        .catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export const EMAIL = "demo@example.com";
export const API_TOKEN = "demo-token-s3cr3t";

/** A client for `site` with Basic auth and no real waiting between retries. */
export function clientFor(site: FakeSite, options: Partial<ClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createConfluenceClient({
    host: site.url,
    auth: basicAuth({ email: EMAIL, apiToken: API_TOKEN }),
    // The fake site listens on loopback, over plain http.
    allowLoopbackHttp: true,
    clock: {
      now: () => Date.parse("2025-01-01T00:00:00Z"),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps };
}

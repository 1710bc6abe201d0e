// A pass-through proxy in front of the emulator that injects faults on Atlassian's identity
// endpoints (/oauth/token, accessible-resources). The emulator's own fault injection
// (/__emulator/faults) covers the Confluence site routes only; this keeps the client's real
// HTTP stack under test while the identity service misbehaves.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ProxyFault =
  /** Answer with this status (and an OAuth-style body) without forwarding. */
  | { status: number; headers?: Record<string, string> }
  /** Forward, let the emulator apply it, then cut the connection before answering. */
  | { resetAfter: true }
  /** Wait, then forward. */
  | { delayMs: number };

export interface ProxyRule {
  method: string;
  path: string;
  fault: ProxyFault;
  /** How many matching requests it applies to. */
  times: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** What the client got: a status, or "reset". */
  outcome: number | "reset";
}

export interface FaultyProxy {
  url: string;
  rules: ProxyRule[];
  /** Every request, in arrival order (cleared by the tests at will). */
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forward(
  target: string,
  request: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    // Hop-by-hop and length headers are fetch's business.
    const skip = ["host", "connection", "content-length", "transfer-encoding", "keep-alive"];
    if (typeof value === "string" && !skip.includes(name)) {
      headers[name] = value;
    }
  }
  const response = await fetch(`${target}${request.url ?? "/"}`, {
    method: request.method,
    headers,
    body: body.length > 0 ? body : undefined,
    redirect: "manual",
  });
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!["content-length", "transfer-encoding", "connection", "content-encoding"].includes(name)) {
      out[name] = value;
    }
  });
  return { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) };
}

export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const rules: ProxyRule[] = [];
  const seen: ProxiedRequest[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const method = request.method ?? "GET";
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const rule = rules.find((r) => r.times > 0 && r.method === method && r.path === path);
    if (rule !== undefined) rule.times -= 1;
    const fault = rule?.fault;
    if (fault !== undefined && "status" in fault) {
      seen.push({ method, path, outcome: fault.status });
      response.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      response.end(JSON.stringify({ error: "temporarily_unavailable" }));
      return;
    }
    if (fault !== undefined && "delayMs" in fault) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    const answer = await forward(target, request, body);
    if (fault !== undefined && "resetAfter" in fault) {
      seen.push({ method, path, outcome: "reset" });
      request.socket.destroy();
      return;
    }
    seen.push({ method, path, outcome: answer.status });
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    rules,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

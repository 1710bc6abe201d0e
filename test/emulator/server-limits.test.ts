// Slow clients and connection floods (issue 12, item 10): request and header timeouts, and a
// connection cap. Small versions of `npm run flood` (scripts/flood.ts), which does it at scale.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEFAULT_LIMITS, resolveLimits } from "../../src/emulator/server-limits.js";
import { startTestEmulator } from "../support/emulator.js";
import { AUTH, client } from "./client.js";

let emulator: RunningEmulator;
let port: number;
beforeAll(async () => {
  emulator = await startTestEmulator({
    conformance: "off",
    seed: "empty",
    limits: { requestTimeoutMs: 1000, headersTimeoutMs: 500, maxConnections: 4 },
  });
  port = Number(new URL(emulator.url).port);
});
afterAll(() => emulator.close());

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Resolves with what the server sent once it closes the connection (or fails after `ms`). */
function closedByServer(socket: Socket, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = "";
    const timer = setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
    });
    socket.on("error", () => {});
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(received);
    });
  });
}

/** Writes `text` one byte every `everyMs` until the socket closes. */
function trickle(socket: Socket, text: string, everyMs: number): () => void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(text[at % text.length] as string);
    at++;
  }, everyMs);
  return () => clearInterval(timer);
}

describe("server limits", () => {
  it("closes a connection whose body trickles in (408)", async () => {
    const socket = await open();
    socket.write(
      `POST /wiki/api/v2/pages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${AUTH}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
    );
    const stop = trickle(socket, " ", 100);
    const received = await closedByServer(socket);
    stop();
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it("closes a connection whose headers trickle in", async () => {
    const socket = await open();
    socket.write("GET /wiki/api/v2/spaces HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const stop = trickle(socket, "X-Slow: y\r\n", 100);
    await closedByServer(socket);
    stop();
  });

  it("drops connections beyond the cap, and serves again once they are gone", async () => {
    const held = await Promise.all([open(), open(), open(), open()]);
    for (const socket of held) socket.write("GET / HTTP/1.1\r\n"); // incomplete: held open
    const extra = await open();
    // The extra connection is closed by the server at once, without an answer.
    expect(await closedByServer(extra, 5000)).toBe("");
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await client(emulator.url)("/wiki/api/v2/spaces")).status).toBe(200);
  });

  it("has production-like defaults, and refuses nonsense limits", () => {
    expect(DEFAULT_LIMITS.requestTimeoutMs).toBeGreaterThan(0);
    expect(DEFAULT_LIMITS.maxConnections).toBeGreaterThan(0);
    expect(resolveLimits({ requestTimeoutMs: 1000 }).headersTimeoutMs).toBe(1000);
    expect(() => resolveLimits({ maxConnections: 0 })).toThrow(/limits\.maxConnections/);
  });
});

// The wire-level faults: answers written straight to the socket (so no handler runs after
// them), connection resets, and response bodies that stop or stall half way.
import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FaultTimers } from "./timers.js";

/** Abortive close: RST where Node supports it (resetAndDestroy, Node >= 18.3), else FIN. */
export function resetConnection(request: FastifyRequest): void {
  const socket = request.raw.socket;
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * Sends a complete answer from a hook, bypassing the route. Hijacking first makes
 * `reply.sent` true at once, so fastify skips the handler (an async `reply.send` would only
 * become "sent" after the onSend hooks ran, too late to stop the handler).
 */
export function answerNow(
  reply: FastifyReply,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  const text = JSON.stringify(body);
  reply.hijack();
  reply.raw.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  reply.raw.end(text);
}

/** Closes the connection before the route's answer goes out; the write (if any) is applied. */
export function dropAnswer(request: FastifyRequest): string {
  resetConnection(request);
  return "";
}

function bytesOf(payload: unknown): Buffer | undefined {
  if (typeof payload === "string") return Buffer.from(payload, "utf8");
  if (Buffer.isBuffer(payload)) return payload;
  return undefined; // streams (attachment downloads) are passed through untouched
}

/**
 * The full Content-Length is announced but only half the body is sent before the connection
 * is reset, like a proxy dying mid-response.
 */
export function truncateAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  timers: FaultTimers,
) {
  const bytes = bytesOf(payload);
  if (bytes === undefined || bytes.length < 2) return dropAnswer(request);
  reply.header("content-length", String(bytes.length));
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  let sent = false;
  return new Readable({
    read() {
      if (sent) return;
      sent = true;
      this.push(half);
      // Let the half reach the socket before killing it.
      timers.later(() => resetConnection(request), 5);
    },
  });
}

/** Status, headers and half the body go out; the rest follows after `ms`. */
export function stallAnswer(
  reply: FastifyReply,
  payload: unknown,
  ms: number,
  timers: FaultTimers,
): unknown {
  const bytes = bytesOf(payload);
  if (bytes === undefined) return payload;
  reply.header("content-length", String(bytes.length));
  const cut = Math.floor(bytes.length / 2);
  let sent = false;
  return new Readable({
    read() {
      if (sent) return;
      sent = true;
      this.push(bytes.subarray(0, cut));
      timers.later(() => {
        this.push(bytes.subarray(cut));
        this.push(null);
      }, ms);
    },
  });
}

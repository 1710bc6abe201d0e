// Emulator control endpoints (no auth, not part of Confluence): reset and the request log.
import type { FastifyInstance } from "fastify";
import { query } from "../http.js";
import { integer } from "../params.js";
import type { RequestLog } from "../request-log.js";

export interface AdminDeps {
  reset: () => void;
  log: RequestLog;
}

export function registerAdmin(app: FastifyInstance, deps: AdminDeps): void {
  app.post("/__emulator/reset", async () => {
    deps.reset();
    return { reset: true };
  });

  app.get("/__emulator/requests", async (request) => {
    const since = integer(query(request), "since") ?? 0;
    return { lastSeq: deps.log.lastSeq, requests: deps.log.since(since) };
  });

  app.delete("/__emulator/requests", async (_request, reply) => {
    deps.log.clear();
    return reply.code(204).send();
  });
}

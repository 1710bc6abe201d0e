// `/__emulator/faults`: POST replaces the rules (JSON format in docs/emulator.md), GET lists
// them with per-rule counters, DELETE clears them. No auth, like the other admin endpoints.
import type { FastifyInstance } from "fastify";
import type { FaultInjector } from "./injector.js";
import { FaultConfigError, parseFaultConfig } from "./parse-config.js";

export function registerFaultAdmin(app: FastifyInstance, injector: FaultInjector): void {
  app.get("/__emulator/faults", async () => injector.list());

  app.post("/__emulator/faults", async (request, reply) => {
    // Always parsed JSON (depth-limited) or nothing: the request guard answers 415 to any other
    // Content-Type on admin writes (src/emulator/request-guard.ts).
    try {
      return injector.configure(parseFaultConfig(request.body));
    } catch (error) {
      if (error instanceof FaultConfigError) return reply.code(400).send({ error: error.message });
      throw error;
    }
  });

  app.delete("/__emulator/faults", async (_request, reply) => {
    injector.clear();
    return reply.code(204).send();
  });
}

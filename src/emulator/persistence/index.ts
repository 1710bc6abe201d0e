// Emulator persistence (`startEmulator({ dataDir })`, `confluence emulator --data DIR`) and the
// sandbox export/import admin endpoints. Design and its reasons: docs/emulator.md, "Persistence".
import { mkdirSync } from "node:fs";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Journal } from "./journal.js";
import { Saver } from "./saver.js";
import { decodeState, encodeState, StateFileError } from "./snapshot-file.js";
import type { EmulatorState } from "./state.js";
import { StateShapeError } from "./state-graph.js";

export { type JournaledPart, wholePart } from "./journaled.js";
export { StateFileError } from "./snapshot-file.js";
export { EmulatorState, holderPart, type StatePart } from "./state.js";
export { StateShapeError } from "./state-graph.js";

/** Big enough for a sandbox with attachments; the import is a deliberate local admin action. */
const IMPORT_BODY_LIMIT = 1024 * 1024 * 1024;

const READ_ONLY = new Set(["GET", "HEAD", "OPTIONS"]);

export interface Persistence {
  /** Restores DIR's saved state, or saves the fresh one (before the emulator listens). */
  open(): Promise<void>;
}

/** Could this request have changed the state? Reads never do; unknown routes reach nothing. */
function mayWrite(request: FastifyRequest): boolean {
  return !READ_ONLY.has(request.method) && !request.is404;
}

export function installPersistence(
  app: FastifyInstance,
  state: EmulatorState,
  dataDir: string | undefined,
): Persistence {
  registerStateAdmin(app, state);
  if (dataDir === undefined) return { open: async () => {} };
  // A save journals the changes captured synchronously (a state the emulator was really in),
  // written without blocking; concurrent writes share a save (saver.ts).
  const journal = new Journal(dataDir, state);
  const saver = new Saver(() => journal.save());
  app.addHook("onRequest", async (request) => {
    if (mayWrite(request)) state.writes.enter(request);
  });
  app.addHook("onResponse", async (request) => state.writes.leave(request));
  app.addHook("onRequestAbort", async (request) => state.writes.leave(request));
  // Saved before the response leaves: an acknowledged write is on disk.
  app.addHook("onSend", async (request, _reply, payload) => {
    if (mayWrite(request)) await saver.request();
    return payload;
  });
  app.addHook("onClose", async () => {
    await saver.request().catch(() => {});
    await journal.close();
  });
  return {
    open: async () => {
      mkdirSync(dataDir, { recursive: true });
      await journal.open();
    },
  };
}

function registerStateAdmin(app: FastifyInstance, state: EmulatorState): void {
  app.get("/__emulator/export", async (_request, reply) =>
    reply
      .type("application/octet-stream")
      .header("content-disposition", 'attachment; filename="confluence-emulator-state.bin"')
      .send(encodeState(state.capture())),
  );

  app.post("/__emulator/import", { bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) {
      return reply.code(400).send({
        error: "import body: the bytes of GET /__emulator/export (application/octet-stream)",
      });
    }
    try {
      state.restore(decodeState(request.body, "import body"));
    } catch (error) {
      if (error instanceof StateFileError || error instanceof StateShapeError) {
        return reply.code(400).send({ error: error.message });
      }
      throw error;
    }
    return { imported: true };
  });
}

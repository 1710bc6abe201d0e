// A cached client evicted while an invocation still uses it stays open until that invocation
// ends (src/catalog/client-factory.ts leases), so Fetch All between pages, or a safe write
// between its probe and its re-send, never finds its client closed under it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "../../src/catalog/client-factory.js";
import { actions, runAction } from "../../src/catalog/index.js";
import type { ListOutput } from "../../src/catalog/request.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { basicConnection, emulatorRuntime, SILENT_LOGGER } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";

const PAGE = DEMO_IDS.pages.engineeringHome;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
// Each test's own runtime, so its cache holds only its clients (capacity 32 unless set).
let runtime = emulatorRuntime();
afterEach(async () => {
  await runtime.close();
  runtime = emulatorRuntime();
});
afterAll(async () => {
  await emulator.close();
});

// Distinct emails make distinct cache entries; the emulator only knows the real one.
const connection = (email = emulator.credentials.email) => basicConnection(emulator, { email });
const getPage = (client: ReturnType<typeof connectClient>["client"]) =>
  client.request({ method: "GET", path: "/pages/{id}", pathParams: { id: PAGE } });

describe("client cache leases", () => {
  it("keeps an evicted client open while leased and closes it on release", async () => {
    runtime = emulatorRuntime({ maxCachedClients: 1 });
    const first = connectClient(connection(), SILENT_LOGGER, false, runtime);
    // Another connection takes the only cache slot: the first client is evicted.
    const other = connectClient(connection("other@example.com"), SILENT_LOGGER, false, runtime);
    expect(runtime.clients.size).toBe(1);
    expect((await getPage(first.client)).status).toBe(200);
    await other.client.close();
    await first.client.close();
    // Released and evicted: now it really is closed.
    await expect(getPage(first.client)).rejects.toThrow(/closed/);
  });

  it("leaves a released but still cached client open for the next invocation", async () => {
    const first = connectClient(connection(), SILENT_LOGGER, false, runtime);
    await first.client.close();
    await first.client.close(); // releasing twice must not release someone else's lease
    const second = connectClient(connection(), SILENT_LOGGER, false, runtime);
    expect((await getPage(first.client)).status).toBe(200);
    await second.client.close();
  });

  it("lets Fetch All finish while other connections evict its client between pages", async () => {
    runtime = emulatorRuntime({ maxCachedClients: 1 });
    let evictions = 0;
    // Every debug line marks a request of the Fetch All invocation; before each next page,
    // another connection's invocation starts and ends, pushing the Fetch All client out.
    const logger = {
      info: () => {
        evictions++;
        void connectClient(
          connection(`other${evictions}@example.com`),
          SILENT_LOGGER,
          false,
          runtime,
        ).client.close();
      },
      warn() {},
      error() {},
    };
    const output = await runAction(
      actions.listPages!,
      { connection: connection(), limit: "1", fetchAll: "true", debugRequest: "true" },
      logger,
      runtime,
    );
    expect((output.data as ListOutput).results.length).toBeGreaterThan(2);
    expect(evictions).toBeGreaterThan(2);
  });
});

// The runtime object (src/catalog/runtime.ts) owns what invocations share: its clock runs the
// retry backoff and the site cache's expiry, its site cache spares a new OAuth client the
// accessible-resources lookup, and two runtimes share nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, createRuntime, runAction } from "../../src/catalog/index.js";
import type { ConnectorRuntime } from "../../src/catalog/runtime.js";
import { SITE_CACHE_TTL_MS } from "../../src/core/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { mint } from "../oauth/support.js";
import { basicConnection, EMULATOR_ENVIRONMENT, SILENT_LOGGER } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { lastSeq, requestsSince } from "../support/emulator-requests.js";

let emulator: RunningEmulator;
const runtimes: ConnectorRuntime[] = [];
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: "demo" });
});
afterAll(async () => {
  await Promise.all(runtimes.map((runtime) => runtime.close()));
  await emulator.close();
});

function runtimeWith(options: Parameters<typeof createRuntime>[1]): ConnectorRuntime {
  const runtime = createRuntime(
    { ...EMULATOR_ENVIRONMENT, atlassianBaseUrl: emulator.url },
    options,
  );
  runtimes.push(runtime);
  return runtime;
}

const listSpaces = (runtime: ConnectorRuntime, connection: unknown) =>
  runAction(actions.listSpaces!, { connection }, SILENT_LOGGER, runtime);

async function injectFaults(rules: unknown[]): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules }),
  });
  expect(response.status).toBe(200);
}

describe("the runtime's clock", () => {
  it("runs the retry backoff (the default policy's waits, without waiting)", async () => {
    const slept: number[] = [];
    const runtime = runtimeWith({
      clock: {
        sleep: async (ms) => {
          slept.push(ms);
        },
      },
    });
    await injectFaults([
      { method: "GET", path: "/wiki/api/v2/spaces", resetBefore: { rate: 1 }, times: 2 },
    ]);
    try {
      const output = await listSpaces(runtime, basicConnection(emulator));
      expect(output.data).toHaveProperty("results");
    } finally {
      await fetch(`${emulator.url}/__emulator/faults`, { method: "DELETE" });
    }
    // Two resets, two backoffs within the default ceilings (500 ms, then 1 s; full jitter).
    expect(slept).toHaveLength(2);
    expect(slept[0]).toBeLessThanOrEqual(500);
    expect(slept[1]).toBeLessThanOrEqual(1000);
  });

  it("expires the site cache", () => {
    let now = 1_000_000;
    const runtime = runtimeWith({ clock: { now: () => now } });
    runtime.sites.remember("key", "cloud-1");
    now += SITE_CACHE_TTL_MS - 1;
    expect(runtime.sites.get("key")).toBe("cloud-1");
    now += 1;
    expect(runtime.sites.get("key")).toBeUndefined();
  });
});

describe("the runtime's caches", () => {
  it("spare a new OAuth client of the runtime the site lookup, until the entry expires", async () => {
    let now = Date.now();
    // One cached client: a Basic invocation in between evicts the OAuth client.
    const runtime = runtimeWith({ clock: { now: () => now }, maxCachedClients: 1 });
    const { access_token } = await mint(emulator.url);
    const oauth = { key: "oauth2", fields: {}, token: { access_token } };
    const lookups = async (run: () => Promise<unknown>) => {
      const since = await lastSeq(emulator.url);
      await run();
      const log = await requestsSince(emulator.url, since);
      return log.filter((entry) => entry.path === "/oauth/token/accessible-resources").length;
    };
    const evictThenList = async (on: ConnectorRuntime) => {
      await listSpaces(on, basicConnection(emulator));
      await listSpaces(on, oauth);
    };
    expect(await lookups(() => listSpaces(runtime, oauth))).toBe(1);
    // A new client (the old one was evicted) finds the site in the runtime's cache.
    expect(await lookups(() => evictThenList(runtime))).toBe(0);
    expect(runtime.clients.size).toBe(1);
    // Another runtime shares nothing: it looks the site up itself.
    expect(await lookups(() => evictThenList(runtimeWith({})))).toBe(1);
    // On this runtime's clock the entry expires: the next new client looks up again.
    now += SITE_CACHE_TTL_MS;
    expect(await lookups(() => evictThenList(runtime))).toBe(1);
  });

  it("are shared by a view under another configuration", async () => {
    const runtime = runtimeWith({});
    const view = runtime.withEnvironment(EMULATOR_ENVIRONMENT);
    expect(view.clients).toBe(runtime.clients);
    expect(view.sites).toBe(runtime.sites);
    expect(view.environment).toBe(EMULATOR_ENVIRONMENT);
    await listSpaces(view, basicConnection(emulator));
    expect(runtime.clients.size).toBe(1);
  });
});

// Chaos: ≥ 1,000 mixed page and property operations (create, read, update, delete) through the
// core client and its ambiguity-safe writes, against the emulator with faults on: 429s with
// Retry-After, 5xx, connection resets before and after writes, stalls past the client timeout
// and truncated bodies. Afterwards the emulator's state must be exactly what the operations
// reported: no duplicates, no lost or doubled updates, every failure a typed error.
// CHAOS_OPS sets the number of operations (`npm run chaos` runs 20,000).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/emulator/faults/prng.js";
import { DEMO_IDS, type FaultStats, type RunningEmulator } from "../../src/emulator/index.js";
import {
  ConfluenceApiError,
  type ContentPropertyLike,
  createPageSafely,
  createPropertySafely,
  updatePageSafely,
  updatePropertySafely,
  type WriteResolution,
} from "./chaos-api.js";
import { ChaosLedger, type TrackedProperty } from "./chaos-ledger.js";
import {
  adminCall,
  auditClient,
  clearFaults,
  fastClient,
  setFaults,
  startFaultyEmulator,
} from "./support.js";

const OPS = Number(process.env.CHAOS_OPS ?? 1000);
const WORKERS = 8;
const SEED = Number(process.env.CHAOS_SEED ?? 20240601);
const SPACE = DEMO_IDS.spaces.engineering.id;
const PREFIX = `chaos-${SEED}-`;
const STALL_MS = 400;
// Client timeout 200 ms: a stalled write lands at most 200 ms after the client gave up.
const SETTLE_MS = 300;
const PROPERTY_HOSTS = 8;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startFaultyEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const storage = (value: string) => ({ representation: "storage", value });

describe("chaos", () => {
  it(
    `${OPS} mixed operations under faults leave exactly what they reported`,
    async () => {
      const ledger = new ChaosLedger();
      const random = mulberry32(SEED);
      const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];

      // Property owners, created before the faults start (their pages are never deleted).
      const setup = auditClient(emulator);
      const hosts: string[] = [];
      for (let n = 0; n < PROPERTY_HOSTS; n++) {
        const page = await setup.request<{ id: string }>({
          method: "POST",
          path: "/pages",
          body: {
            spaceId: SPACE,
            status: "current",
            title: `${PREFIX}host-${n}`,
            body: storage("<p>host</p>"),
          },
        });
        hosts.push(page.data.id);
      }
      await setup.close();

      await setFaults(emulator, {
        seed: SEED,
        rules: [
          { id: "429-now", path: "/wiki/**", error: { rate: 0.07, status: 429, retryAfter: 0 } },
          { id: "429-1s", path: "/wiki/**", error: { rate: 0.07, status: 429, retryAfter: 1 } },
          { id: "5xx", path: "/wiki/**", error: { rate: 0.14, status: [500, 502, 503, 504] } },
          {
            id: "writes",
            method: ["POST", "PUT", "DELETE"],
            path: "/wiki/**",
            resetBefore: { rate: 0.05 },
            resetAfter: { rate: 0.05 },
            stall: { rate: 0.02, ms: STALL_MS, phase: "headers" },
          },
          {
            id: "reads",
            method: "GET",
            path: "/wiki/**",
            truncate: { rate: 0.03 },
            stall: { rate: 0.01, ms: STALL_MS, phase: "body" },
          },
        ],
      });

      let retries = 0;
      const resolutions: WriteResolution[] = [];
      const onResolved = (resolution: WriteResolution) => resolutions.push(resolution);
      // Real time would make Retry-After: 1 cost a second per 429; the recorded clock keeps
      // the run fast while the client still decides from the server's delays.
      const { client, sleeps } = fastClient(emulator, {
        timeoutMs: 200,
        maxInFlight: WORKERS,
        retry: { maxRetries: 6, baseDelayMs: 1, maxDelayMs: 2000 },
        onEvent: (event) => {
          if (event.type === "retry") retries++;
        },
      });

      let serial = 0;
      // Deletes whose retry answered 404 after an attempt that may have been applied.
      let deletesConfirmedByRetry = 0;
      const deletedEarlier = (error: unknown): boolean => {
        const earlier =
          error instanceof ConfluenceApiError &&
          error.status === 404 &&
          error.afterUncertainAttempt;
        if (earlier) deletesConfirmedByRetry++;
        return earlier;
      };
      const operations = {
        createPage: async () => {
          const title = `${PREFIX}page-${serial++}`;
          const body = `<p>${title} v1</p>`;
          try {
            const page = await createPageSafely(client, {
              body: { spaceId: SPACE, status: "current", title, body: storage(body) },
              onResolved,
              settleMs: SETTLE_MS,
            });
            expect(page.data.title).toBe(title);
            ledger.pages.set(page.data.id, {
              id: page.data.id,
              title,
              version: 1,
              body,
              deleted: false,
              busy: false,
            });
          } catch (error) {
            if (ChaosLedger.isUnknown(error)) ledger.unknownPageTitles.add(title);
            else ledger.failedPageTitles.add(title);
            throw error;
          }
        },
        readPage: async () => {
          const page = pick(ledger.livePages());
          if (page === undefined) return;
          const response = await client.request<{ id: string; version: { number: number } }>({
            path: "/pages/{id}",
            pathParams: { id: page.id },
          });
          expect(response.data.id).toBe(page.id);
        },
        updatePage: async () => {
          const page = pick(ledger.livePages());
          if (page === undefined) return;
          page.busy = true;
          const next = {
            version: page.version + 1,
            title: `${page.title}`,
            body: `<p>${page.title} v${page.version + 1}</p>`,
          };
          try {
            await updatePageSafely(client, {
              id: page.id,
              body: {
                id: page.id,
                status: "current",
                title: next.title,
                body: storage(next.body),
                version: { number: next.version },
              },
              onResolved,
              settleMs: SETTLE_MS,
            });
            Object.assign(page, next);
          } catch (error) {
            if (ChaosLedger.isUnknown(error)) page.uncertain = next;
            throw error;
          } finally {
            page.busy = false;
          }
        },
        deletePage: async () => {
          const page = pick(ledger.livePages());
          if (page === undefined) return;
          page.busy = true;
          try {
            await client.request({
              method: "DELETE",
              path: "/pages/{id}",
              pathParams: { id: page.id },
            });
            page.deleted = true;
          } catch (error) {
            // DELETE is idempotent and the client repeats it after a lost answer; the retry's
            // 404 is flagged as following such an attempt, which moved the page to the trash.
            if (deletedEarlier(error)) {
              page.deleted = true;
              return;
            }
            page.uncertain = "delete";
            throw error;
          } finally {
            page.busy = false;
          }
        },
        createProperty: async () => {
          const pageId = pick(hosts)!;
          const key = `k${serial++}`;
          const value = { n: serial, tags: ["chaos", key] };
          try {
            const property = await createPropertySafely(client, {
              path: "/pages/{page-id}/properties",
              pathParams: { "page-id": pageId },
              body: { key, value },
              onResolved,
              settleMs: SETTLE_MS,
            });
            ledger.properties.set(property.data.id, {
              id: property.data.id,
              pageId,
              key,
              version: 1,
              value,
              deleted: false,
              busy: false,
            });
          } catch (error) {
            if (ChaosLedger.isUnknown(error)) ledger.unknownPropertyKeys.add(`${pageId}/${key}`);
            else ledger.failedPropertyKeys.add(`${pageId}/${key}`);
            throw error;
          }
        },
        readProperty: async () => {
          const property = pick(ledger.liveProperties());
          if (property === undefined) return;
          const response = await client.request<ContentPropertyLike>({
            path: "/pages/{page-id}/properties/{property-id}",
            pathParams: { "page-id": property.pageId, "property-id": property.id },
          });
          expect(response.data.key).toBe(property.key);
        },
        updateProperty: async () => {
          const property = pick(ledger.liveProperties());
          if (property === undefined) return;
          property.busy = true;
          const next = {
            version: property.version + 1,
            value: { n: property.version + 1, at: serial++ },
          };
          try {
            await updatePropertySafely(client, {
              path: "/pages/{page-id}/properties/{property-id}",
              pathParams: { "page-id": property.pageId, "property-id": property.id },
              body: { key: property.key, value: next.value, version: { number: next.version } },
              onResolved,
              settleMs: SETTLE_MS,
            });
            Object.assign(property, next);
          } catch (error) {
            if (ChaosLedger.isUnknown(error)) property.uncertain = next;
            throw error;
          } finally {
            property.busy = false;
          }
        },
        deleteProperty: async () => {
          const property = pick(ledger.liveProperties());
          if (property === undefined) return;
          property.busy = true;
          try {
            await client.request({
              method: "DELETE",
              path: "/pages/{page-id}/properties/{property-id}",
              pathParams: { "page-id": property.pageId, "property-id": property.id },
            });
            property.deleted = true;
          } catch (error) {
            if (deletedEarlier(error)) {
              property.deleted = true;
              return;
            }
            property.uncertain = "delete";
            throw error;
          } finally {
            property.busy = false;
          }
        },
      };
      type OperationName = keyof typeof operations;
      const mix: [OperationName, number][] = [
        ["createPage", 0.16],
        ["readPage", 0.12],
        ["updatePage", 0.18],
        ["deletePage", 0.05],
        ["createProperty", 0.16],
        ["readProperty", 0.1],
        ["updateProperty", 0.18],
        ["deleteProperty", 0.05],
      ];
      const choose = (): OperationName => {
        let u = random();
        for (const [name, share] of mix) {
          if (u < share) return name;
          u -= share;
        }
        return "readPage";
      };

      const started = Date.now();
      let issued = 0;
      const worker = async () => {
        while (issued < OPS) {
          issued++;
          const name = choose();
          ledger.count(name);
          try {
            await operations[name]();
          } catch (error) {
            ledger.fail(name, error);
          }
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
      const elapsed = Date.now() - started;

      const listing = (await adminCall(emulator, "GET", "/__emulator/faults")).data as {
        rules: { id: string; stats: FaultStats }[];
      };
      await clearFaults(emulator);
      // Stalled handlers still run after the client gave up; let them land before the audit.
      await new Promise((resolve) => setTimeout(resolve, STALL_MS + 200));

      const stats = Object.fromEntries(listing.rules.map((rule) => [rule.id, rule.stats]));
      const requests = stats["429-now"]!.matched;
      const share = (n: number) => `${((100 * n) / requests).toFixed(1)}%`;
      const rateLimited = stats["429-now"]!.errors + stats["429-1s"]!.errors;
      const serverErrors = stats["5xx"]!.errors;
      const found = resolutions.filter((r) => r.outcome === "found").length;
      const resent = resolutions.filter((r) => r.outcome === "resent").length;
      console.info(
        [
          `chaos: ${OPS} operations in ${elapsed} ms (seed ${SEED}), ${requests} requests`,
          `  operations: ${JSON.stringify(Object.fromEntries(ledger.operations))}`,
          `  injected: 429 ${rateLimited} (${share(rateLimited)}), 5xx ${serverErrors} (${share(serverErrors)}), resets before ${stats.writes!.resetsBefore} / after ${stats.writes!.resetsAfter}, stalls ${stats.writes!.stalls + stats.reads!.stalls}, truncated ${stats.reads!.truncated}`,
          `  client retries: ${retries} (waits asked: ${sleeps.length}, ${sleeps.filter((ms) => ms === 1000).length} of 1 s from Retry-After)`,
          `  ambiguous writes resolved: ${found} found applied, ${resent} re-sent after a check, ${deletesConfirmedByRetry} deletes confirmed by the retry's 404`,
          `  failures by kind: ${JSON.stringify(Object.fromEntries([...ledger.failures].sort()), null, 1)}`,
        ].join("\n"),
      );

      expect(ledger.untyped).toEqual([]);
      expect(rateLimited / requests).toBeGreaterThanOrEqual(0.1);
      expect(serverErrors / requests).toBeGreaterThanOrEqual(0.1);
      expect(stats.writes!.resetsBefore).toBeGreaterThan(0);
      expect(stats.writes!.resetsAfter).toBeGreaterThan(0);
      expect(stats.writes!.stalls).toBeGreaterThan(0);
      expect(found).toBeGreaterThan(0);

      await audit(ledger, hosts);
    },
    Math.max(60_000, OPS * 60),
  );
});

async function audit(ledger: ChaosLedger, hosts: string[]): Promise<void> {
  const client = auditClient(emulator);
  try {
    // Pages: every chaos page in the space (current or trashed) must be one the run reported.
    const seen = new Map<string, string>();
    for await (const page of client.paginate<{ id: string; title: string; status: string }>(
      "/pages",
      { query: { "space-id": SPACE, status: ["current", "trashed"] }, limit: 250 },
    )) {
      if (!page.title.startsWith(`${PREFIX}page-`)) continue;
      expect(seen.has(page.title), `duplicate page title ${page.title}`).toBe(false);
      seen.set(page.title, page.id);
      const tracked = ledger.pages.get(page.id);
      if (tracked === undefined) {
        expect(
          ledger.unknownPageTitles.has(page.title),
          `page ${page.id} "${page.title}" was created but no operation reported it`,
        ).toBe(true);
      }
    }
    for (const title of ledger.failedPageTitles) {
      expect(seen.has(title), `a failed create left page "${title}"`).toBe(false);
    }
    for (const tracked of ledger.pages.values()) {
      const response = await client.request<{
        status: string;
        title: string;
        version: { number: number };
        body: { storage: { value: string } };
      }>({
        path: "/pages/{id}",
        pathParams: { id: tracked.id },
        query: { "body-format": "storage" },
      });
      const page = response.data;
      if (tracked.uncertain === "delete") {
        expect(["current", "trashed"]).toContain(page.status);
      } else {
        expect(page.status, `page ${tracked.id}`).toBe(tracked.deleted ? "trashed" : "current");
      }
      const expected = [{ version: tracked.version, body: tracked.body }];
      if (tracked.uncertain !== undefined && tracked.uncertain !== "delete") {
        expected.push({ version: tracked.uncertain.version, body: tracked.uncertain.body });
      }
      expect(expected, `page ${tracked.id} version/content`).toContainEqual({
        version: page.version.number,
        body: page.body.storage.value,
      });
    }

    // Properties on the host pages.
    for (const host of hosts) {
      const keys = new Set<string>();
      for await (const property of client.paginate<ContentPropertyLike>(
        "/pages/{page-id}/properties",
        { pathParams: { "page-id": host }, limit: 250 },
      )) {
        expect(keys.has(property.key), `duplicate key ${property.key}`).toBe(false);
        keys.add(property.key);
        const tracked: TrackedProperty | undefined = ledger.properties.get(property.id);
        if (tracked === undefined) {
          expect(
            ledger.unknownPropertyKeys.has(`${host}/${property.key}`),
            `property ${property.id} (${property.key}) exists but no operation reported it`,
          ).toBe(true);
          continue;
        }
        expect(tracked.deleted, `deleted property ${property.id} still exists`).toBe(false);
        const expected = [{ version: tracked.version, value: tracked.value }];
        if (tracked.uncertain !== undefined && tracked.uncertain !== "delete") {
          expected.push(tracked.uncertain);
        }
        expect(expected, `property ${property.id} version/value`).toContainEqual({
          version: property.version.number,
          value: property.value,
        });
      }
      for (const key of ledger.failedPropertyKeys) {
        if (key.startsWith(`${host}/`)) expect(keys.has(key.slice(host.length + 1))).toBe(false);
      }
      for (const tracked of ledger.properties.values()) {
        if (tracked.pageId !== host) continue;
        const gone = !keys.has(tracked.key);
        if (tracked.uncertain === "delete") continue;
        expect(
          gone,
          `property ${tracked.id} ${tracked.deleted ? "survived its delete" : "was lost"}`,
        ).toBe(tracked.deleted);
      }
    }
  } finally {
    await client.close();
  }
}

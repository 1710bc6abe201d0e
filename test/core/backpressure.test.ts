import { afterEach, describe, expect, it } from "vitest";
import type { ClientEvent } from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/**
 * A site that records concurrency at arrival. The first `barrier` requests are held until all of
 * them have arrived (or 2 s passed, so a client that never reaches the barrier fails instead of
 * hanging), which makes the concurrency figures independent of machine load.
 */
async function busySite(nearLimit: boolean, barrier = 0) {
  let active = 0;
  let arrived = 0;
  let release: () => void = () => {};
  const allArrived = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, 2_000).unref();
  });
  const seen: number[] = [];
  site = await startSite(async (_req, res) => {
    active++;
    arrived++;
    seen.push(active);
    if (arrived === barrier) release();
    await (arrived <= barrier ? allArrived : new Promise((resolve) => setTimeout(resolve, 25)));
    active--;
    json(res, 200, { ok: true }, nearLimit ? { "x-ratelimit-nearlimit": "true" } : {});
  });
  return { site, seen };
}

describe("backpressure", () => {
  it("never exceeds maxInFlight", async () => {
    const { site, seen } = await busySite(false, 3);
    const { client } = clientFor(site, { maxInFlight: 3 });
    await Promise.all(Array.from({ length: 12 }, () => client.request({ path: "/x" })));
    expect(seen).toHaveLength(12);
    expect(Math.max(...seen)).toBe(3);
    await client.close();
  });

  it("halves concurrency when Atlassian signals it is near the limit", async () => {
    const { site, seen } = await busySite(true, 8);
    const events: ClientEvent[] = [];
    const { client } = clientFor(site, { maxInFlight: 8, onEvent: (e) => events.push(e) });
    await Promise.all(Array.from({ length: 20 }, () => client.request({ path: "/x" })));
    // The first 8 start before any signal. Their 8 "near limit" answers describe one round of
    // load, so they halve the limit once (8 → 4), not once each (the old 8 → 4 → 2 → 1 in one
    // round trip, which this test used to expect); later rounds halve it again, once each.
    expect(Math.max(...seen.slice(0, 8))).toBe(8);
    const ninthRequest = events.filter((e) => e.type === "request")[8];
    const beforeNinth = events.slice(0, events.indexOf(ninthRequest as ClientEvent));
    expect(beforeNinth.filter((e) => e.type === "throttle").map((e) => e.limit)).toEqual([4]);
    expect(Math.max(...seen.slice(8))).toBeLessThanOrEqual(4);
    expect(events.filter((e) => e.type === "throttle").map((e) => e.limit)).toEqual([4, 2, 1]);
    // Once at 1, the remaining requests run one at a time.
    expect(seen.slice(-4)).toEqual([1, 1, 1, 1]);
    await client.close();
  });

  it("recovers one slot per calm response", async () => {
    let near = true;
    site = await startSite((_req, res) =>
      json(res, 200, {}, near ? { "x-beta-ratelimit-nearlimit": "true" } : {}),
    );
    const events: ClientEvent[] = [];
    const { client } = clientFor(site, { maxInFlight: 4, onEvent: (e) => events.push(e) });
    await client.request({ path: "/x" });
    await client.request({ path: "/x" });
    near = false;
    for (let i = 0; i < 3; i++) await client.request({ path: "/x" });
    expect(events.filter((e) => e.type === "throttle").map((e) => e.limit)).toEqual([
      2, 1, 2, 3, 4,
    ]);
    await client.close();
  });
});

// Fault injection in the emulator (/__emulator/faults): every fault kind observed through the
// core client over real HTTP, the admin format, its validation and PRNG determinism.
import { request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ClientEvent,
  ConfluenceApiError,
  ConfluenceNetworkError,
  ConfluenceOutcomeUnknownError,
  ConfluenceTimeoutError,
} from "../../src/core/index.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import {
  adminCall,
  auditClient,
  clearFaults,
  fastClient,
  setFaults,
  startFaultyEmulator,
} from "./support.js";

const SPACE = DEMO_IDS.spaces.engineering.id;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startFaultyEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await clearFaults(emulator);
});

const pageBody = (title: string) => ({
  spaceId: SPACE,
  status: "current",
  title,
  body: { representation: "storage", value: `<p>${title}</p>` },
});

async function titlesInSpace(title: string): Promise<string[]> {
  const client = auditClient(emulator);
  try {
    const page = await client.listPage<{ id: string }>("/pages", {
      query: { "space-id": SPACE, title, status: "current" },
    });
    return page.results.map((result) => result.id);
  } finally {
    await client.close();
  }
}

async function rawStatus(path: string, method = "GET"): Promise<number> {
  const auth = Buffer.from(`${emulator.credentials.email}:${emulator.credentials.apiToken}`);
  const response = await request(`${emulator.url}${path}`, {
    method: method as "GET",
    headers: { authorization: `Basic ${auth.toString("base64")}` },
  });
  await response.body.dump();
  return response.statusCode;
}

describe("the admin endpoint", () => {
  it("sets, lists (with ids and counters) and clears rules", async () => {
    const set = await adminCall(emulator, "POST", "/__emulator/faults", {
      seed: 7,
      rules: [{ method: "GET", path: "/wiki/api/v2/spaces/*", error: { rate: 1, status: 502 } }],
    });
    expect(set.status).toBe(200);
    expect(await rawStatus(`/wiki/api/v2/spaces/${SPACE}`)).toBe(502);
    expect(await rawStatus("/wiki/api/v2/spaces")).toBe(200); // `*` needs a segment
    const listed = await adminCall(emulator, "GET", "/__emulator/faults");
    expect(listed.data).toMatchObject({
      seed: 7,
      rules: [{ id: "rule-1", method: "GET", stats: { matched: 1, errors: 1 } }],
    });
    expect((await adminCall(emulator, "DELETE", "/__emulator/faults")).status).toBe(204);
    expect(await rawStatus(`/wiki/api/v2/spaces/${SPACE}`)).toBe(200);
    expect((await adminCall(emulator, "GET", "/__emulator/faults")).data).toEqual({
      seed: 1,
      rules: [],
    });
  });

  it.each([
    [{ rules: "all" }, "rules must be an array"],
    [{ rules: [{ error: { rate: 2 } }] }, "rules[0].error.rate must be a number from 0 to 1"],
    [{ rules: [{ stall: { rate: 0.1, ms: 10, phase: "x" } }] }, "rules[0].stall.phase"],
    [{ rules: [{ path: "pages" }] }, "rules[0].path"],
    [{ rules: [{ explode: true }] }, "rules[0].explode is not a fault field"],
    [{ rules: [{ method: "GET\r\nX: y" }] }, "rules[0].method"],
  ])("rejects %j with 400", async (config, message) => {
    const response = await adminCall(emulator, "POST", "/__emulator/faults", config);
    expect(response.status).toBe(400);
    expect((response.data as { error: string }).error).toContain(message);
  });

  it("can be configured at start", async () => {
    const other = await startFaultyEmulator({
      faults: { rules: [{ path: "/wiki/api/v2/**", error: { rate: 1, status: 500 } }] },
    });
    try {
      const response = await request(`${other.url}/wiki/api/v2/spaces`);
      await response.body.dump();
      // Authentication runs first (401), faults only for authenticated calls like the real
      // service's gateway would not know; an authenticated call gets the 500.
      const { client } = fastClient(other, { retry: { maxRetries: 0 } });
      await expect(client.request({ path: "/spaces" })).rejects.toMatchObject({ status: 500 });
      await client.close();
    } finally {
      await other.close();
    }
  });
});

describe("fault kinds", () => {
  it("rate limits per window with Retry-After, and the client waits exactly that long", async () => {
    await setFaults(emulator, {
      rules: [
        {
          path: "/wiki/api/v2/spaces",
          rateLimit: { requests: 2, windowMs: 60_000, retryAfter: 3 },
        },
      ],
    });
    const { client, sleeps } = fastClient(emulator, { retry: { maxRetries: 2 } });
    await client.request({ path: "/spaces" });
    await client.request({ path: "/spaces" });
    const error = await client.request({ path: "/spaces" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceApiError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000 });
    expect(sleeps).toEqual([3000, 3000]); // 1 attempt + 2 retries, each after Retry-After
    await client.close();
  });

  it("answers an error share with the configured statuses and Retry-After", async () => {
    await setFaults(emulator, {
      rules: [{ path: "/wiki/api/v2/spaces", error: { rate: 1, status: 503, retryAfter: 1 } }],
    });
    const { client, sleeps } = fastClient(emulator, { retry: { maxRetries: 3 } });
    // 503 with Retry-After is load shedding: even a POST-like call would be retried; a GET is.
    await expect(client.request({ path: "/spaces" })).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toEqual([1000, 1000, 1000]);
    await client.close();
  });

  it("resets before the handler: the page is not created and the POST is not repeated", async () => {
    await setFaults(emulator, { rules: [{ method: "POST", resetBefore: { rate: 1 } }] });
    const { client, sleeps } = fastClient(emulator);
    const error = await client
      .request({ method: "POST", path: "/pages", body: pageBody("Reset before") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOutcomeUnknownError);
    expect(sleeps).toEqual([]);
    await clearFaults(emulator);
    expect(await titlesInSpace("Reset before")).toEqual([]);
    await client.close();
  });

  it("resets after the handler: the page exists although the client saw a failure", async () => {
    await setFaults(emulator, { rules: [{ method: "POST", resetAfter: { rate: 1 } }] });
    const { client } = fastClient(emulator);
    await expect(
      client.request({ method: "POST", path: "/pages", body: pageBody("Reset after") }),
    ).rejects.toBeInstanceOf(ConfluenceOutcomeUnknownError);
    await clearFaults(emulator);
    expect(await titlesInSpace("Reset after")).toHaveLength(1);
    await client.close();
  });

  it("truncates bodies: a GET retries, and fails with a network error when it never recovers", async () => {
    await setFaults(emulator, {
      rules: [{ path: "/wiki/api/v2/spaces/*", truncate: { rate: 1 }, times: 1 }],
    });
    const { client, sleeps } = fastClient(emulator);
    const response = await client.request<{ id: string }>({
      path: "/spaces/{id}",
      pathParams: { id: SPACE },
    });
    expect(response.data.id).toBe(SPACE);
    expect(sleeps).toHaveLength(1);
    await setFaults(emulator, {
      rules: [{ path: "/wiki/api/v2/spaces/*", truncate: { rate: 1 } }],
    });
    await expect(
      client.request({ path: "/spaces/{id}", pathParams: { id: SPACE }, retry: { maxRetries: 1 } }),
    ).rejects.toBeInstanceOf(ConfluenceNetworkError);
    await client.close();
  });

  it.each(["headers", "body"] as const)("stalls (%s) past the client's timeout", async (phase) => {
    await setFaults(emulator, {
      rules: [{ path: "/wiki/api/v2/spaces", stall: { rate: 1, ms: 600, phase } }],
    });
    const { client } = fastClient(emulator, { timeoutMs: 150, retry: { maxRetries: 0 } });
    const error = await client.request({ path: "/spaces" }).catch((e: unknown) => e);
    // The outcome proves the client gave up before the 600 ms stall ended (a wall-clock bound
    // here flaked on loaded 2-core machines): it would otherwise have received the answer.
    expect(error).toBeInstanceOf(ConfluenceTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150, outcomeUnknown: false });
    // A client that waits long enough gets the whole, intact answer.
    const patient = fastClient(emulator, { timeoutMs: 3000 }).client;
    const response = await patient.request<{ results: unknown[] }>({ path: "/spaces" });
    expect(response.data.results.length).toBeGreaterThan(0);
    await Promise.all([client.close(), patient.close()]);
  });

  it("adds latency", async () => {
    await setFaults(emulator, { rules: [{ latency: { ms: 120 } }] });
    const { client } = fastClient(emulator);
    const started = Date.now();
    await client.request({ path: "/spaces" });
    // A lower bound only (load can only add time); margin for timer and clock granularity.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    await client.close();
  });

  it("sends X-RateLimit-NearLimit near the budget, and the client throttles itself", async () => {
    await setFaults(emulator, {
      rules: [{ rateLimit: { requests: 1000, windowMs: 60_000, nearLimitAt: 0 } }],
    });
    const events: ClientEvent[] = [];
    const { client } = fastClient(emulator, { maxInFlight: 8, onEvent: (e) => events.push(e) });
    const response = await client.request({ path: "/spaces" });
    expect(response.headers["x-ratelimit-nearlimit"]).toBe("true");
    expect(events.filter((e) => e.type === "throttle").map((e) => e.limit)).toEqual([4]);
    await client.close();
  });

  it("is deterministic for a seed, and `times` bounds a rule", async () => {
    const run = async (seed: number) => {
      await setFaults(emulator, {
        seed,
        rules: [{ path: "/wiki/api/v2/spaces", error: { rate: 0.5, status: [500, 502] } }],
      });
      const statuses: number[] = [];
      for (let n = 0; n < 40; n++) statuses.push(await rawStatus("/wiki/api/v2/spaces"));
      return statuses.join(",");
    };
    const first = await run(42);
    expect(await run(42)).toBe(first);
    expect(await run(43)).not.toBe(first);
    expect(first).toMatch(/500/);
    expect(first).toMatch(/502/);
    expect(first).toMatch(/200/);

    await setFaults(emulator, { rules: [{ error: { rate: 1, status: 500 }, times: 2 }] });
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push(await rawStatus("/wiki/api/v2/spaces"));
    expect(statuses).toEqual([500, 500, 200, 200]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import {
  type ClientEvent,
  ConfluenceApiError,
  ConfluenceNetworkError,
  ConfluenceOutcomeUnknownError,
  serverRetryDelayMs,
} from "../../src/core/index.js";
import { clientFor, type FakeSite, type Handler, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Answers with the given statuses in turn, then 200. */
function sequence(statuses: number[], headers: Record<string, string> = {}): Handler {
  let index = 0;
  return (_req, res) => {
    const status = statuses[index++];
    if (status === undefined) json(res, 200, { ok: true });
    else if (status === -1) res.socket?.destroy();
    else
      json(
        res,
        status,
        { errors: [{ status, code: "X", title: "T", detail: `failure ${index}` }] },
        headers,
      );
  };
}

describe("serverRetryDelayMs", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it.each([
    [{ "retry-after": "3" }, 3000],
    [{ "retry-after": "0.5" }, 500],
    [{ "retry-after": "Wed, 01 Jan 2025 00:00:07 GMT" }, 7000],
    [{ "beta-retry-after": "2" }, 2000],
    [{ "x-ratelimit-reset": "2025-01-01T00:00:04Z" }, 4000],
    [{ "retry-after": "Tue, 31 Dec 2024 00:00:00 GMT" }, 0],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("%j → %s", (headers, expected) => {
    expect(serverRetryDelayMs(headers, now)).toBe(expected);
  });
});

describe("retries", () => {
  it("honours Retry-After on 429 (also for POST) and succeeds", async () => {
    site = await startSite(sequence([429, 429], { "retry-after": "2" }));
    const events: ClientEvent[] = [];
    const { client, sleeps } = clientFor(site, { onEvent: (e) => events.push(e) });
    const response = await client.request({ method: "POST", path: "/pages", body: { title: "x" } });
    expect(response.status).toBe(200);
    expect(site.received).toHaveLength(3);
    expect(sleeps).toEqual([2000, 2000]);
    expect(
      events.filter((e) => e.type === "retry").map((e) => [e.attempt, e.status, e.delayMs]),
    ).toEqual([
      [1, 429, 2000],
      [2, 429, 2000],
    ]);
    await client.close();
  });

  it("uses X-RateLimit-Reset (HTTP date relative to the injected clock) on 503", async () => {
    site = await startSite(sequence([503], { "x-ratelimit-reset": "2025-01-01T00:00:05Z" }));
    const { client, sleeps } = clientFor(site);
    await client.request({ method: "POST", path: "/pages", body: {} });
    expect(sleeps).toEqual([5000]);
    await client.close();
  });

  it("backs off exponentially with full jitter for GET 5xx, then gives up with the last error", async () => {
    site = await startSite(sequence([500, 502, 504, 500, 500]));
    const { client, sleeps } = clientFor(site, { retry: { maxRetries: 3, baseDelayMs: 100 } });
    const error = (await client
      .request({ path: "/pages" })
      .catch((e: unknown) => e)) as ConfluenceApiError;
    expect(error).toBeInstanceOf(ConfluenceApiError);
    expect(error.status).toBe(500);
    expect(site.received).toHaveLength(4);
    // random() = 0.5 → half of 100·2^n.
    expect(sleeps).toEqual([50, 100, 200]);
    await client.close();
  });

  it("never repeats a POST on 5xx or a reset connection", async () => {
    site = await startSite(sequence([500]));
    const { client, sleeps } = clientFor(site);
    await expect(
      client.request({ method: "POST", path: "/pages", body: {} }),
    ).rejects.toMatchObject({ status: 500 });
    expect(site.received).toHaveLength(1);
    await site.close();

    site = await startSite(sequence([-1]));
    const second = clientFor(site);
    const error = await second.client
      .request({ method: "POST", path: "/pages", body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOutcomeUnknownError);
    expect((error as Error).message).toMatch(/may have been processed/);
    expect(site.received).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(second.sleeps).toEqual([]);
    await client.close();
    await second.client.close();
  });

  it("retries a GET after a reset connection", async () => {
    site = await startSite(sequence([-1, -1]));
    const { client, sleeps } = clientFor(site);
    const response = await client.request({ path: "/pages" });
    expect(response.data).toEqual({ ok: true });
    expect(sleeps).toHaveLength(2);
    await client.close();
  });

  it("retryOnAllErrors repeats POSTs and 4xx (Raw Request), with a fixed delay", async () => {
    site = await startSite(sequence([500, 400, -1]));
    const { client, sleeps } = clientFor(site);
    const response = await client.request({
      method: "POST",
      api: "site",
      path: "/wiki/api/v2/pages",
      body: {},
      retry: { maxRetries: 3, retryOnAllErrors: true, exponentialBackoff: false, baseDelayMs: 250 },
    });
    expect(response.status).toBe(200);
    expect(site.received).toHaveLength(4);
    expect(sleeps).toEqual([250, 250, 250]);
    await client.close();
  });

  it("does not retry other 4xx without the opt-in, nor with maxRetries 0", async () => {
    site = await startSite(sequence([400, 429]));
    const { client } = clientFor(site);
    await expect(client.request({ path: "/x" })).rejects.toMatchObject({ status: 400 });
    await expect(client.request({ path: "/x", retry: { maxRetries: 0 } })).rejects.toMatchObject({
      status: 429,
    });
    expect(site.received).toHaveLength(2);
    await client.close();
  });

  it("gives up when the server asks for more than the per-wait cap, or the total cap is spent", async () => {
    site = await startSite(sequence([429, 429, 429], { "retry-after": "40" }));
    const { client, sleeps } = clientFor(site);
    const error = (await client
      .request({ path: "/x" })
      .catch((e: unknown) => e)) as ConfluenceApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(40_000);
    expect(error.message).toMatch(/retry after 40 s/);
    expect(sleeps).toEqual([]);
    await site.close();

    site = await startSite(sequence([429, 429, 429, 429], { "retry-after": "2" }));
    const second = clientFor(site, { retry: { maxTotalDelayMs: 5000 } });
    await expect(second.client.request({ path: "/x" })).rejects.toMatchObject({ status: 429 });
    expect(second.sleeps).toEqual([2000, 2000]);
    await client.close();
    await second.client.close();
  });

  it("retries a POST whose connection was refused (it surely never arrived)", async () => {
    site = await startSite(sequence([]));
    const url = site.url;
    await site.close();
    site = undefined;
    const { client, sleeps } = clientFor(
      { url, received: [], close: async () => {} },
      { retry: { maxRetries: 2 } },
    );
    const error = await client
      .request({ method: "POST", path: "/pages", body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceNetworkError);
    expect(error).not.toBeInstanceOf(ConfluenceOutcomeUnknownError);
    expect((error as ConfluenceNetworkError).code).toBe("ECONNREFUSED");
    expect(sleeps).toHaveLength(2);
    await client.close();
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { ConfluenceAbortError, ConfluenceTimeoutError } from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe("timeouts and cancellation", () => {
  it("times out when headers never come", async () => {
    site = await startSite(() => {
      // Never answer.
    });
    const { client } = clientFor(site, { timeoutMs: 150, retry: { maxRetries: 0 } });
    const error = await client.request({ path: "/slow" }).catch((e: unknown) => e);
    // The server never answers, so only our timer can end this: the error type is the proof
    // (no wall-clock bound, which flakes on a loaded machine).
    expect(error).toBeInstanceOf(ConfluenceTimeoutError);
    expect((error as ConfluenceTimeoutError).message).toBe(
      "Confluence did not answer GET /wiki/api/v2/slow within 150 ms.",
    );
    await client.close();
  });

  it("says how many attempts timed out and how long they took in total", async () => {
    site = await startSite(() => {
      // Never answer.
    });
    const { client, sleeps } = clientFor(site, { timeoutMs: 100, retry: { maxRetries: 4 } });
    const error = (await client
      .request({ path: "/slow" })
      .catch((e: unknown) => e)) as ConfluenceTimeoutError;
    expect(error).toBeInstanceOf(ConfluenceTimeoutError);
    expect(sleeps).toHaveLength(4);
    expect(error.attempts).toBe(5);
    expect(error.message).toMatch(
      /^Confluence did not answer GET \/wiki\/api\/v2\/slow within 100 ms \(5 attempts, \d+\.\d s in total\)\.$/,
    );
    await client.close();
  });

  it("times out a stalled body, per request, and flags POSTs as outcome unknown", async () => {
    site = await startSite((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"results": [');
      // ...and stall forever.
    });
    const { client } = clientFor(site, { retry: { maxRetries: 0 } });
    const error = (await client
      .request({ method: "POST", path: "/stall", body: {}, timeoutMs: 200 })
      .catch((e: unknown) => e)) as ConfluenceTimeoutError;
    expect(error).toBeInstanceOf(ConfluenceTimeoutError);
    expect(error.timeoutMs).toBe(200);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/may have been processed/);
    await client.close();
  });

  it("retries an idempotent request after a timeout", async () => {
    let calls = 0;
    site = await startSite((_req, res) => {
      calls++;
      if (calls > 1) json(res, 200, { ok: calls });
    });
    const { client, sleeps } = clientFor(site, { timeoutMs: 100 });
    const response = await client.request({ path: "/x" });
    expect(response.data).toEqual({ ok: 2 });
    expect(sleeps).toHaveLength(1);
    await client.close();
  });

  it("honours an AbortSignal during the request and during a retry wait", async () => {
    site = await startSite(() => {});
    const { client } = clientFor(site);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.request({ path: "/x", signal: controller.signal })).rejects.toBeInstanceOf(
      ConfluenceAbortError,
    );
    await client.close();
    await site.close();

    site = await startSite((_req, res) => json(res, 503, {}, { "retry-after": "1" }));
    const waiting = new AbortController();
    const second = clientFor(site, {
      clock: {
        now: Date.now,
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal.addEventListener("abort", () => reject(signal.reason));
            waiting.abort();
          }),
      },
    });
    await expect(
      second.client.request({ path: "/x", signal: waiting.signal }),
    ).rejects.toBeInstanceOf(ConfluenceAbortError);
    expect(site.received).toHaveLength(1);
    await second.client.close();
  });

  it("aborts every request through the client's signal", async () => {
    site = await startSite(() => {});
    const controller = new AbortController();
    const { client } = clientFor(site, { signal: controller.signal });
    const pending = client.request({ path: "/x" });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(ConfluenceAbortError);
    await expect(client.request({ path: "/y" })).rejects.toBeInstanceOf(ConfluenceAbortError);
    await client.close();
  });
});

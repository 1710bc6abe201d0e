// A 2xx answer whose JSON is broken or cut short (a proxy dropping the end of a body, a garbled
// gateway response): the answer is lost, so a GET is sent again like after a dropped
// connection, while a POST is not repeated and is reported as "outcome unknown".
import { afterEach, describe, expect, it } from "vitest";
import { ConfluenceResponseError, fateUnknown } from "../../src/core/index.js";
import { clientFor, type FakeSite, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Answers 200 with a complete HTTP message whose JSON stops half way, `broken` times. */
async function siteBreaking(broken: number) {
  let calls = 0;
  site = await startSite((_req, res) => {
    calls++;
    const whole = JSON.stringify({ id: "42", title: "A page", calls });
    res.writeHead(200, { "content-type": "application/json;charset=UTF-8" });
    res.end(calls <= broken ? whole.slice(0, whole.length / 2) : whole);
  });
  return site;
}

describe("broken JSON in a 2xx response", () => {
  it("retries a GET and returns the answer that parses", async () => {
    const { client, sleeps } = clientFor(await siteBreaking(2));
    const response = await client.request<{ id: string; calls: number }>({
      path: "/pages/{id}",
      pathParams: { id: "42" },
    });
    expect(response.data).toEqual({ id: "42", title: "A page", calls: 3 });
    expect(sleeps).toHaveLength(2);
    await client.close();
  });

  it("fails a GET with a typed error once the retries are spent", async () => {
    const events: string[] = [];
    const { client } = clientFor(await siteBreaking(Number.POSITIVE_INFINITY), {
      retry: { maxRetries: 2 },
      onEvent: (event) => events.push(`${event.type}:${event.reason ?? event.errorName ?? ""}`),
    });
    const error = await client
      .request({
        path: "/pages/{id}",
        pathParams: { id: "42" },
        query: { "body-format": "storage" },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceResponseError);
    expect(error).toMatchObject({
      name: "ConfluenceResponseError",
      status: 200,
      method: "GET",
      path: "/wiki/api/v2/pages/42?body-format=storage",
      outcomeUnknown: false,
    });
    expect(site!.received).toHaveLength(3);
    expect(events.filter((e) => e === "retry:invalid-body")).toHaveLength(2);
    expect(events.at(-1)).toBe("error:ConfluenceResponseError");
    expect(fateUnknown(error)).toBe(false);
    await client.close();
  });

  it("does not repeat a POST: the write probably happened, so the outcome is unknown", async () => {
    const { client, sleeps } = clientFor(await siteBreaking(1));
    const error = (await client
      .request({ method: "POST", path: "/pages", body: { title: "A page" } })
      .catch((e: unknown) => e)) as ConfluenceResponseError;
    expect(error).toBeInstanceOf(ConfluenceResponseError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/probably processed; check before sending it again/);
    expect(site!.received).toHaveLength(1);
    expect(sleeps).toHaveLength(0);
    // The ambiguity-safe writes (src/core/writes) probe before sending such a write again.
    expect(fateUnknown(error)).toBe(true);
    await client.close();
  });

  it("repeats a POST with retryOnAllErrors (Raw Request's Retry On All Errors)", async () => {
    const { client } = clientFor(await siteBreaking(1), { retry: { retryOnAllErrors: true } });
    const response = await client.request<{ calls: number }>({
      method: "POST",
      path: "/pages",
      body: {},
    });
    expect(response.data.calls).toBe(2);
    await client.close();
  });

  it("still returns a non-JSON body as text", async () => {
    site = await startSite((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("{not json, and not claiming to be");
    });
    const { client } = clientFor(site);
    const response = await client.request({ api: "site", path: "/wiki/status" });
    expect(response.data).toBe("{not json, and not claiming to be");
    expect(site.received).toHaveLength(1);
    await client.close();
  });
});

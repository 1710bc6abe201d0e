// GraphQL idempotency, shared endpoint resolution under aborts, option validation and the
// response size cap: each against a real local HTTP server.
import { afterEach, describe, expect, it } from "vitest";
import {
  type AuthProvider,
  basicAuth,
  ConfluenceAbortError,
  ConfluenceResponseTooLargeError,
  ConfluenceValidationError,
  createConfluenceClient,
} from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe("GraphQL retries", () => {
  const documents = [
    // [query, operationName, retried?]
    ["query Q { a }", undefined, true],
    ["{ a }", undefined, true],
    ["# comment\nmutation M { a }", undefined, false],
    ["fragment F on Page { id } mutation M { a }", undefined, false],
    ["query Q { a } mutation M { a }", "M", false],
    ["query Q { a } mutation M { a }", "Q", true],
    ["query Q { a } mutation M { a }", undefined, false],
    ["query Q { a } mutation M { a }", "Nope", false],
    ["subscription S { a }", undefined, false],
    ["query Q { a", undefined, false],
  ] as const;

  it.each(documents)("%j (operationName %j) retried on 502: %j", async (query, name, retried) => {
    site = await startSite((_req, res) => json(res, 502, { message: "bad gateway" }));
    const { client } = clientFor(site, { retry: { maxRetries: 4 } });
    await expect(client.graphql({ query, operationName: name })).rejects.toMatchObject({
      status: 502,
    });
    expect(site.received).toHaveLength(retried ? 5 : 1);
    await client.close();
  });
});

describe("shared endpoint resolution", () => {
  it("one caller aborting does not fail the others waiting on the same resolution", async () => {
    site = await startSite((_req, res) => json(res, 200, { ok: true }));
    const url = site.url;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let resolutions = 0;
    const auth: AuthProvider = {
      kind: "test",
      resolveEndpoints: async ({ signal }) => {
        resolutions++;
        await gate;
        // The shared resolution must not run under a caller's signal.
        signal.throwIfAborted();
        return { siteBaseUrl: url, graphqlUrl: `${url}/graphql` };
      },
      authorization: () => "Bearer t",
      secrets: () => [],
    };
    const client = createConfluenceClient({ auth });
    const controller = new AbortController();
    const first = client.request({ path: "/x", signal: controller.signal });
    const second = client.request({ path: "/y" });
    controller.abort();
    await expect(first).rejects.toBeInstanceOf(ConfluenceAbortError);
    release();
    expect((await second).data).toEqual({ ok: true });
    expect(resolutions).toBe(1);
    expect(site.received.map((r) => r.url)).toEqual(["/wiki/api/v2/y"]);
    await client.close();
  });
});

describe("option validation", () => {
  it.each([0.5, 1.5, 0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects maxInFlight %s",
    (maxInFlight) => {
      expect(() =>
        createConfluenceClient({
          host: "example.atlassian.net",
          auth: basicAuth({ email: "a@b.c", apiToken: "t" }),
          maxInFlight,
        }),
      ).toThrow(ConfluenceValidationError);
    },
  );
});

describe("maxResponseBytes", () => {
  const big = JSON.stringify({ results: "x".repeat(5_000) });

  it("stops a body past the cap, declared or streamed, with a typed error naming the limit", async () => {
    site = await startSite((req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        ...(req.url?.includes("chunked") ? {} : { "content-length": String(big.length) }),
      });
      // Streamed in pieces so the chunked case crosses the cap mid-body.
      for (let i = 0; i < big.length; i += 1000) res.write(big.slice(i, i + 1000));
      res.end();
    });
    const { client } = clientFor(site, { maxResponseBytes: 4096 });
    for (const path of ["/declared", "/chunked"]) {
      const error = await client.request({ path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfluenceResponseTooLargeError);
      expect(error).toMatchObject({ status: 200, limitBytes: 4096, outcomeUnknown: false });
      expect((error as Error).message).toMatch(/limit of 4096 bytes \(maxResponseBytes\)/);
    }
    // Not retried: the same answer would come again.
    expect(site.received).toHaveLength(2);
    // A POST's answer that is too big: the write happened, its answer is lost.
    const post = await client
      .request({ method: "POST", path: "/declared", body: {} })
      .catch((e: unknown) => e);
    expect(post).toMatchObject({ outcomeUnknown: true });
    // A per-request limit overrides the client's; the client stays usable.
    const response = await client.request<{ results: string }>({
      path: "/declared",
      maxResponseBytes: 10_000,
    });
    expect(response.data.results).toHaveLength(5_000);
    await client.close();
  });

  it("rejects a limit that is not a whole number of at least 1", async () => {
    site = await startSite((_req, res) => json(res, 200, {}));
    const { client } = clientFor(site);
    await expect(client.request({ path: "/x", maxResponseBytes: 0.5 })).rejects.toBeInstanceOf(
      ConfluenceValidationError,
    );
    expect(site.received).toHaveLength(0);
    await client.close();
  });
});

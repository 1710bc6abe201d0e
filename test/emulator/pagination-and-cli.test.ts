import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { allowInvalidRequestsInThisTest, startTestEmulator } from "../support/emulator.js";
import { client } from "./client.js";

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let call: ReturnType<typeof client>;

// No wall-clock bound on seeding here (it flaked on loaded 2-core machines): the hook timeout
// (vitest.config.ts) catches a pathological slowdown, and `npm run bench` loads 100,000 pages.
beforeAll(async () => {
  emulator = await startTestEmulator({
    generate: { spaceKey: "BIG", pages: 2_000, propertiesPerPage: 3 },
  });
  call = client(emulator.url);
});
afterAll(() => emulator.close());

describe("cursor pagination", () => {
  it("next links keep the parameters the operation understood and drop unknown ones", async () => {
    const big = (await call("/wiki/api/v2/spaces?keys=BIG")).body.results[0];
    // The request sends undeclared parameters on purpose; the answer is still checked.
    allowInvalidRequestsInThisTest();
    // Unknown parameters are ignored by the list, as by Confluence; the next link does not carry
    // them: Atlassian's documents declare no such parameter for the link (found by npm run fuzz).
    const r = await call(
      `/wiki/api/v2/spaces/${big.id}/pages?limit=3&sort=-created-date&X-Custom=1&%2F%20a%23a=2&status=current`,
    );
    expect(r.status).toBe(200);
    const next = new URL(r.body._links.next, emulator.url).searchParams;
    expect([...next.keys()].sort()).toEqual(["cursor", "limit", "sort", "status"]);
    expect(next.get("sort")).toBe("-created-date");
    expect(next.get("status")).toBe("current");
  });

  it("walks every page through opaque cursors and Link headers, without duplicates", async () => {
    const big = (await call("/wiki/api/v2/spaces?keys=BIG")).body.results[0];
    const seen: string[] = [];
    let next: string | undefined =
      `/wiki/api/v2/spaces/${big.id}/pages?limit=137&sort=-created-date`;
    let requests = 0;
    while (next) {
      const r = await call(next);
      expect(r.status).toBe(200);
      seen.push(...r.body.results.map((p: { id: string }) => p.id));
      next = r.body._links.next;
      if (next) {
        expect(r.headers.get("link")).toBe(
          `<${next}>; rel="next", <${r.body._links.base}>; rel="base"`,
        );
        const cursor = new URL(next, emulator.url).searchParams.get("cursor")!;
        expect(cursor).not.toMatch(/^[0-9]+$/);
      } else expect(r.headers.get("link")).toBeNull();
      requests++;
    }
    expect(requests).toBe(Math.ceil(2_000 / 137));
    expect(new Set(seen).size).toBe(2_000);
    const created = await Promise.all(
      seen.slice(0, 3).map(async (id) => (await call(`/wiki/api/v2/pages/${id}`)).body.createdAt),
    );
    expect(created).toEqual([...created].sort().reverse());
  });

  it("uses the default limit of 25 and rejects a cursor from another sort", async () => {
    const first = await call("/wiki/api/v2/pages");
    expect(first.body.results).toHaveLength(25);
    const cursor = new URL(first.body._links.next, emulator.url).searchParams.get("cursor");
    const mismatch = await call(`/wiki/api/v2/pages?sort=title&cursor=${cursor}`);
    expect(mismatch.status).toBe(400);
  });

  it("pages through properties with sort=key", async () => {
    const page = (await call("/wiki/api/v2/pages?limit=1&title=Generated%20page%20000005")).body
      .results[0];
    const r = await call(`/wiki/api/v2/pages/${page.id}/properties?limit=2&sort=-key`);
    expect(r.body.results.map((p: { key: string }) => p.key)).toEqual(["prop-0002", "prop-0001"]);
    const rest = await call(r.body._links.next);
    expect(rest.body.results.map((p: { key: string }) => p.key)).toEqual(["prop-0000"]);
  });
});

describe("cli", () => {
  it("`confluence emulator --port 0` prints its URL and credentials and serves until stopped", async () => {
    const lines: string[] = [];
    let stop = () => {};
    let printed = () => {};
    const ready = new Promise<void>((resolve) => {
      printed = resolve;
    });
    const running = main(["node", "confluence", "emulator", "--port", "0", "--seed", "empty"], {
      out: (line) => {
        lines.push(line);
        if (line.startsWith("API token")) printed();
      },
      untilStopped: () => new Promise<void>((resolve) => (stop = resolve)),
    });
    await ready;
    const url = /listening on (http:\/\/\S+)/.exec(lines.join("\n"))?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9][0-9]*$/);
    expect(lines.join("\n")).toContain("demo@example.com");
    expect(lines.join("\n")).toContain("demo-token");
    expect(lines.join("\n")).toContain("CONFLUENCE_ALLOW_LOOPBACK_HTTP=1");
    const spaces = await client(url!)("/wiki/api/v2/spaces");
    expect(spaces.body.results).toEqual([]);
    stop();
    await running;
    await expect(fetch(`${url}/wiki/api/v2/spaces`)).rejects.toThrow();
  });
});

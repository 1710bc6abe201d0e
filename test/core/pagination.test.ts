import { afterEach, describe, expect, it } from "vitest";
import { ConfluenceError, ConfluencePaginationError } from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const TOTAL = 95;

/** Items 1..TOTAL in pages of `limit`; the next link goes in the Link header or in the body. */
async function pagedSite(via: "header" | "body", prefix = "/wiki/api/v2/pages") {
  site = await startSite((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const limit = Number(url.searchParams.get("limit") ?? 25);
    const start = Number(url.searchParams.get("cursor") ?? 0);
    const results = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - start)) }, (_, i) => ({
      id: String(start + i + 1),
    }));
    const end = start + results.length;
    const next = end < TOTAL ? `${prefix}?limit=${limit}&cursor=${end}` : undefined;
    const headers: Record<string, string> =
      via === "header" && next
        ? { link: `<${next}>; rel="next", <http://x/wiki>; rel="base"` }
        : {};
    json(res, 200, { results, _links: via === "body" && next ? { next } : {} }, headers);
  });
  return site;
}

describe("listPage", () => {
  it("returns results, nextCursor and nextUrl", async () => {
    const { client } = clientFor(await pagedSite("header"));
    const page = await client.listPage<{ id: string }>("/pages", {
      limit: 10,
      query: { "space-id": [1, 2] },
    });
    expect(page.results.map((p) => p.id)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    expect(page.nextUrl).toBe("/wiki/api/v2/pages?limit=10&cursor=10");
    expect(page.nextCursor).toBe("10");
    expect(site?.received[0]?.url).toBe("/wiki/api/v2/pages?space-id=1,2&limit=10");
    const last = await client.listPage("/pages", { limit: 10, cursor: "90" });
    expect(last.results).toHaveLength(5);
    expect(last.nextUrl).toBeUndefined();
    expect(last.nextCursor).toBeUndefined();
    await client.close();
  });
});

describe("paginate", () => {
  it.each(["header", "body"] as const)("walks every page via the %s link", async (via) => {
    const { client } = clientFor(await pagedSite(via));
    const ids: string[] = [];
    for await (const page of client.paginate<{ id: string }>("/pages", { limit: 7 }))
      ids.push(page.id);
    expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => String(i + 1)));
    expect(site?.received).toHaveLength(Math.ceil(TOTAL / 7));
    await client.close();
  });

  it("streams: yields items before the next page is fetched, and stops fetching when the consumer stops", async () => {
    const { client } = clientFor(await pagedSite("header"));
    const iterator = client.paginate<{ id: string }>("/pages", { limit: 5 });
    const seen: number[] = [];
    for await (const item of iterator) {
      seen.push(site?.received.length ?? -1);
      if (item.id === "12") break;
    }
    // Items 1-5 arrive after 1 request, 6-10 after 2, 11-12 after 3; nothing more is fetched.
    expect(seen).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3]);
    expect(site?.received).toHaveLength(3);
    await client.close();
  });

  it("follows v1 links relative to /wiki and gateway prefixes", async () => {
    const { client } = clientFor(await pagedSite("body", "/rest/api/space"));
    let count = 0;
    for await (const _ of client.paginate("/space", { api: "v1", limit: 40 })) count++;
    expect(count).toBe(TOTAL);
    expect(site?.received.map((r) => r.url)).toEqual([
      "/wiki/rest/api/space?limit=40",
      "/wiki/rest/api/space?limit=40&cursor=40",
      "/wiki/rest/api/space?limit=40&cursor=80",
    ]);
    await client.close();
  });

  it("refuses a next link on another origin and a link that does not advance", async () => {
    site = await startSite((_req, res) =>
      json(res, 200, {
        results: [1],
        _links: { next: "https://evil.example.com/wiki/api/v2/pages?cursor=1" },
      }),
    );
    const { client } = clientFor(site);
    const drain = async (iterable: AsyncIterable<unknown>) => {
      for await (const _ of iterable) {
        // Consume.
      }
    };
    await expect(drain(client.paginate("/pages"))).rejects.toThrow(/Refusing to send credentials/);
    await site.close();

    site = await startSite((_req, res) =>
      json(res, 200, { results: [1], _links: { next: "/wiki/api/v2/pages?cursor=same" } }),
    );
    const second = clientFor(site);
    await expect(drain(second.client.paginate("/pages"))).rejects.toThrow(ConfluenceError);
    // The first page, then the linked page that links to itself again: stop there.
    expect(site.received).toHaveLength(2);
    await client.close();
    await second.client.close();
  });

  it("stops an A → B → A cycle of next links with a typed error", async () => {
    // Page A links to B, B links back to A: each link differs from the one before it.
    site = await startSite((req, res) => {
      const cursor = new URL(req.url ?? "/", "http://x").searchParams.get("cursor");
      const next = cursor === "B" ? "A" : "B";
      json(res, 200, {
        results: [cursor ?? "first"],
        _links: { next: `/wiki/api/v2/pages?cursor=${next}` },
      });
    });
    const { client } = clientFor(site);
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of client.paginate("/pages")) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluencePaginationError);
    expect(error).toMatchObject({ path: "/wiki/api/v2/pages", pages: 3 });
    // first, B, A; the next link (B again) was already followed.
    expect(seen).toEqual(["first", "B", "A"]);
    expect(site.received).toHaveLength(3);
    await client.close();
  });
});

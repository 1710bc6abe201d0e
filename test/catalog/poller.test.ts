// The change detector (src/catalog/triggers/poller.ts) over synthetic newest-first feeds: what
// the emulator cannot show in real time (state pruned once the safety window has passed, the
// offset shift of a multi-page poll, the page cap, creation-date feeds).
import { describe, expect, it } from "vitest";
import {
  type Feed,
  type FeedPage,
  type Observed,
  pollFeed,
} from "../../src/catalog/triggers/poller.js";

const MIN = 60_000;
const options = { windowMs: 5 * MIN, maxPages: 3 };

interface Item {
  id: string;
  version: number;
  time: number;
}

/**
 * A feed over `items` (any order), `size` per page, answered at `serverTime`: newest first, and
 * oldest first from `minutes` before the server's time.
 */
function feed(
  items: Item[],
  serverTime: number,
  size = 100,
  total?: (page: number) => number,
): Feed {
  const newest = [...items].sort((a, b) => b.time - a.time || Number(b.id) - Number(a.id));
  return {
    newest: async () => pages(newest, 0),
    since: async (minutes) =>
      pages(
        [...newest].reverse().filter((item) => item.time >= serverTime - minutes * MIN),
        0,
      ),
  };
  function pages(sorted: Item[], n: number): FeedPage {
    const slice = sorted.slice(n * size, (n + 1) * size);
    return {
      items: slice.map(observed),
      serverTime,
      total: total?.(n) ?? sorted.length,
      next: (n + 1) * size < sorted.length ? async () => pages(sorted, n + 1) : undefined,
    };
  }
}

function observed(item: Item): Observed {
  return { id: item.id, key: `${item.id}@${item.version}`, time: item.time, item };
}

const T0 = Date.UTC(2026, 0, 1, 12);
const old: Item[] = Array.from({ length: 1000 }, (_, n) => ({
  id: String(n + 1),
  version: 1,
  time: T0 - 60 * MIN - n * 1000,
}));

describe("pollFeed", () => {
  it("records a baseline, then delivers only what changed, in one request", async () => {
    const base = await pollFeed(feed(old, T0), undefined, options);
    expect(base).toMatchObject({ events: [], baseline: true, requests: 1 });
    const changed = [...old, { id: "5", version: 2, time: T0 + 1000 }];
    const next = await pollFeed(feed(changed, T0 + MIN), base.state, options);
    expect(next.events).toEqual([{ id: "5", version: 2, time: T0 + 1000 }]);
    expect(next.requests).toBe(1);
  });

  it("keeps only the safety window in its state, however many changes went by", async () => {
    let state = (await pollFeed(feed(old, T0), undefined, options)).state;
    let items = [...old];
    let sizes: number[] = [];
    for (let minute = 1; minute <= 30; minute += 1) {
      // 20 changes a minute, one poll a minute.
      const changes = Array.from({ length: 20 }, (_, n) => ({
        id: String(5000 + minute * 100 + n),
        version: 1,
        time: T0 + minute * MIN + n,
      }));
      items = [...items, ...changes];
      const result = await pollFeed(feed(items, T0 + minute * MIN + 30_000), state, options);
      expect(result.events).toHaveLength(20);
      state = result.state;
      sizes = [...sizes, (state.seen as unknown[]).length];
    }
    // The window (5 minutes) holds at most 5-6 minutes of changes: 120 entries, not 600.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(120);
    expect(JSON.stringify(state).length).toBeLessThan(5000);
  });

  it("reads a range again when the list shifted during a multi-page poll, without repeating", async () => {
    const base = await pollFeed(feed(old, T0), undefined, options);
    const changes = Array.from({ length: 150 }, (_, n) => ({
      id: String(3000 + n),
      version: 1,
      time: T0 + 1000 + n,
    }));
    // The total differs between the pages of the oldest-first pass: something moved while the
    // poll read.
    const shifting = feed([...old, ...changes], T0 + MIN, 100, (page) => 1150 + page);
    const first = await pollFeed(shifting, base.state, options);
    expect(first.requests).toBe(3);
    expect(first.events).toHaveLength(150);
    expect(first.state.from).toBe(base.state.from);
    const again = await pollFeed(feed([...old, ...changes], T0 + 2 * MIN), first.state, options);
    expect(again.events).toEqual([]);
  });

  it("stops at its page cap and goes on from there at the next poll", async () => {
    const base = await pollFeed(feed(old, T0), undefined, options);
    const burst = Array.from({ length: 500 }, (_, n) => ({
      id: String(4000 + n),
      version: 1,
      time: T0 + 1000 + n,
    }));
    const items = [...old, ...burst];
    const first = await pollFeed(feed(items, T0 + MIN), base.state, options);
    // The newest page, then 3 pages oldest first: the 300 oldest and the 100 newest.
    expect(first.requests).toBe(4);
    expect(first.events).toHaveLength(400);
    const second = await pollFeed(feed(items, T0 + 2 * MIN), first.state, options);
    const ids = [...first.events, ...second.events].map((e) => (e as Item).id);
    expect(second.events).toHaveLength(100);
    expect(new Set(ids).size).toBe(500);
    const third = await pollFeed(feed(items, T0 + 3 * MIN), second.state, options);
    expect(third.events).toEqual([]);
  });

  it("delivers an item whose timestamp is older than the poll that missed it, within the window", async () => {
    const base = await pollFeed(feed(old, T0), undefined, options);
    // Saved at T0 - 2 min but searchable only after the baseline (index lag).
    const late = { id: "9000", version: 1, time: T0 - 2 * MIN };
    const next = await pollFeed(feed([...old, late], T0 + MIN), base.state, options);
    expect(next.events).toEqual([late]);
  });

  it("ignores a state it does not recognise by recording a new baseline", async () => {
    const result = await pollFeed(feed(old, T0), { cursor: "something else" }, options);
    expect(result).toMatchObject({ events: [], baseline: true });
  });
});

// The change detector every polling trigger shares. A feed lists items newest first (CQL search
// `ORDER BY lastmodified DESC`, or spaces by descending id); a poll reads it from the top and
// stops at the first page that reaches items older than the lower bound `from`. So a poll costs
// O(changes since the last poll + changes inside the safety window), not O(content): with 10
// changes among 100,000 pages the first page holds them all and the poll makes 1 request.
//
// Why it neither misses nor repeats an event:
// - Times are the server's own: each item's timestamp and the `Date` header of the poll's first
//   response. The client's clock is never read, so a client clock off by minutes changes nothing.
// - The next poll's lower bound is that server time minus a safety window (5 minutes), not the
//   newest item seen: content saved just before the poll but not yet searchable (Confluence's
//   search index is updated asynchronously, in batches:
//   https://confluence.atlassian.com/doc/content-index-administration-148844.html), or whose
//   timestamp was taken on another node, still falls inside the next poll's range.
// - Inside the window, items are told apart by identity, not by time: a key per event
//   (content id + version number for "new and updated", the id alone for "new"), so several
//   edits within the same second are distinct events, and what was already delivered is skipped.
//   `seen` holds the keys of the window only, so the state stays small.
// - Offset pagination can skip an item when content above the read position changes during a
//   multi-page poll (it shifts the list). A poll notices it (the same id twice, or the total
//   changing between pages) and then keeps its old lower bound, so the next poll reads the range
//   again; `seen` keeps that re-read from delivering anything twice.
import type { PollResult, PollState } from "../source-types.js";

/** One item of a feed as the poller sees it. */
export interface Observed {
  /** The content's id (two versions of one page share it). */
  readonly id: string;
  /** One event's identity: `id@version` for changes, the id for creations. */
  readonly key: string;
  /** Server timestamp (ms) the feed is ordered by, newest first. */
  readonly time: number;
  /** What the trigger delivers. */
  readonly item: unknown;
}

export interface FeedPage {
  readonly items: readonly Observed[];
  /** The server's time when it answered (`Date` header), ms. */
  readonly serverTime: number | undefined;
  /** How many items the whole listing holds, when the API says (v1 search's `totalSize`). */
  readonly total: number | undefined;
  readonly next: (() => Promise<FeedPage>) | undefined;
}

/** A listing newest first, and optionally oldest first from some minutes before the server's now. */
export interface Feed {
  newest(): Promise<FeedPage>;
  /** Ascending from `now - minutes` (server-relative, so no client clock and no time zone). */
  since?(minutes: number): Promise<FeedPage>;
}

export interface PollerOptions {
  /** How far before the server's time the next poll looks again (ms). */
  readonly windowMs: number;
  /** Pages one poll reads at most; the rest is read by the next poll. */
  readonly maxPages: number;
}

export const DEFAULT_POLLER: PollerOptions = { windowMs: 5 * 60_000, maxPages: 40 };

/** The saved state: the lower bound and the events of the window already delivered. */
interface SavedState {
  v: 1;
  from: number;
  /** [key, time] of every item at or after `from` that was delivered or baselined. */
  seen: [string, number][];
}

function readState(state: PollState | undefined): SavedState | undefined {
  if (state === undefined || state.v !== 1 || typeof state.from !== "number") return undefined;
  const seen = Array.isArray(state.seen) ? state.seen : [];
  const valid = seen.filter(
    (entry): entry is [string, number] =>
      Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "number",
  );
  return { v: 1, from: state.from, seen: valid };
}

interface Read {
  collected: Observed[];
  requests: number;
  /** The list moved under the read (the same id twice, or the total changed). */
  unstable: boolean;
  /** Stopped at the page cap: the time up to which (ascending) everything was read. */
  cappedAt: number | undefined;
  reachedLower: boolean;
}

/** Reads one pass of pages (up to `maxPages`), collecting the items at or after `lower`. */
async function read(
  page: FeedPage,
  lower: number,
  maxPages: number,
  ascending: boolean,
  into: Read,
): Promise<void> {
  const total = page.total;
  // Within one pass, an id read twice means an item moved while the pass read.
  const ids = new Set<string>();
  // Only pages that hold items at or after `lower` count towards the cap: the oldest-first
  // range starts up to a minute or so before it (whole minutes).
  let pages = 0;
  for (;;) {
    let useful = false;
    for (const observed of page.items) {
      if (observed.time < lower) {
        into.reachedLower = true;
        continue;
      }
      useful = true;
      if (ids.has(observed.id)) into.unstable = true;
      ids.add(observed.id);
      into.collected.push(observed);
    }
    if (useful) pages += 1;
    if ((!ascending && into.reachedLower) || page.next === undefined) return;
    if (pages >= maxPages) {
      into.cappedAt = page.items.at(-1)?.time;
      return;
    }
    page = await page.next();
    into.requests += 1;
    if (page.total !== total) into.unstable = true;
  }
}

/**
 * Runs one poll over a feed; `state` is the previous poll's (undefined: record a baseline).
 * The first page, newest first, usually reaches the lower bound: one request. When more changed
 * than a page holds, the rest is read oldest first from the lower bound (so a poll that stops at
 * its page cap has read everything before where it stopped, and the next poll goes on from there).
 */
export async function pollFeed(
  feed: Feed,
  state: PollState | undefined,
  options: PollerOptions = DEFAULT_POLLER,
): Promise<PollResult & { requests: number }> {
  const saved = readState(state);
  const first = await feed.newest();
  const serverTime = first.serverTime;
  const newestTime = first.items[0]?.time;
  // Baseline: "now" is the server's time (or, without a Date header, the newest item's).
  const lower = saved?.from ?? (serverTime ?? newestTime ?? 0) - options.windowMs;
  const reading: Read = {
    collected: [],
    requests: 1,
    unstable: false,
    cappedAt: undefined,
    reachedLower: false,
  };
  const onePage = { ...first, next: undefined };
  await read(
    feed.since === undefined ? first : onePage,
    lower,
    Number.POSITIVE_INFINITY,
    false,
    reading,
  );
  if (!reading.reachedLower && first.next !== undefined && feed.since !== undefined) {
    // More than a page changed: read oldest first from the lower bound (whole minutes, rounded
    // up, counted on the server's clock), up to the page cap.
    const minutes = Math.ceil(((serverTime ?? newestTime ?? lower) - lower) / 60_000) + 1;
    reading.requests += 1;
    await read(await feed.since(minutes), lower, options.maxPages, true, reading);
  }
  const collected = reading.collected.sort((a, b) => b.time - a.time);

  const seenBefore = new Map(saved?.seen ?? []);
  const events: unknown[] = [];
  if (saved !== undefined) {
    const emitted = new Set<string>();
    const delivered = new Set<string>();
    // Newest first: the first occurrence of an id is its latest version.
    for (const observed of collected) {
      if (seenBefore.has(observed.key) || emitted.has(observed.id)) continue;
      if (delivered.has(observed.key)) continue;
      emitted.add(observed.id);
      delivered.add(observed.key);
      events.push(observed.item);
    }
    events.reverse();
  }

  // Advance only after a complete, stable read; otherwise read the same range again next time.
  const now = serverTime ?? newestTime;
  let from = lower;
  if (reading.unstable || now === undefined) from = lower;
  else if (reading.cappedAt !== undefined) from = Math.max(lower, reading.cappedAt);
  else from = Math.max(lower, now - options.windowMs);
  const seen = new Map<string, number>();
  for (const [key, time] of seenBefore) if (time >= from) seen.set(key, time);
  for (const observed of collected)
    if (observed.time >= from) seen.set(observed.key, observed.time);
  const next: SavedState = { v: 1, from, seen: [...seen] };
  return {
    events,
    state: next as unknown as PollState,
    baseline: saved === undefined,
    requests: reading.requests,
  };
}

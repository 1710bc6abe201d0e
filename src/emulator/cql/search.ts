// One CQL search over the store: matches in ORDER BY order, the requested window of them and
// their total. Two strategies, same answers (test/emulator/cql-time-index.test.ts checks them
// against each other):
// - collect: candidates from the narrowest index (plan.ts), each turned into a document and
//   checked, then sorted: cost grows with the candidate set;
// - ordered (ordered.ts): queries ordered by created/lastmodified over pages and blog posts read
//   the time indexes in order and stop once the window is full: cost grows with the window.
import { hidesAnything, visibleTo } from "../domain/visibility.js";
import type { UserRecord } from "../model.js";
import type { Store } from "../store.js";
import { prefersTimeOrder } from "./cost.js";
import { type SearchItem, type SearchStats, searchableDocuments } from "./documents.js";
import { compileCql } from "./evaluate.js";
import { orderedSearch, rangeSize } from "./ordered.js";
import { parseCql } from "./parse.js";
import { planCql } from "./plan.js";
import { planTimeOrder } from "./time-plan.js";

export interface SearchRequest {
  cql: string;
  start: number;
  limit: number;
  /** /content/search: spaces are not content. */
  contentOnly: boolean;
  /** Whether the total is wanted (/search's totalSize); without it a search may stop early. */
  needTotal: boolean;
  user: UserRecord;
  now: Date;
}

export interface SearchOptions {
  /** false: no index at all, every content of the site is a candidate (the reference). */
  indexes?: boolean;
  /** Counts the work done (documents built), for tests. */
  stats?: SearchStats;
}

export interface SearchOutcome {
  /** The matches from `start`, at most `limit`. */
  slice: SearchItem[];
  /** Every match's count; undefined when not asked for (`needTotal: false`) and not known. */
  total: number | undefined;
  /** Where the next window starts; undefined when this was the last one. */
  next: number | undefined;
}

/** Throws CqlSyntaxError for a query Confluence would refuse. */
export function searchCql(
  store: Store,
  request: SearchRequest,
  options: SearchOptions = {},
): SearchOutcome {
  const parsed = parseCql(request.cql);
  const ctx = { now: request.now, currentUserId: request.user.accountId };
  const compiled = compileCql(parsed, ctx);
  const useIndexes = options.indexes ?? true;
  const plan = useIndexes ? planCql(parsed.where) : {};
  const visible = visibleTo(store, request.user);
  const timePlan = useIndexes ? planTimeOrder(parsed, plan, ctx) : undefined;
  const hides = hidesAnything(store, request.user);
  const wanted = request.needTotal ? undefined : request.start + request.limit;
  if (
    timePlan !== undefined &&
    ((timePlan.exact && !hides) ||
      prefersTimeOrder(store, plan, rangeSize(store, timePlan), wanted))
  ) {
    return orderedSearch(store, {
      plan,
      timePlan,
      compiled,
      visible,
      hidesAnything: hides,
      start: request.start,
      limit: request.limit,
      needTotal: request.needTotal,
      stats: options.stats,
    });
  }
  const matches: SearchItem[] = [];
  for (const item of searchableDocuments(store, plan, options.stats)) {
    // The one place both search routes filter hits.
    if (request.contentOnly && item.hit.kind === "space") continue;
    if (compiled.matches(item.doc) && visible(item.hit.record)) matches.push(item);
  }
  matches.sort((a, b) => compiled.compare(a.doc, b.doc));
  const slice = matches.slice(request.start, request.start + request.limit);
  const nextStart = request.start + slice.length;
  return {
    slice,
    total: matches.length,
    next: nextStart < matches.length ? nextStart : undefined,
  };
}

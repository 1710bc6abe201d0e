// The one pipeline of every v2 list route: declared filters → view key computed from them →
// filter and sort (cached until the next write) → cursor slice → `sendList`. The key is built
// from the same `filters` object the predicates read, so a filter cannot be left out of it and
// serve a stale list.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { MultiEntityResult } from "../types/confluence.js";
import type { SiteContext } from "./context.js";
import { hidesAnything, visibleTo } from "./domain/visibility.js";
import { query, sendList } from "./http.js";
import { single } from "./params.js";
import { type SortSpec, sliceAfter, sliceOrdered, sortItems } from "./sorting.js";

export interface ListView<T, F> {
  /** The family of views, e.g. `pages`; part of the key. */
  view: string;
  /** Every parsed value the candidates and predicate depend on (JSON-serialisable). */
  filters: F;
  /** Where to look (an index of the store when a filter allows it). */
  candidates: (filters: F) => Iterable<T>;
  /** Which candidates match; all when absent. */
  keep?: (item: T, filters: F) => boolean;
  sort: SortSpec<T>;
  /**
   * The candidates are one array in ascending `num` order (an index of the store, e.g. a space's
   * pages). With the `id` sort the page is then read straight from it: O(log n + page) even
   * right after a write, where a cached view would be rebuilt in O(n log n).
   */
  idOrdered?: boolean;
  limit: number;
  serialize: (item: T) => unknown;
}

export function sendView<T extends { num: number }, F>(
  ctx: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  list: ListView<T, F>,
): MultiEntityResult<unknown> {
  const { filters, keep, sort } = list;
  // perms: a user from whom the site hides something gets a view of their own, without what
  // they may not see (domain/visibility.ts); everyone else shares the unfiltered view.
  const user = ctx.user(request);
  const restricted = hidesAnything(ctx.store, user);
  const visible = visibleTo(ctx.store, user);
  const cursor = single(query(request), "cursor");
  if (list.idOrdered === true && sort.name === "id") {
    const candidates = list.candidates(filters);
    if (Array.isArray(candidates)) {
      const slice = sliceOrdered(
        candidates as readonly T[],
        sort,
        cursor,
        list.limit,
        (item) => (keep === undefined || keep(item, filters)) && visible(item),
      );
      return sendList(
        request,
        reply,
        slice.items.map(list.serialize),
        slice.nextCursor,
        list.limit,
      );
    }
  }
  const key = `${list.view}|${JSON.stringify(filters)}|${sort.name}${restricted ? `|as:${user.accountId}` : ""}`;
  const sorted = ctx.views.get(key, ctx.store.generation, () => {
    const matches: T[] = [];
    for (const item of list.candidates(filters)) {
      if ((keep === undefined || keep(item, filters)) && visible(item)) matches.push(item);
    }
    return sortItems(matches, sort);
  });
  const slice = sliceAfter(sorted, sort, cursor, list.limit);
  return sendList(request, reply, slice.items.map(list.serialize), slice.nextCursor, list.limit);
}

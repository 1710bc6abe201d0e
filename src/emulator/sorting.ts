// Sorted list views with keyset pagination. Views are cached per (scope, filters, sort) and
// recomputed only after a write, so paging through a 100k list costs O(log n) per request.
import { type CursorPosition, decodeCursor, encodeCursor, type SortValue } from "./cursor.js";

export interface SortSpec<T> {
  /** The `sort` parameter value, e.g. `-created-date`; part of the cursor. */
  name: string;
  key: (item: T) => SortValue;
  descending: boolean;
}

interface Numbered {
  num: number;
}

function compareKeys(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareTo<T extends Numbered>(spec: SortSpec<T>, key: SortValue, num: number, item: T) {
  const primary = compareKeys(key, spec.key(item)) * (spec.descending ? -1 : 1);
  return primary !== 0 ? primary : num - item.num;
}

export function sortItems<T extends Numbered>(items: T[], spec: SortSpec<T>): T[] {
  return [...items].sort((a, b) => compareTo(spec, spec.key(a), a.num, b));
}

export interface Slice<T> {
  items: T[];
  nextCursor: string | undefined;
}

/** Items after the cursor position (binary search), at most `limit`. */
export function sliceAfter<T extends Numbered>(
  sorted: T[],
  spec: SortSpec<T>,
  cursor: string | undefined,
  limit: number,
): Slice<T> {
  let start = 0;
  if (cursor !== undefined) {
    const position: CursorPosition = decodeCursor(cursor, spec.name);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // First item strictly after the position.
      if (compareTo(spec, position.key, position.num, sorted[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    start = lo;
  }
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  const nextCursor =
    start + limit < sorted.length && last
      ? encodeCursor({ sort: spec.name, key: spec.key(last), num: last.num })
      : undefined;
  return { items, nextCursor };
}

/**
 * Like sliceAfter over items already in ascending `num` order, filtering as it goes: finds the
 * cursor by binary search and scans only until the page is full (plus one to know if more exist).
 */
export function sliceOrdered<T extends Numbered>(
  ordered: readonly T[],
  spec: SortSpec<T>,
  cursor: string | undefined,
  limit: number,
  keep: (item: T) => boolean,
): Slice<T> {
  let start = 0;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor, spec.name).num;
    let hi = ordered.length;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if (ordered[mid]!.num > after) hi = mid;
      else start = mid + 1;
    }
  }
  const items: T[] = [];
  let more = false;
  for (let i = start; i < ordered.length; i++) {
    const item = ordered[i]!;
    if (!keep(item)) continue;
    if (items.length === limit) {
      more = true;
      break;
    }
    items.push(item);
  }
  const last = items[items.length - 1];
  const nextCursor =
    more && last
      ? encodeCursor({ sort: spec.name, key: spec.key(last), num: last.num })
      : undefined;
  return { items, nextCursor };
}

/** Bounded cache of sorted views, invalidated by the store generation. */
export class ViewCache {
  private readonly views = new Map<string, { generation: number; items: unknown[] }>();

  constructor(private readonly maxViews = 200) {}

  get<T>(key: string, generation: number, compute: () => T[]): T[] {
    const cached = this.views.get(key);
    if (cached && cached.generation === generation) return cached.items as T[];
    const items = compute();
    if (this.views.size >= this.maxViews) this.views.clear();
    this.views.set(key, { generation, items });
    return items;
  }

  clear(): void {
    this.views.clear();
  }
}

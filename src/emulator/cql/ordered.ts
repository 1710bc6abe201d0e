// A search ordered by created/lastmodified over pages and blog posts (time-plan.ts), read from
// the store's time indexes in ORDER BY order: documents are built only for the entries read, and
// the read stops once the window (and one more match, for `next`) is found. The total is then
// counted from index positions when the range alone decides the matches (`exact`) and nobody's
// content is hidden from the caller; otherwise the rest of the range is checked with the query
// (cheap documents, no sorting).
import type { PageRecord } from "../model.js";
import type { Store } from "../store.js";
import type { TimeIndex } from "../time-index.js";
import { pageDocument, type SearchItem, type SearchStats } from "./documents.js";
import type { CompiledCql } from "./evaluate.js";
import type { CqlPlan } from "./plan.js";
import type { TimePlan } from "./time-plan.js";

export interface OrderedSearch {
  plan: CqlPlan;
  timePlan: TimePlan;
  compiled: CompiledCql;
  visible: (record: unknown) => boolean;
  /** Whether some content of the site is hidden from the caller (visibility.ts). */
  hidesAnything: boolean;
  start: number;
  limit: number;
  /** /search reports `totalSize`; /content/search does not, and stops at the window. */
  needTotal: boolean;
  stats: SearchStats | undefined;
}

/** One index's slice, read forwards or backwards. */
class Cursor {
  private at: number;

  constructor(
    private readonly index: TimeIndex<PageRecord>,
    private readonly from: number,
    private readonly to: number,
    private readonly descending: boolean,
  ) {
    this.at = descending ? to - 1 : from;
  }

  peek(): PageRecord | undefined {
    const inside = this.descending ? this.at >= this.from : this.at < this.to;
    return inside ? this.index.entries[this.at] : undefined;
  }

  advance(): void {
    this.at += this.descending ? -1 : 1;
  }

  /** The entries not read yet (in index order: for counting). */
  *rest(): Generator<PageRecord> {
    const [from, to] = this.descending ? [this.from, this.at + 1] : [this.at, this.to];
    for (let at = from; at < to; at++) yield this.index.entries[at]!;
  }
}

/** Entries of the plan's kinds within its range, in groups of equal time, in ORDER BY order. */
function cursorsOf(store: Store, timePlan: TimePlan): Cursor[] {
  return timePlan.kinds.map((kind) => {
    const index = store.timeOrder.of(kind, timePlan.field);
    const { from, to } = index.range(timePlan.min, timePlan.max);
    return new Cursor(index, from, to, timePlan.descending);
  });
}

function* timeGroups(cursors: readonly Cursor[], timePlan: TimePlan): Generator<PageRecord[]> {
  const timeOf =
    timePlan.field === "created"
      ? (page: PageRecord) => Date.parse(page.createdAt)
      : (page: PageRecord) => Date.parse(page.current.version.createdAt);
  const sign = timePlan.descending ? -1 : 1;
  for (;;) {
    let next: number | undefined;
    for (const cursor of cursors) {
      const head = cursor.peek();
      if (head === undefined) continue;
      const time = timeOf(head);
      if (next === undefined || (time - next) * sign < 0) next = time;
    }
    if (next === undefined) return;
    const group: PageRecord[] = [];
    for (const cursor of cursors) {
      for (let head = cursor.peek(); head !== undefined && timeOf(head) === next; ) {
        group.push(head);
        cursor.advance();
        head = cursor.peek();
      }
    }
    yield group;
  }
}

/** What the plan's narrowing clauses reject, read off the record (no document needed). */
function prefilter(store: Store, plan: CqlPlan): (page: PageRecord) => boolean {
  const checks: ((page: PageRecord) => boolean)[] = [];
  if (plan.ids) {
    const ids = new Set(plan.ids);
    checks.push((page) => ids.has(page.id));
  }
  if (plan.spaceKeys) {
    const keys = new Set(plan.spaceKeys);
    checks.push((page) => keys.has(store.spaces.get(page.spaceId)?.key ?? ""));
  }
  if (plan.parents) {
    const parents = new Set(plan.parents);
    checks.push((page) => page.parentId !== undefined && parents.has(page.parentId));
  }
  if (plan.labels) {
    const names = new Set(plan.labels.map((name) => name.toLowerCase()));
    checks.push((page) => page.labels.some((label) => names.has(label.name.toLowerCase())));
  }
  if (plan.ancestors) {
    const ancestors = new Set(plan.ancestors);
    checks.push((page) => hasAncestor(store, page, ancestors));
  }
  // Pages and blog posts have no container: `container = X` finds none of them.
  if (plan.containers) checks.push(() => false);
  return (page) => checks.every((check) => check(page));
}

/** Far deeper than any real tree; bounds the walk should a parent chain ever loop. */
const MAX_DEPTH = 10_000;

function hasAncestor(store: Store, page: PageRecord, ancestors: ReadonlySet<string>): boolean {
  if (page.kind !== "page") return false;
  let id = page.parentId;
  for (let depth = 0; id !== undefined && depth < MAX_DEPTH; depth++) {
    if (ancestors.has(id)) return true;
    id = store.pages.get(id)?.parentId;
  }
  return false;
}

export function orderedSearch(
  store: Store,
  search: OrderedSearch,
): { slice: SearchItem[]; total: number | undefined; next: number | undefined } {
  const { timePlan, compiled, visible, stats } = search;
  const wanted = search.start + search.limit;
  const admits = prefilter(store, search.plan);
  const countable = timePlan.exact && !search.hidesAnything;
  const stopEarly = countable || !search.needTotal;
  const window: SearchItem[] = [];
  let matched = 0;
  const cursors = cursorsOf(store, timePlan);
  for (const group of timeGroups(cursors, timePlan)) {
    if (matched > wanted && timePlan.recordDecided) {
      // Past the window, a match is a record the plan admits and the caller may view: count
      // the rest of the range in any order.
      for (const page of group) if (admits(page) && visible(page)) matched += 1;
      for (const cursor of cursors) {
        for (const page of cursor.rest()) if (admits(page) && visible(page)) matched += 1;
      }
      break;
    }
    const items: SearchItem[] = [];
    for (const page of group) {
      if (!admits(page)) continue;
      if (stats) stats.documents += 1;
      const doc = pageDocument(store, page);
      if (compiled.matches(doc) && visible(page))
        items.push({ doc, hit: { kind: "page", record: page } });
    }
    // Equal times: the rest of ORDER BY (and the id) decides, as in the full sort.
    if (items.length > 1) items.sort((a, b) => compiled.compare(a.doc, b.doc));
    for (const item of items) {
      if (matched >= search.start && matched < wanted) window.push(item);
      matched += 1;
    }
    // One match past the window tells whether there is a next one; the total may need them all.
    if (matched > wanted && stopEarly) break;
  }
  const total = countable ? rangeSize(store, timePlan) : matched;
  const next = wanted < total ? search.start + window.length : undefined;
  if (stopEarly && !countable) return { slice: window, total: undefined, next };
  return { slice: window, total, next };
}

/** The entries in the plan's range (an exact plan's matches), from positions (binary searches). */
export function rangeSize(store: Store, timePlan: TimePlan): number {
  let total = 0;
  for (const kind of timePlan.kinds) {
    const { from, to } = store.timeOrder.of(kind, timePlan.field).range(timePlan.min, timePlan.max);
    total += to - from;
  }
  return total;
}

// Content of one kind in time order (created or last modified), so that CQL's
// `ORDER BY created|lastmodified` and date ranges read the newest or oldest entries first
// instead of sorting the whole site (cql/ordered.ts).
//
// A sorted array of records, ordered by (time, num). Why not a B-tree: writes stamp content
// with the current time, so inserts almost always land at the end (a push); a removal or an
// out-of-order insert is one splice (a memmove of 8 bytes per entry behind it, ~1 ms at a
// million entries), reads are binary searches and the array costs 8 bytes per entry, no node
// objects for the garbage collector to trace.

/** What the index orders: a record's time (epoch ms) and its numeric id (tie-break). */
export interface Timed {
  readonly num: number;
}

export class TimeIndex<T extends Timed> {
  /** Ascending by (timeOf(record), num). */
  readonly entries: T[] = [];

  constructor(private readonly timeOf: (record: T) => number) {}

  get size(): number {
    return this.entries.length;
  }

  /** First position whose entry sorts at or after (time, num). */
  private lowerBound(time: number, num: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const entry = this.entries[mid]!;
      const t = this.timeOf(entry);
      if (t < time || (t === time && entry.num < num)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(record: T): void {
    const time = this.timeOf(record);
    const last = this.entries[this.entries.length - 1];
    const lastTime = last === undefined ? Number.NEGATIVE_INFINITY : this.timeOf(last);
    if (last === undefined || lastTime < time || (lastTime === time && last.num < record.num)) {
      this.entries.push(record);
      return;
    }
    this.entries.splice(this.lowerBound(time, record.num), 0, record);
  }

  /** Removes the record; its time must be the one it was inserted with. */
  remove(record: T): void {
    const at = this.lowerBound(this.timeOf(record), record.num);
    if (this.entries[at] === record) this.entries.splice(at, 1);
  }

  /** Positions [from, to) of the entries whose time lies in [min, max] (inclusive ms). */
  range(min: number, max: number): { from: number; to: number } {
    if (min > max) return { from: 0, to: 0 };
    return {
      from: this.lowerBound(min, Number.NEGATIVE_INFINITY),
      to: this.lowerBound(max, Number.POSITIVE_INFINITY),
    };
  }
}

/** The time fields CQL can order and range over. */
export type TimeField = "created" | "lastmodified";

interface Dated extends Timed {
  readonly kind: "page" | "blogpost";
  readonly createdAt: string;
  readonly current: { readonly version: { readonly createdAt: string } };
}

const createdOf = (record: Dated) => Date.parse(record.createdAt);
const modifiedOf = (record: Dated) => Date.parse(record.current.version.createdAt);

/** The current pages and blog posts by creation and by last change (what CQL finds). */
export class ContentTimeIndexes<T extends Dated> {
  readonly pageCreated = new TimeIndex<T>(createdOf);
  readonly pageModified = new TimeIndex<T>(modifiedOf);
  readonly blogpostCreated = new TimeIndex<T>(createdOf);
  readonly blogpostModified = new TimeIndex<T>(modifiedOf);

  of(kind: "page" | "blogpost", field: TimeField): TimeIndex<T> {
    if (kind === "page") return field === "created" ? this.pageCreated : this.pageModified;
    return field === "created" ? this.blogpostCreated : this.blogpostModified;
  }

  add(record: T): void {
    this.of(record.kind, "created").insert(record);
    this.of(record.kind, "lastmodified").insert(record);
  }

  remove(record: T): void {
    this.of(record.kind, "created").remove(record);
    this.of(record.kind, "lastmodified").remove(record);
  }
}

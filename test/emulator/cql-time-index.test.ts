// CQL over the time indexes (src/emulator/time-index.ts, cql/ordered.ts): queries ordered by
// created/lastmodified read only their window (counted in documents built, not wall time), and
// every indexed search answers exactly what the unindexed evaluation (every content of the site
// checked and sorted) answers, over random sites, writes and queries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchCql } from "../../src/emulator/cql/search.js";
import {
  deletePage,
  restoreFromTrash,
  retitle,
  saveRevision,
} from "../../src/emulator/domain/pages.js";
import { generateSpace } from "../../src/emulator/generate.js";
import type { PageRecord, UserRecord } from "../../src/emulator/model.js";
import { captureHolder, restoreHolder } from "../../src/emulator/persistence/state-graph.js";
import { makePage } from "../../src/emulator/records.js";
import { seedDemo } from "../../src/emulator/seed.js";
import { Store } from "../../src/emulator/store.js";

const OWNER: UserRecord = {
  email: "owner@example.com",
  apiToken: "t1",
  accountId: "acc-owner",
  displayName: "Owner",
};
const OTHER: UserRecord = {
  email: "other@example.com",
  apiToken: "t2",
  accountId: "acc-other",
  displayName: "Other",
};
/** An hour after the generated pages' creation began (2024-02-01, one second apart). */
const NOW = new Date("2024-02-01T01:00:00Z");

function site(pages: number): Store {
  const store = new Store([{ ...OWNER }, { ...OTHER }]);
  seedDemo(store);
  generateSpace(store, { pages, propertiesPerPage: 0, labelsPerPage: 1, commentEvery: 10 });
  return store;
}

function search(
  store: Store,
  cql: string,
  options: {
    start?: number;
    limit?: number;
    indexes?: boolean;
    needTotal?: boolean;
    user?: UserRecord;
  } = {},
) {
  const stats = { documents: 0 };
  const outcome = searchCql(
    store,
    {
      cql,
      start: options.start ?? 0,
      limit: options.limit ?? 25,
      contentOnly: false,
      needTotal: options.needTotal ?? true,
      user: options.user ?? store.users[0]!,
      now: NOW,
    },
    { indexes: options.indexes, stats },
  );
  return { ...outcome, ids: outcome.slice.map((item) => item.doc.id), documents: stats.documents };
}

describe("ordered CQL reads only its window", () => {
  const small = site(2_000);
  const large = site(8_000);
  const queries = [
    "type = page ORDER BY lastmodified DESC",
    "type = page ORDER BY created",
    // The New and Updated Pages trigger's catch-up query (src/catalog/triggers/feeds.ts).
    'type IN (page, blogpost) AND lastmodified >= now("-30m") ORDER BY lastmodified ASC',
    'type = page AND lastmodified >= "2024-02-01 00:10" ORDER BY lastmodified DESC',
    'type = page AND created < "2024-02-01 00:20" ORDER BY created DESC',
  ];

  for (const cql of queries) {
    it(`${cql}: the same documents at 2,000 and 8,000 pages, and the unindexed answer`, () => {
      const [a, b] = [search(small, cql), search(large, cql)];
      // The window (25) and the one match after it: independent of the site's size.
      expect(a.documents).toBeLessThanOrEqual(26);
      expect(b.documents).toBe(a.documents);
      const reference = search(large, cql, { indexes: false });
      expect(reference.documents).toBeGreaterThan(8_000);
      expect(b.ids).toEqual(reference.ids);
      expect(b.total).toBe(reference.total);
      expect(b.next).toBe(reference.next);
    });
  }

  it("few candidates (a label on 1% of pages) are collected from the label index", () => {
    const cql = 'type = page AND label = "gen-7" ORDER BY lastmodified DESC';
    const counted = search(large, cql);
    const reference = search(large, cql, { indexes: false });
    expect(counted.ids).toEqual(reference.ids);
    expect(counted.total).toBe(80);
    // /content/search (no totalSize) stops after the window: 26 matches, one in 100 pages.
    const windowOnly = search(large, cql, { needTotal: false });
    expect(windowOnly.ids).toEqual(reference.ids);
    expect(windowOnly.documents).toBeLessThan(3_000);
  });

  it("a big subtree or label set ordered by time: documents for the window only, the total counted on records", () => {
    const root = large.spacesByKey.get("GEN")!.homepageId;
    for (const cql of [
      `ancestor = ${root} AND type = page ORDER BY lastmodified DESC`,
      'type = page AND label = "gen-7" AND space = GEN ORDER BY created DESC',
    ]) {
      const indexed = search(large, cql, { limit: 25 });
      const reference = search(large, cql, { limit: 25, indexes: false });
      expect(indexed.ids).toEqual(reference.ids);
      expect(indexed.total).toBe(reference.total);
      expect(indexed.next).toBe(reference.next);
    }
    const subtree = search(large, `ancestor = ${root} AND type = page ORDER BY lastmodified DESC`);
    expect(subtree.total).toBe(7_999);
    expect(subtree.documents).toBeLessThanOrEqual(26);
  });

  it("a write moves the page to the top of ORDER BY lastmodified DESC", () => {
    const store = site(500);
    const page = store.pages.get(search(store, "type = page ORDER BY created").ids[3]!)!;
    saveRevision(store, page, {
      status: "current",
      title: "Edited",
      body: "<p>x</p>",
      version: { number: 2, message: "" },
      parentId: undefined,
      ownerId: undefined,
      authorId: OWNER.accountId,
      now: "2025-01-01T00:00:00.000Z",
    });
    const top = search(store, "type = page ORDER BY lastmodified DESC", { limit: 1 });
    expect(top.ids).toEqual([page.id]);
    deletePage(store, page, { purge: false, draft: false });
    expect(search(store, "type = page ORDER BY lastmodified DESC", { limit: 1 }).ids).not.toEqual([
      page.id,
    ]);
  });
});

describe("time indexes in saved state", () => {
  it("a restored store answers ordered searches as the saved one", () => {
    const saved = site(300);
    const page = saved.pages.get(search(saved, "type = page ORDER BY created").ids[5]!)!;
    retitle(saved, page, {
      status: "current",
      title: "Renamed",
      authorId: OWNER.accountId,
      now: iso(900),
    });
    const restored = new Store([{ ...OWNER }, { ...OTHER }]);
    restoreHolder(restored, structuredClone(captureHolder(saved, new Set())));
    const cql = "type = page ORDER BY lastmodified DESC";
    expect(search(restored, cql).ids).toEqual(search(saved, cql).ids);
    expect(search(restored, cql).ids[0]).toBe(page.id);
    // The restored index holds the restored records: a write there reorders it.
    const other = restored.pages.get(search(restored, cql).ids[3]!)!;
    retitle(restored, other, {
      status: "current",
      title: "Again",
      authorId: OWNER.accountId,
      now: iso(901),
    });
    expect(search(restored, cql, { limit: 1 }).ids).toEqual([other.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// Random sites, writes and queries: indexed and unindexed searches agree.

const BASE = Date.UTC(2024, 1, 1);
const iso = (offsetMinutes: number) => new Date(BASE + offsetMinutes * 60_000).toISOString();

type Write =
  | { kind: "revise"; page: number; at: number }
  | { kind: "retitle"; page: number; at: number }
  | { kind: "trash"; page: number }
  | { kind: "restore"; page: number }
  | { kind: "restrict"; page: number }
  | { kind: "blogpost"; at: number };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant("revise" as const),
    page: fc.nat(400),
    at: fc.integer({ min: -600, max: 3000 }),
  }),
  fc.record({
    kind: fc.constant("retitle" as const),
    page: fc.nat(400),
    at: fc.integer({ min: -600, max: 3000 }),
  }),
  fc.record({ kind: fc.constant("trash" as const), page: fc.nat(400) }),
  fc.record({ kind: fc.constant("restore" as const), page: fc.nat(400) }),
  fc.record({ kind: fc.constant("restrict" as const), page: fc.nat(400) }),
  fc.record({ kind: fc.constant("blogpost" as const), at: fc.integer({ min: -600, max: 3000 }) }),
);

function apply(store: Store, write: Write, serial: number): void {
  const all = [...store.pages.values()];
  const page: PageRecord | undefined = "page" in write ? all[write.page % all.length] : undefined;
  try {
    switch (write.kind) {
      case "revise":
        if (page?.status !== "current") return;
        saveRevision(store, page, {
          status: "current",
          title: `${page.current.title} r${serial}`,
          body: "<p>revised</p>",
          version: { number: page.current.version.number + 1, message: "" },
          parentId: undefined,
          ownerId: undefined,
          authorId: OTHER.accountId,
          now: iso(write.at),
        });
        return;
      case "retitle":
        if (page?.status !== "current") return;
        retitle(store, page, {
          status: "current",
          title: `T${serial}`,
          authorId: OWNER.accountId,
          now: iso(write.at),
        });
        return;
      case "trash":
        if (page) deletePage(store, page, { purge: false, draft: false });
        return;
      case "restore":
        if (page?.status === "trashed") restoreFromTrash(store, page, "current");
        return;
      case "restrict":
        if (page) store.restrictViewing(page, [OWNER.accountId]);
        return;
      default: {
        const space = store.spacesByKey.get("GEN")!;
        store.addPage(
          makePage({
            num: store.allocateId(),
            kind: "blogpost",
            spaceId: space.id,
            parentId: undefined,
            title: `Post ${serial}`,
            body: "<p>post</p>",
            status: "current",
            authorId: OWNER.accountId,
            createdAt: iso(write.at),
          }),
        );
      }
    }
  } catch {
    // A write the rules refuse (a title taken, a version conflict) changes nothing.
  }
}

const dateValue = fc.oneof(
  fc.integer({ min: -2, max: 4 }).map((d) => `"2024-02-0${3 + d > 0 ? 3 + d : 1}"`),
  fc.integer({ min: 0, max: 59 }).map((m) => `"2024-02-01 00:${String(m).padStart(2, "0")}"`),
  fc.integer({ min: 1, max: 48 }).map((h) => `now("-${h}h")`),
  fc.constantFrom("startOfDay()", 'startOfDay("-1d")', "endOfDay()", 'startOfMonth("-1M")'),
);
const dateClause = fc
  .tuple(
    fc.constantFrom("created", "lastmodified"),
    fc.constantFrom("=", "!=", ">", ">=", "<", "<="),
    dateValue,
  )
  .map(([field, op, value]) => `${field} ${op} ${value}`);
const typeClause = fc.constantFrom(
  "type = page",
  "type = blogpost",
  "type IN (page, blogpost)",
  "type = PAGE",
);
const otherClause = fc.oneof(
  fc.constantFrom(
    "space = GEN",
    "space = ENG",
    'title ~ "page"',
    'label = "gen-3"',
    "creator = acc-other",
  ),
  fc.nat(60).map((n) => `ancestor = ${1_000_000 + n}`),
  fc.nat(60).map((n) => `parent = ${1_000_000 + n}`),
);
const queryArb = fc
  .record({
    type: typeClause,
    dates: fc.array(dateClause, { maxLength: 2 }),
    others: fc.array(otherClause, { maxLength: 2 }),
    or: fc.option(fc.tuple(dateClause, otherClause), { nil: undefined }),
    order: fc.constantFrom(
      "created",
      "lastmodified",
      "created DESC",
      "lastmodified DESC",
      "lastmodified DESC, title",
    ),
  })
  .map(({ type, dates, others, or, order }) => {
    const clauses = [type, ...dates, ...others, ...(or ? [`(${or[0]} OR ${or[1]})`] : [])];
    return `${clauses.join(" AND ")} ORDER BY ${order}`;
  });

describe("indexed and unindexed CQL agree", () => {
  it("over random sites, writes and queries", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(writeArb, { maxLength: 25 }),
        fc.array(
          fc.record({
            cql: queryArb,
            start: fc.nat(30),
            limit: fc.nat(30),
            other: fc.boolean(),
            needTotal: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (pages, writes, queries) => {
          const store = site(pages);
          for (const [serial, write] of writes.entries()) apply(store, write, serial);
          for (const query of queries) {
            const options = {
              start: query.start,
              limit: query.limit,
              user: query.other ? OTHER : OWNER,
            };
            const indexed = search(store, query.cql, { ...options, needTotal: query.needTotal });
            const reference = search(store, query.cql, { ...options, indexes: false });
            expect(indexed.ids, query.cql).toEqual(reference.ids);
            expect(indexed.next, query.cql).toBe(reference.next);
            if (query.needTotal) expect(indexed.total, query.cql).toBe(reference.total);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

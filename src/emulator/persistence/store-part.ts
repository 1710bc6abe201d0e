// A Store as a journaled part. Its collections (store-layout.ts) report the keys a request
// reached: every get, set and delete on them marks the key. Domain code changes records in
// place after fetching them by id (`page.status = "trashed"`), so a record fetched while a write
// is handled counts as possibly changed; the journal holds the marked records as they are after the write (at most a
// few per request, whatever the site's size). The other fields are small and journaled whole
// when their serialized bytes differ from the last ones journaled. Indexes are never journaled:
// a replay rebuilds them (store-reindex.ts).
import { deserialize, serialize } from "node:v8";
import type { Store } from "../store.js";
import type { JournaledPart } from "./journaled.js";
import { holderPart } from "./state.js";
import { type CapturedHolder, captureHolder, refill } from "./state-graph.js";
import { COLLECTIONS, fieldOf, INDEXES, mapAt } from "./store-layout.js";
import { reindexStore } from "./store-reindex.js";
import type { WriteWindow } from "./write-window.js";

/** One journal record's share of a store: changed entries, and small fields whose bytes changed. */
interface StoreDelta {
  /** [collection, [key, record or undefined when deleted][]] */
  entries: [string, [string, unknown][]][];
  fields: [string, Buffer][];
}

const SKIPPED = new Set([...COLLECTIONS, ...INDEXES]);

/** Dotted paths of the fields journaled whole: every data field not listed in store-layout.ts. */
function smallFields(store: Store): string[] {
  // At any depth: the time indexes sit two holders deep (timeOrder.pageCreated.entries).
  const pathsOf = (captured: CapturedHolder, prefix: string): string[] => [
    ...Object.keys(captured.data).map((field) => `${prefix}${field}`),
    ...Object.entries(captured.holders).flatMap(([name, nested]) =>
      pathsOf(nested, `${prefix}${name}.`),
    ),
  ];
  return pathsOf(captureHolder(store, new Set()), "").filter((path) => !SKIPPED.has(path));
}

const { get, set, delete: remove, clear, keys } = Map.prototype;

/**
 * Makes `map` report the keys reached through it (own methods: no other map is affected); a get
 * counts only while a write is handled, since only writes change what they fetch.
 */
function instrument(
  map: Map<string, unknown>,
  mark: (key: string) => void,
  writes: WriteWindow,
): void {
  const methods = {
    get(this: Map<string, unknown>, key: string) {
      if (writes.open) mark(key);
      return get.call(this, key);
    },
    set(this: Map<string, unknown>, key: string, value: unknown) {
      mark(key);
      return set.call(this, key, value);
    },
    delete(this: Map<string, unknown>, key: string) {
      mark(key);
      return remove.call(this, key);
    },
    clear(this: Map<string, unknown>) {
      for (const key of keys.call(this)) mark(key as string);
      clear.call(this);
    },
  };
  for (const [name, value] of Object.entries(methods)) {
    Object.defineProperty(map, name, { value, configurable: true, writable: true });
  }
}

export function storePart(holder: () => Store, writes: WriteWindow): JournaledPart {
  const whole = holderPart(holder);
  let tracked: Store | undefined;
  let dirty = new Map<string, Set<string>>();
  let fieldBytes = new Map<string, Buffer>();
  let replayedInto: Store | undefined;

  const fieldBytesOf = (store: Store, path: string): Buffer => {
    const { holder: owner, name } = fieldOf(store, path);
    return serialize(owner[name]);
  };

  return {
    ...whole,
    baseline() {
      const store = holder();
      if (store !== tracked) {
        tracked = store;
        for (const path of COLLECTIONS) {
          const marked = () => {
            let keysOf = dirty.get(path);
            if (!keysOf) {
              keysOf = new Set();
              dirty.set(path, keysOf);
            }
            return keysOf;
          };
          instrument(
            mapAt(store, path),
            (key) => {
              // The old store of a reset marks nothing: it is no longer the state.
              if (tracked === store) marked().add(key);
            },
            writes,
          );
        }
      }
      dirty = new Map();
      fieldBytes = new Map(smallFields(store).map((path) => [path, fieldBytesOf(store, path)]));
    },
    delta() {
      const store = holder();
      if (store !== tracked) return "snapshot"; // replaced (a reset): nothing to diff against
      const entries: StoreDelta["entries"] = [];
      for (const [path, marked] of dirty) {
        const map = mapAt(store, path);
        entries.push([path, [...marked].map((key) => [key, get.call(map, key)])]);
      }
      dirty = new Map();
      const fields: StoreDelta["fields"] = [];
      for (const path of smallFields(store)) {
        const bytes = fieldBytesOf(store, path);
        if (fieldBytes.get(path)?.equals(bytes)) continue;
        fieldBytes.set(path, bytes);
        fields.push([path, bytes]);
      }
      if (entries.length === 0 && fields.length === 0) return "none";
      return { changes: { entries, fields } satisfies StoreDelta };
    },
    applyDelta(data) {
      const store = holder();
      const { entries, fields } = data as StoreDelta;
      for (const [path, changed] of entries) {
        const map = mapAt(store, path);
        for (const [key, record] of changed) {
          if (record === undefined) remove.call(map, key);
          else set.call(map, key, record);
        }
      }
      for (const [path, bytes] of fields) {
        const { holder: owner, name } = fieldOf(store, path);
        const value = deserialize(bytes);
        if (!refill(owner[name], value)) owner[name] = value;
      }
      replayedInto = store;
    },
    replayed() {
      if (replayedInto !== undefined) reindexStore(replayedInto);
      replayedInto = undefined;
    },
  };
}

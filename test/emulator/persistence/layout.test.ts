// store-layout.ts names store fields by hand: when the store's fields are renamed or replaced
// (its internals change for scale), this says which entry went stale before a restart does.
import { describe, expect, it } from "vitest";
import {
  type CapturedHolder,
  captureHolder,
} from "../../../src/emulator/persistence/state-graph.js";
import { COLLECTIONS, fieldOf, INDEXES } from "../../../src/emulator/persistence/store-layout.js";
import { seedDemo } from "../../../src/emulator/seed.js";
import { Store } from "../../../src/emulator/store.js";

function demoStore(): Store {
  const store = new Store([
    { email: "a@example.com", apiToken: "t", accountId: "557058:a", displayName: "A" },
  ]);
  seedDemo(store);
  return store;
}

describe("the store layout persistence relies on", () => {
  it("every journaled collection is a Map of the store, every index a data field", () => {
    const store = demoStore();
    for (const path of COLLECTIONS) {
      const { holder, name } = fieldOf(store, path);
      expect(holder[name], path).toBeInstanceOf(Map);
    }
    // Every data field at any depth (the time indexes are two holders deep: timeOrder.pageCreated).
    const fieldsOf = (captured: CapturedHolder, prefix: string): string[] => [
      ...Object.keys(captured.data).map((field) => `${prefix}${field}`),
      ...Object.entries(captured.holders).flatMap(([holder, nested]) =>
        fieldsOf(nested, `${prefix}${holder}.`),
      ),
    ];
    const fields = fieldsOf(captureHolder(store, new Set()), "");
    for (const path of INDEXES) expect(fields, path).toContain(path);
  });
});

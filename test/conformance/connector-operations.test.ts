// Every catalog action's declared endpoint resolves to exactly one spec operation of its own.
import { describe, expect, it } from "vitest";
import { actions } from "../../src/catalog/index.js";
import { connectorOperations } from "./connector-operations.js";
import { loadSpecs } from "./spec.js";

describe("connector operations derived from the catalog", () => {
  it("routes every action's endpoint to a distinct spec operation", async () => {
    const operations = connectorOperations(await loadSpecs());
    expect(operations.map((entry) => entry.action)).toEqual(
      Object.values(actions).map((action) => action.label),
    );
    // The specification's actions each call an operation of their own; an action beyond it may
    // build on one of theirs (Get Page by Title on getPagesInSpace).
    const specified = new Set(
      Object.values(actions)
        .filter((action) => !action.beyondSpecification)
        .map((action) => action.label),
    );
    const targets = operations.filter((entry) => specified.has(entry.action)).map((e) => e.target);
    expect(new Set(targets).size).toBe(targets.length);
    // Raw Request may call anything; Raw GraphQL Request is outside the REST specs; the rest
    // are operations of the v2 spec, or of v1 where v2 has none (CQL search).
    const all = operations.map((entry) => entry.target);
    expect(all.filter((target) => !/^v[12]:/.test(target)).sort()).toEqual(["any", "graphql"]);
    expect(operations.find((entry) => entry.action === actions.searchContent?.label)?.target).toBe(
      "v1:searchByCQL",
    );
    // The operation is the one the action's method calls, e.g. "DELETE /pages/{id}".
    const deletePage = operations.find((entry) => entry.action === actions.deletePage?.label);
    expect(deletePage?.target).toBe("v2:deletePage");
  });
});

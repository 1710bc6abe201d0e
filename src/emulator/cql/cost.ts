// Which strategy a search ordered by a time field takes (search.ts): reading the time index in
// order (cost: the entries read, each checked against the plan on its record) or collecting the
// candidates of the plan's narrowest index (cost: a document per candidate, then a sort). The
// first wins when the candidates are many (an `ancestor` near the root, a common label), the
// second when they are few (a leaf's subtree, one parent's children).
import type { Store } from "../store.js";
import type { CqlPlan } from "./plan.js";

/** A document costs about this many index entries read and checked on their record. */
const DOCUMENT_COST = 10;

/** How many candidates the plan's narrowest index gives, counted up to `cap` at most. */
export function candidateEstimate(store: Store, plan: CqlPlan, cap: number): number {
  if (plan.ids) return plan.ids.length;
  if (plan.parents) return sum(plan.parents, (id) => store.childrenOf(id).length + held(store, id));
  if (plan.containers) return sum(plan.containers, (id) => held(store, id));
  if (plan.labels) {
    return sum(plan.labels, (name) =>
      sum(["global", "my", "team"], (prefix) => {
        const label = store.labelsByName.get(`${prefix}:${name.toLowerCase()}`);
        return label === undefined ? 0 : store.labelledWith(label.id).size;
      }),
    );
  }
  if (plan.ancestors) return sum(plan.ancestors, (id) => subtreeSize(store, id, cap));
  if (plan.spaceKeys) {
    return sum(plan.spaceKeys, (key) => {
      const space = store.spacesByKey.get(key);
      if (space === undefined) return 0;
      return (
        (store.pagesBySpace.get(space.id)?.length ?? 0) +
        (store.blogpostsBySpace.get(space.id)?.length ?? 0)
      );
    });
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Whether reading the time index in order beats collecting: `range` entries lie in the date
 * range; `window` matches are wanted when the total is not (they are spread over the range as
 * the candidates are over the site, so about window × range / candidates entries are read).
 */
export function prefersTimeOrder(
  store: Store,
  plan: CqlPlan,
  range: number,
  window: number | undefined,
): boolean {
  const threshold =
    window === undefined
      ? range / DOCUMENT_COST
      : Math.sqrt((Math.max(window, 1) * range) / DOCUMENT_COST);
  return candidateEstimate(store, plan, Math.ceil(threshold) + 1) > threshold;
}

function sum<T>(items: readonly T[], count: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += count(item);
  return total;
}

function held(store: Store, id: string): number {
  return (
    (store.attachmentsByContainer.get(id)?.length ?? 0) +
    store.content.commentsOn("page", id).length
  );
}

/** Pages below a page, counted up to `cap` (the walk stops there). */
function subtreeSize(store: Store, id: string, cap: number): number {
  let count = 0;
  const pending = [id];
  for (let next = pending.pop(); next !== undefined && count < cap; next = pending.pop()) {
    for (const child of store.childrenOf(next)) {
      count += 1;
      pending.push(child.id);
    }
  }
  return count;
}

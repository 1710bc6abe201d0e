// Which index a CQL query can start from, so that common searches do not scan the site: the
// positive `=` / `IN` clauses joined by AND at the top of the query (`space = X`, `type = page`,
// `label = x`, `parent = 1`, `ancestor = 1`, `container = 1`, `id = 1`). Whatever the plan,
// every candidate is still checked against the whole query: the plan only narrows.
import type { CqlExpr, CqlValue } from "./parse.js";

/** The narrowing constraints found; undefined fields constrain nothing. */
export interface CqlPlan {
  ids?: string[];
  types?: string[];
  spaceKeys?: string[];
  labels?: string[];
  parents?: string[];
  ancestors?: string[];
  containers?: string[];
}

export const PLANNED: Readonly<Record<string, keyof CqlPlan>> = {
  id: "ids",
  content: "ids",
  type: "types",
  space: "spaceKeys",
  "space.key": "spaceKeys",
  label: "labels",
  parent: "parents",
  ancestor: "ancestors",
  container: "containers",
};

function conjuncts(expr: CqlExpr | undefined): Extract<CqlExpr, { kind: "clause" }>[] {
  if (expr === undefined) return [];
  if (expr.kind === "and") return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return expr.kind === "clause" ? [expr] : [];
}

const literal = (values: CqlValue[]) =>
  values.every((value) => value.kind === "text")
    ? values.map((value) => (value as { text: string }).text)
    : undefined;

export function planCql(where: CqlExpr | undefined): CqlPlan {
  const plan: CqlPlan = {};
  for (const clause of conjuncts(where)) {
    const slot = PLANNED[clause.field];
    const values = literal(clause.values);
    if (slot === undefined || values === undefined) continue;
    if (clause.op !== "=" && clause.op !== "in") continue;
    // Two clauses on one field: keep the first (the evaluation applies both anyway).
    plan[slot] ??= values;
  }
  return plan;
}

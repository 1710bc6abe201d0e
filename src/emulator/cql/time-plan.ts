// When a CQL query can be read from the store's time indexes (time-index.ts) instead of
// collecting and sorting every candidate: its first ORDER BY key is `created` or `lastmodified`
// and its top-level `type` clause names pages and/or blog posts only (the content the indexes
// hold). The date clauses on that field joined by AND at the top narrow the range read, e.g.
// the New and Updated Pages trigger's `… AND lastmodified >= now("-15m") ORDER BY lastmodified`.
import type { TimeField } from "../time-index.js";
import { type CqlContext, dateBounds } from "./evaluate.js";
import type { CqlExpr, CqlQuery } from "./parse.js";
import { type CqlPlan, PLANNED } from "./plan.js";

export type IndexedKind = "page" | "blogpost";

export interface TimePlan {
  field: TimeField;
  descending: boolean;
  kinds: IndexedKind[];
  /** Inclusive epoch-ms bounds on `field`. */
  min: number;
  max: number;
  /**
   * True when the index range alone is the set of matches (the query is only that type clause
   * and date clauses on `field`): the total is then counted from positions, not by reading.
   */
  exact: boolean;
  /**
   * True when the range and the plan's narrowing clauses, read off each record, decide the
   * matches (every clause is one of those, each narrowing field once): matches past the window
   * are then counted without building documents.
   */
  recordDecided: boolean;
}

type Clause = Extract<CqlExpr, { kind: "clause" }>;

/** The clauses of a pure AND tree; undefined when an OR or NOT is in it. */
function pureConjuncts(expr: CqlExpr | undefined): Clause[] | undefined {
  if (expr === undefined) return [];
  if (expr.kind === "clause") return [expr];
  if (expr.kind !== "and") return undefined;
  const [left, right] = [pureConjuncts(expr.left), pureConjuncts(expr.right)];
  return left && right ? [...left, ...right] : undefined;
}

/** Top-level AND clauses (those under an OR or NOT do not narrow). */
function conjuncts(expr: CqlExpr | undefined): Clause[] {
  if (expr === undefined) return [];
  if (expr.kind === "and") return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return expr.kind === "clause" ? [expr] : [];
}

const RANGE_OPS = new Set(["=", ">", ">=", "<", "<="]);

/** [min, max] (inclusive) of the instants a range clause accepts. */
function rangeOf(clause: Clause, ctx: CqlContext): [number, number] {
  const { from, to } = dateBounds(clause, ctx);
  switch (clause.op) {
    case "=":
      return [from, to];
    case ">":
      return [to + 1, Number.POSITIVE_INFINITY];
    case ">=":
      return [from, Number.POSITIVE_INFINITY];
    case "<":
      return [Number.NEGATIVE_INFINITY, from - 1];
    default:
      return [Number.NEGATIVE_INFINITY, to];
  }
}

/** Whether every clause is a range on `field` or an `=`/`IN` the plan narrows by (once each). */
function decidedOnRecords(clauses: Clause[], field: TimeField): boolean {
  const slots = new Set<string>();
  for (const clause of clauses) {
    if (clause.field === field && RANGE_OPS.has(clause.op)) continue;
    const slot = PLANNED[clause.field];
    const literal = clause.values.every((value) => value.kind === "text");
    if (slot === undefined || slots.has(slot) || !literal) return false;
    if (clause.op !== "=" && clause.op !== "in") return false;
    slots.add(slot);
  }
  return true;
}

/** Call only with a query that compiled (its values are valid). */
export function planTimeOrder(
  query: CqlQuery,
  plan: CqlPlan,
  ctx: CqlContext,
): TimePlan | undefined {
  const order = query.orderBy[0];
  if (order === undefined || (order.field !== "created" && order.field !== "lastmodified")) {
    return undefined;
  }
  const types = plan.types?.map((type) => type.toLowerCase());
  if (types === undefined || !types.every((type) => type === "page" || type === "blogpost")) {
    return undefined;
  }
  const field = order.field;
  let [min, max] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (const clause of conjuncts(query.where)) {
    if (clause.field !== field || !RANGE_OPS.has(clause.op)) continue;
    const [from, to] = rangeOf(clause, ctx);
    [min, max] = [Math.max(min, from), Math.min(max, to)];
  }
  const clauses = pureConjuncts(query.where);
  const exact =
    clauses !== undefined &&
    clauses.filter((clause) => clause.field === "type").length === 1 &&
    clauses.every(
      (clause) =>
        (clause.field === "type" && (clause.op === "=" || clause.op === "in")) ||
        (clause.field === field && RANGE_OPS.has(clause.op)),
    );
  return {
    recordDecided: clauses !== undefined && decidedOnRecords(clauses, field),
    field,
    descending: order.direction === "desc",
    kinds: [...new Set(types as IndexedKind[])],
    min,
    max,
    exact,
  };
}

// Evaluates a parsed CQL query over documents the search routes build from the store. Fields and
// their operators follow https://developer.atlassian.com/cloud/confluence/cql-fields/ ; date
// values and functions https://developer.atlassian.com/cloud/confluence/cql-functions/ .
// A field or operator Confluence does not accept is a CqlSyntaxError (a 400, as Confluence).
import {
  type CqlExpr,
  type CqlQuery,
  CqlSyntaxError,
  type CqlValue,
  type Operator,
} from "./parse.js";

/** What CQL sees of one piece of content. */
export interface CqlDocument {
  readonly id: string;
  /** page, blogpost, attachment, comment, space, or a custom content type key. */
  readonly type: string;
  readonly spaceKey: string | undefined;
  readonly spaceType: string | undefined;
  readonly title: string;
  /** Words of the body (storage markup removed), for `text ~`. */
  readonly text: string;
  readonly labels: readonly string[];
  readonly ancestorIds: readonly string[];
  readonly parentId: string | undefined;
  /** The content holding an attachment, comment or custom content (CQL `container`). */
  readonly containerId: string | undefined;
  readonly creatorId: string;
  readonly contributorIds: readonly string[];
  readonly created: Date;
  readonly lastModified: Date;
}

export interface CqlContext {
  readonly now: Date;
  /** Account id `currentUser()` stands for. */
  readonly currentUserId: string;
}

export interface CompiledCql {
  matches(doc: CqlDocument): boolean;
  /** ORDER BY's comparison (ties, and no ORDER BY: by id, for stable cursors). */
  compare(a: CqlDocument, b: CqlDocument): number;
}

type Kind = "exact" | "text" | "date";

interface FieldDef {
  kind: Kind;
  values(doc: CqlDocument): readonly string[] | Date;
  /** Enumerations and labels compare case-insensitively (labels are stored lower case). */
  fold?: true;
}

const FIELDS: Record<string, FieldDef> = {
  type: { kind: "exact", values: (doc) => [doc.type], fold: true },
  space: { kind: "exact", values: (doc) => (doc.spaceKey === undefined ? [] : [doc.spaceKey]) },
  "space.key": {
    kind: "exact",
    values: (doc) => (doc.spaceKey === undefined ? [] : [doc.spaceKey]),
  },
  "space.type": {
    kind: "exact",
    values: (doc) => (doc.spaceType === undefined ? [] : [doc.spaceType]),
  },
  id: { kind: "exact", values: (doc) => [doc.id] },
  content: { kind: "exact", values: (doc) => [doc.id] },
  label: { kind: "exact", values: (doc) => doc.labels, fold: true },
  ancestor: { kind: "exact", values: (doc) => doc.ancestorIds },
  parent: { kind: "exact", values: (doc) => (doc.parentId === undefined ? [] : [doc.parentId]) },
  container: {
    kind: "exact",
    values: (doc) => (doc.containerId === undefined ? [] : [doc.containerId]),
  },
  creator: { kind: "exact", values: (doc) => [doc.creatorId] },
  contributor: { kind: "exact", values: (doc) => doc.contributorIds },
  title: { kind: "text", values: (doc) => [doc.title] },
  text: { kind: "text", values: (doc) => [doc.title, doc.text, ...doc.labels] },
  created: { kind: "date", values: (doc) => doc.created },
  lastmodified: { kind: "date", values: (doc) => doc.lastModified },
};

const OPERATORS: Record<Kind, readonly Operator[]> = {
  exact: ["=", "!=", "in", "not in"],
  // `title` also takes = and != (exact title); `text` only the text operators.
  text: ["=", "!=", "~", "!~", "in", "not in"],
  date: ["=", "!=", ">", ">=", "<", "<="],
};

const SORTABLE: Record<string, (doc: CqlDocument) => string | number> = {
  created: (doc) => doc.created.getTime(),
  lastmodified: (doc) => doc.lastModified.getTime(),
  title: (doc) => doc.title.toLowerCase(),
  id: (doc) => Number(doc.id),
  type: (doc) => doc.type,
};

function fail(message: string): never {
  throw new CqlSyntaxError(message);
}

// ---------------------------------------------------------------------------------------------
// Values

const UNIT_MS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
};

/** Applies an increment like "-1d", "+2w", "3M" (months and years are calendar steps). */
function shift(date: Date, increment: string | undefined): Date {
  if (increment === undefined || increment.trim() === "") return date;
  const match = /^\s*([+-]?)(\d+)\s*([yMwdhm])\s*$/.exec(increment);
  if (!match) fail(`Invalid date increment "${increment}": expected e.g. "-1d", "+2w", "3M"`);
  const amount = Number(match[2]) * (match[1] === "-" ? -1 : 1);
  const unit = match[3] as string;
  const result = new Date(date);
  if (unit === "y") result.setUTCFullYear(result.getUTCFullYear() + amount);
  else if (unit === "M") result.setUTCMonth(result.getUTCMonth() + amount);
  else result.setTime(result.getTime() + amount * (UNIT_MS[unit] ?? 0));
  return result;
}

function startOf(unit: "day" | "week" | "month" | "year", date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (unit === "week") d.setUTCDate(d.getUTCDate() - d.getUTCDay()); // weeks start on Sunday
  if (unit === "month") d.setUTCDate(1);
  if (unit === "year") d.setUTCMonth(0, 1);
  return d;
}

function endOf(unit: "day" | "week" | "month" | "year", date: Date): Date {
  const start = startOf(unit, date);
  const next = new Date(start);
  if (unit === "day") next.setUTCDate(next.getUTCDate() + 1);
  if (unit === "week") next.setUTCDate(next.getUTCDate() + 7);
  if (unit === "month") next.setUTCMonth(next.getUTCMonth() + 1);
  if (unit === "year") next.setUTCFullYear(next.getUTCFullYear() + 1);
  return new Date(next.getTime() - 1);
}

const DATE_FUNCTIONS: Record<string, (now: Date) => Date> = {
  now: (now) => now,
  startofday: (now) => startOf("day", now),
  endofday: (now) => endOf("day", now),
  startofweek: (now) => startOf("week", now),
  endofweek: (now) => endOf("week", now),
  startofmonth: (now) => startOf("month", now),
  endofmonth: (now) => endOf("month", now),
  startofyear: (now) => startOf("year", now),
  endofyear: (now) => endOf("year", now),
};

/** "yyyy-MM-dd", "yyyy/MM/dd", optionally " HH:mm" (UTC here), or a relative "-4w". */
function parseDate(text: string, now: Date): { at: Date; dayOnly: boolean } {
  const relative = /^\s*[+-]\d+\s*[yMwdhm]\s*$/.test(text);
  if (relative) return { at: shift(now, text), dayOnly: false };
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) {
    fail(
      `Invalid date "${text}": use "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm" or a function`,
    );
  }
  const [, y, mo, d, h, mi] = match;
  const at = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)),
  );
  return { at, dayOnly: h === undefined };
}

function dateValue(value: CqlValue, ctx: CqlContext): { at: Date; dayOnly: boolean } {
  if (value.kind === "text") return parseDate(value.text, ctx.now);
  const fn = DATE_FUNCTIONS[value.name.toLowerCase()];
  if (fn === undefined) fail(`Unknown date function ${value.name}()`);
  return { at: shift(fn(ctx.now), value.args[0]), dayOnly: false };
}

/**
 * The instants a date clause's value stands for, in epoch ms: a day ("2024-01-31") is the whole
 * day, anything else one instant (from = to).
 */
export function dateBounds(
  expr: Extract<CqlExpr, { kind: "clause" }>,
  ctx: CqlContext,
): { from: number; to: number } {
  const value = expr.values[0] ?? fail(`A value is required for "${expr.field}"`);
  const { at, dayOnly } = dateValue(value, ctx);
  const from = at.getTime();
  return { from, to: dayOnly ? endOf("day", at).getTime() : from };
}

function textValue(value: CqlValue, ctx: CqlContext): string {
  if (value.kind === "text") return value.text;
  if (value.name.toLowerCase() === "currentuser") return ctx.currentUserId;
  return fail(`Function ${value.name}() is not supported here`);
}

// ---------------------------------------------------------------------------------------------
// Text search: every word of the value must occur as a word of the field (case-insensitive);
// `*` and `?` are wildcards within a word, as in Confluence's search syntax.

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];

function wordPattern(word: string): RegExp {
  const escaped = word
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "u");
}

/** A `~` value as word patterns, compiled once per query (not once per document). */
function textQuery(query: string): (haystacks: readonly string[]) => boolean {
  const terms = query.toLowerCase().match(/[\p{L}\p{N}_*?]+/gu) ?? [];
  if (terms.length === 0) return () => false;
  const patterns = terms.map(wordPattern);
  return (haystacks) => {
    const available = haystacks.flatMap(words);
    return patterns.every((pattern) => available.some((word) => pattern.test(word)));
  };
}

// ---------------------------------------------------------------------------------------------

function compileClause(
  expr: Extract<CqlExpr, { kind: "clause" }>,
  ctx: CqlContext,
): (doc: CqlDocument) => boolean {
  const def = FIELDS[expr.field] ?? fail(`The field "${expr.field}" is not supported by CQL here`);
  if (!OPERATORS[def.kind].includes(expr.op) || (expr.field === "text" && !expr.op.includes("~"))) {
    fail(`The operator "${expr.op.toUpperCase()}" is not supported for field "${expr.field}"`);
  }
  if (def.kind === "date") {
    const { from, to } = dateBounds(expr, ctx);
    return (doc) => {
      const t = (def.values(doc) as Date).getTime();
      switch (expr.op) {
        case "=":
          return t >= from && t <= to;
        case "!=":
          return t < from || t > to;
        case ">":
          return t > to;
        case ">=":
          return t >= from;
        case "<":
          return t < from;
        default:
          return t <= to;
      }
    };
  }
  const wanted = expr.values.map((value) => textValue(value, ctx));
  const valuesOf = (doc: CqlDocument) => def.values(doc) as readonly string[];
  if (expr.op === "~" || expr.op === "!~") {
    const queries = wanted.map(textQuery);
    const positive = (doc: CqlDocument) => {
      const haystacks = valuesOf(doc);
      return queries.some((matches) => matches(haystacks));
    };
    return expr.op === "~" ? positive : (doc) => !positive(doc);
  }
  // Exact comparisons: case-insensitive for titles, enumerations and labels; exact for keys
  // and ids.
  const fold = def.kind === "text" || def.fold ? (s: string) => s.toLowerCase() : (s: string) => s;
  const set = new Set(wanted.map(fold));
  const any = (doc: CqlDocument) => valuesOf(doc).some((v) => set.has(fold(v)));
  return expr.op === "=" || expr.op === "in" ? any : (doc) => !any(doc);
}

function compileExpr(expr: CqlExpr, ctx: CqlContext): (doc: CqlDocument) => boolean {
  switch (expr.kind) {
    case "and": {
      const [l, r] = [compileExpr(expr.left, ctx), compileExpr(expr.right, ctx)];
      return (doc) => l(doc) && r(doc);
    }
    case "or": {
      const [l, r] = [compileExpr(expr.left, ctx), compileExpr(expr.right, ctx)];
      return (doc) => l(doc) || r(doc);
    }
    case "not": {
      const inner = compileExpr(expr.expr, ctx);
      return (doc) => !inner(doc);
    }
    default:
      return compileClause(expr, ctx);
  }
}

/** Checks every field, operator and value up front (a bad query fails before any search). */
export function compileCql(query: CqlQuery, ctx: CqlContext): CompiledCql {
  const matches = query.where === undefined ? () => true : compileExpr(query.where, ctx);
  const keys = query.orderBy.map((order) => {
    const key = SORTABLE[order.field] ?? fail(`Cannot order by "${order.field}"`);
    return { key, sign: order.direction === "desc" ? -1 : 1 };
  });
  return {
    matches,
    compare(a, b) {
      for (const { key, sign } of keys) {
        const [x, y] = [key(a), key(b)];
        if (x < y) return -sign;
        if (x > y) return sign;
      }
      return Number(a.id) - Number(b.id);
    },
  };
}

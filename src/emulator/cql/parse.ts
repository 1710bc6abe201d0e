// Confluence Query Language: the grammar (ohm-js, a well-kept PEG toolkit) and the syntax tree.
// Reference: https://developer.atlassian.com/cloud/confluence/advanced-searching-using-cql/
// (fields, operators =, !=, ~, !~, >, >=, <, <=, IN, NOT IN; AND, OR, NOT; parentheses;
// ORDER BY) and https://developer.atlassian.com/cloud/confluence/cql-functions/ (now(),
// startOfDay()... with an optional "+1d"-style increment, currentUser()). Keywords are
// case-insensitive; values are quoted ("..." or '...') or bare words.
import * as ohm from "ohm-js";

export type Operator = "=" | "!=" | "~" | "!~" | ">" | ">=" | "<" | "<=" | "in" | "not in";

export type CqlValue =
  | { kind: "text"; text: string }
  | { kind: "function"; name: string; args: string[] };

export type CqlExpr =
  | { kind: "and"; left: CqlExpr; right: CqlExpr }
  | { kind: "or"; left: CqlExpr; right: CqlExpr }
  | { kind: "not"; expr: CqlExpr }
  | { kind: "clause"; field: string; op: Operator; values: CqlValue[] };

export interface OrderBy {
  field: string;
  direction: "asc" | "desc";
}

export interface CqlQuery {
  where: CqlExpr | undefined;
  orderBy: OrderBy[];
}

/** A query Confluence would refuse with 400; `message` says where and why. */
export class CqlSyntaxError extends Error {
  override name = "CqlSyntaxError";
}

const grammar = ohm.grammar(String.raw`
Cql {
  Query = Expr? OrderBy?
  OrderBy = caseInsensitive<"order"> caseInsensitive<"by"> NonemptyListOf<SortKey, ",">
  SortKey = field Direction?
  Direction = caseInsensitive<"asc"> | caseInsensitive<"desc">

  Expr = OrExpr
  OrExpr = OrExpr or AndExpr  -- or
         | AndExpr
  AndExpr = AndExpr and NotExpr  -- and
          | NotExpr
  NotExpr = not NotExpr  -- not
          | Primary
  Primary = "(" Expr ")"  -- paren
          | Clause

  Clause = field not in "(" NonemptyListOf<Value, ","> ")"  -- notIn
         | field in "(" NonemptyListOf<Value, ","> ")"  -- in
         | field compareOp Value  -- compare

  Value = Function | quoted | bare
  Function = functionName "(" ListOf<argument, ","> ")"
  argument = quoted | bare

  compareOp = "!=" | "!~" | ">=" | "<=" | "=" | "~" | ">" | "<"
  and = caseInsensitive<"and"> ~fieldChar
  or = caseInsensitive<"or"> ~fieldChar
  not = caseInsensitive<"not"> ~fieldChar
  in = caseInsensitive<"in"> ~fieldChar
  keyword = (and | or | not | in | caseInsensitive<"order">) ~fieldChar

  field = ~keyword fieldChar+
  fieldChar = alnum | "." | "_" | "-"
  functionName = letter (alnum | "_")*
  bare = ~keyword bareChar+
  bareChar = ~(space | "(" | ")" | "," | "\"" | "'" | "=" | "!" | "~" | "<" | ">") any
  quoted = "\"" dqChar* "\""  -- double
         | "'" sqChar* "'"  -- single
  dqChar = "\\" any  -- escaped
         | ~"\"" any  -- plain
  sqChar = "\\" any  -- escaped
         | ~"'" any  -- plain
}
`);

const semantics = grammar.createSemantics();

semantics.addOperation("tree", {
  Query(where, orderBy): CqlQuery {
    return {
      where: where.children[0]?.tree() as CqlExpr | undefined,
      orderBy: (orderBy.children[0]?.tree() as OrderBy[] | undefined) ?? [],
    };
  },
  OrderBy(_order, _by, keys) {
    return keys.asIteration().children.map((key) => key.tree());
  },
  SortKey(field, direction): OrderBy {
    const dir = direction.children[0]?.sourceString.toLowerCase();
    return { field: field.sourceString.toLowerCase(), direction: dir === "desc" ? "desc" : "asc" };
  },
  OrExpr_or(left, _or, right): CqlExpr {
    return { kind: "or", left: left.tree(), right: right.tree() };
  },
  AndExpr_and(left, _and, right): CqlExpr {
    return { kind: "and", left: left.tree(), right: right.tree() };
  },
  NotExpr_not(_not, expr): CqlExpr {
    return { kind: "not", expr: expr.tree() };
  },
  Primary_paren(_open, expr, _close) {
    return expr.tree();
  },
  Clause_notIn(field, _not, _in, _open, values, _close): CqlExpr {
    return clause(field.sourceString, "not in", values.asIteration().children);
  },
  Clause_in(field, _in, _open, values, _close): CqlExpr {
    return clause(field.sourceString, "in", values.asIteration().children);
  },
  Clause_compare(field, op, value): CqlExpr {
    return clause(field.sourceString, op.sourceString as Operator, [value]);
  },
  Function(name, _open, args, _close): CqlValue {
    return {
      kind: "function",
      name: name.sourceString,
      args: args.asIteration().children.map((arg) => arg.tree() as string),
    };
  },
  Value(value) {
    const tree = value.tree();
    return typeof tree === "string" ? { kind: "text", text: tree } : tree;
  },
  argument(value) {
    return value.tree();
  },
  bare(_chars) {
    return this.sourceString;
  },
  quoted_double(_open, chars, _close) {
    return chars.children.map((c) => c.tree()).join("");
  },
  quoted_single(_open, chars, _close) {
    return chars.children.map((c) => c.tree()).join("");
  },
  dqChar_escaped(_slash, char) {
    return char.sourceString;
  },
  dqChar_plain(char) {
    return char.sourceString;
  },
  sqChar_escaped(_slash, char) {
    return char.sourceString;
  },
  sqChar_plain(char) {
    return char.sourceString;
  },
});

function clause(field: string, op: Operator, values: ohm.Node[]): CqlExpr {
  return {
    kind: "clause",
    field: field.toLowerCase(),
    op,
    values: values.map((value) => value.tree() as CqlValue),
  };
}

/** Parses a CQL query, or throws a CqlSyntaxError naming the position. */
export function parseCql(text: string): CqlQuery {
  if (text.trim() === "") throw new CqlSyntaxError("CQL query parameter is required but was empty");
  const match = grammar.match(text);
  if (match.failed()) {
    throw new CqlSyntaxError(
      `Could not parse cql : ${text} (${match.shortMessage ?? "syntax error"})`,
    );
  }
  return semantics(match).tree() as CqlQuery;
}

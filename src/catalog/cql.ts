// Search Content's query: the CQL given, the words of "Text" as `text ~ "..."` (CQL's full-text
// field, https://developer.atlassian.com/cloud/confluence/cql-fields/#text) and the filters,
// joined by AND in front of any ORDER BY.
import { InputError } from "./input-error.js";

/** A CQL string literal: backslash and double quote escaped. */
export const cqlString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * A CQL query split into its condition and its `ORDER BY` tail (an ORDER BY inside a quoted
 * value is not one), so that conditions can be added in front of the ordering.
 */
export function splitOrderBy(cql: string): { where: string; orderBy: string | undefined } {
  const pattern = /\border\s+by\b/gi;
  for (let match = pattern.exec(cql); match !== null; match = pattern.exec(cql)) {
    const before = cql.slice(0, match.index);
    const quotes = (before.replace(/\\./g, "").match(/["']/g) ?? []).length;
    if (quotes % 2 === 0) {
      return { where: before.trim(), orderBy: cql.slice(match.index).trim() };
    }
  }
  return { where: cql.trim(), orderBy: undefined };
}

/** The query Search Content sends: the CQL, the words of Text, the filters, joined by AND. */
export function searchQuery(input: {
  cql: string | undefined;
  text: string | undefined;
  spaceKey: string | undefined;
  contentType: string | undefined;
}): string {
  const { where, orderBy } = splitOrderBy(input.cql ?? "");
  const clauses = [
    where === "" ? undefined : `(${where})`,
    input.text === undefined ? undefined : `text ~ ${cqlString(input.text)}`,
    input.spaceKey === undefined ? undefined : `space = ${cqlString(input.spaceKey)}`,
    input.contentType === undefined ? undefined : `type = ${input.contentType}`,
  ].filter((clause): clause is string => clause !== undefined);
  if (clauses.length === 0) {
    throw new InputError("CQL", "or Text is required (a CQL query, or words to search for)");
  }
  return [clauses.join(" AND "), orderBy].filter((part) => part !== undefined).join(" ");
}

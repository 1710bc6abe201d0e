// Query serialisation the way Confluence expects: names exactly as given (its kebab-case, e.g.
// `body-format`, `space-id`), arrays as one comma-separated value (`id=1,2,3`, see the `id`
// parameter of getPages in confluence-v2.json, style=form explode=false), booleans as
// true/false, undefined/null omitted. Values are encodeURIComponent'd (spaces as %20).
import { ConfluenceValidationError } from "./errors.js";

export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | readonly QueryScalar[] | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

function scalar(name: string, value: QueryScalar): string {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new ConfluenceValidationError(`Query parameter "${name}" must be a finite number`);
  }
  return encodeURIComponent(String(value));
}

/** `a=1&b=x,y` (no leading "?"); empty string when nothing is left. */
export function serialiseQuery(query: QueryParams | undefined): string {
  if (query === undefined) return "";
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (name === "") throw new ConfluenceValidationError("Query parameter names must not be empty");
    const encodedName = encodeURIComponent(name);
    if (Array.isArray(value)) {
      const items = value as readonly QueryScalar[];
      if (items.length === 0) continue;
      // Commas stay literal between items: Confluence splits the decoded value on ",".
      pairs.push(`${encodedName}=${items.map((item) => scalar(name, item)).join(",")}`);
    } else {
      pairs.push(`${encodedName}=${scalar(name, value as QueryScalar)}`);
    }
  }
  return pairs.join("&");
}

/** `?a=1&b=x,y`, or "" when there is nothing to send. */
export function toQueryString(query: QueryParams | undefined): string {
  const serialised = serialiseQuery(query);
  return serialised === "" ? "" : `?${serialised}`;
}

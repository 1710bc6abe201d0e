// Query parameter parsing with Confluence's validation: wrong types and unknown enum values are
// 400 INVALID_REQUEST_PARAMETER. Array parameters accept both `a,b` and repeated `x=a&x=b`,
// as the v2 API does ("Multiple ids can be specified as a comma-separated list").
import { badParameter } from "./errors.js";

export type Query = Record<string, string | string[] | undefined>;

const INTEGER = /^[0-9]{1,18}$/;

/** The last value of a possibly repeated parameter. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

export function list(query: Query, name: string, maxItems = 250): string[] | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (parts.length > maxItems) {
    throw badParameter(name, parts.join(","), `array of at most ${maxItems} items`);
  }
  return parts;
}

export function idList(query: Query, name: string, maxItems = 250): string[] | undefined {
  const ids = list(query, name, maxItems);
  for (const id of ids ?? []) if (!INTEGER.test(id)) throw badParameter(name, id, "long");
  return ids;
}

export function enumList<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const values = list(query, name);
  for (const v of values ?? []) {
    if (!(allowed as readonly string[]).includes(v))
      throw badParameter(name, v, allowed.join(", "));
  }
  return values as T[] | undefined;
}

export function enumValue<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badParameter(name, value, allowed.join(", "));
  }
  return value as T;
}

export function bool(query: Query, name: string, fallback: boolean): boolean {
  const value = single(query, name);
  if (value === undefined || value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw badParameter(name, value, "boolean");
}

export function integer(query: Query, name: string): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^-?[0-9]{1,9}$/.test(value)) throw badParameter(name, value, "int");
  return Number(value);
}

/** `limit`: 1..250 (every v2 list endpoint); the default differs per endpoint (25 or 50). */
export function limit(query: Query, fallback = 25): number {
  const value = integer(query, "limit");
  if (value === undefined) return fallback;
  if (value < 1 || value > 250) {
    throw badParameter("limit", String(value), "integer between 1 and 250");
  }
  return value;
}

/** Path ids are int64 in the v2 spec; anything else is a 400, as in Confluence. */
export function pathId(value: string, name = "id"): string {
  if (!INTEGER.test(value)) throw badParameter(name, value, "long");
  return value;
}

/** Attachment ids match `(att)?[0-9]+` (getAttachmentById); we normalise to the `att` form. */
export function attachmentId(value: string, name = "id"): string {
  const match = /^(att)?([0-9]{1,18})$/.exec(value);
  if (!match) throw badParameter(name, value, "attachment id");
  return `att${match[2]}`;
}

// Opaque keyset cursors: base64url of a JSON position {sort, last key, last id}. Keyset (not
// offset) positions stay correct when items are added or removed between two requests, and the
// encoding keeps clients from treating cursors as numbers, as Confluence intends ("opaque cursor").
import { badParameter } from "./errors.js";

export type SortValue = string | number;

export interface CursorPosition {
  sort: string;
  key: SortValue;
  num: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(
    JSON.stringify({ s: position.sort, k: position.key, n: position.num }),
  ).toString("base64url");
}

export function decodeCursor(cursor: string, expectedSort: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badParameter("cursor", cursor, "cursor");
  }
  if (typeof parsed !== "object" || parsed === null) throw badParameter("cursor", cursor, "cursor");
  const { s, k, n } = parsed as Record<string, unknown>;
  if (
    s !== expectedSort ||
    (typeof k !== "string" && typeof k !== "number") ||
    typeof n !== "number" ||
    !Number.isSafeInteger(n)
  ) {
    throw badParameter("cursor", cursor, "cursor");
  }
  return { sort: s, key: k, num: n };
}

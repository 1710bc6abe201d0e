// Comparing storage bodies by their text. Confluence rewrites storage XHTML on save (adds
// `ac:local-id` attributes, reorders attributes, normalises whitespace; see pages.ts), so a body
// read back never equals the one sent byte for byte; its text (tags dropped, whitespace
// collapsed) does. Used only together with author, time and version checks.

/** The text of a storage body: tags removed, runs of whitespace collapsed, trimmed. */
export function storageText(storage: string): string {
  return storage
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether two storage bodies hold the same text. */
export function sameStorageText(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return storageText(a) === storageText(b);
}

type Json = Record<string, unknown>;

/** The storage text of a `{ body: { storage: { value } } }` object (v2 read with body-format=storage). */
export function storageOf(item: unknown): string | undefined {
  const body = (item as { body?: Json } | undefined)?.body;
  const storage = body?.storage as Json | undefined;
  return typeof storage?.value === "string" ? storage.value : undefined;
}

/** The storage value of a write body `{ representation: "storage", value }`, if it is one. */
export function sentStorage(body: unknown): string | undefined {
  const sent = body as Json | undefined;
  return sent?.representation === "storage" && typeof sent.value === "string"
    ? sent.value
    : undefined;
}

// Confluence storage XHTML <-> Markdown, lossless for everything Confluence stores
// (docs/markdown.md). Load it on demand — `await import(".../core/markdown/index.js")` — so
// that nothing else pays for the Markdown libraries at start-up.
import { RAW_FENCE } from "./carriers.js";
import { type MarkdownIo, markdownToStorageWith, storageToMarkdownWith } from "./convert.js";
import { parseMarkdownWhole, stringifyMarkdown } from "./markdown-io.js";

export { normalizeStorage } from "./storage-tree.js";

const IO: MarkdownIo = { parseWhole: parseMarkdownWhole, stringify: stringifyMarkdown };

/** Markdown (CommonMark + GFM + the directives of docs/markdown.md) → storage XHTML. */
export function markdownToStorage(markdown: string): string {
  return markdownToStorageWith(markdown, IO);
}

/**
 * Storage XHTML → Markdown, checked to convert back to the same storage (normalised). Never
 * throws on malformed storage: it is read forgivingly (unclosed elements closed at the end)
 * and its content kept.
 */
export function storageToMarkdown(storage: string): string {
  return storageToMarkdownWith(storage, IO);
}

export { RAW_FENCE };

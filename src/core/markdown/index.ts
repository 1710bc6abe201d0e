// Confluence storage format <-> Markdown, lossless for everything Confluence stores
// (docs/markdown.md). Load it on demand — `await import(".../core/markdown/index.js")` — so
// that nothing else pays for the Markdown libraries at start-up.
import type { Root, RootContent } from "mdast";
import { RAW_FENCE } from "./carriers.js";
import { parseMarkdown, stringifyMarkdown } from "./markdown-io.js";
import { sanitize } from "./sanitize.js";
import {
  dropLayoutWhitespace,
  normalizeStorage,
  parseStorage,
  type StorageElement,
  serializeStorage,
} from "./storage-tree.js";
import { rawBlock, type ToMdastState, toBlocks } from "./to-mdast.js";
import { rootToStorage } from "./to-storage.js";

export { normalizeStorage } from "./storage-tree.js";

/** Markdown (CommonMark + GFM + the directives of docs/markdown.md) → storage XHTML. */
export function markdownToStorage(markdown: string): string {
  return treeToStorage(parseMarkdown(markdown), 1);
}

function treeToStorage(tree: Root, firstTaskId: number): string {
  const { storage } = rootToStorage(tree, firstTaskId);
  // One canonical form out, whatever was carried through: re-parsed, sanitised, serialised.
  return serializeStorage(sanitize(parseStorage(storage)));
}

const normalized = (element: StorageElement) =>
  serializeStorage(dropLayoutWhitespace([element]), true);

/**
 * Storage XHTML → Markdown. Never throws on malformed storage: it is read forgivingly
 * (unclosed elements closed at the end) and its content kept.
 */
export function storageToMarkdown(storage: string): string {
  const nodes = dropLayoutWhitespace(parseStorage(storage));
  const state: ToMdastState = {
    nextTaskId: 1,
    careful: false,
    verify: (block: RootContent, element: StorageElement, firstTaskId: number) => {
      const markdown = stringifyMarkdown({ type: "root", children: [block] });
      const back = treeToStorage(parseMarkdown(markdown), firstTaskId);
      return normalizeStorage(back) === normalized(element);
    },
  };
  const expected = normalizeStorage(storage);
  const comesBack = (markdown: string) =>
    normalizeStorage(markdownToStorage(markdown)) === expected;
  // Optimistic first: most pages come back whole. Otherwise block by block (to-mdast.ts).
  const optimistic = stringifyMarkdown({ type: "root", children: toBlocks(nodes, state) });
  if (comesBack(optimistic)) return optimistic;
  state.nextTaskId = 1;
  state.careful = true;
  const careful = stringifyMarkdown({ type: "root", children: toBlocks(nodes, state) });
  // Each block comes back; if their sequence does not (two blocks merged in Markdown), the
  // whole document is carried rather than altered.
  if (comesBack(careful)) return careful;
  return stringifyMarkdown({ type: "root", children: [rawBlock(nodes)] });
}

export { RAW_FENCE };

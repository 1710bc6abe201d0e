// The two conversions and the check that makes storage → Markdown lossless (docs/markdown.md,
// "The promise"), with the Markdown parser and serialiser passed in so that tests can count
// the work (test/markdown/linear-work.test.ts); index.ts binds the real ones.
import type { Root, RootContent } from "mdast";
import { sanitize } from "./sanitize.js";
import {
  dropLayoutWhitespace,
  normalizeStorage,
  parseStorage,
  type StorageNode,
  serializeStorage,
} from "./storage-tree.js";
import { blockSources, type Flow, rawBlock, type ToMdastState, toBlock } from "./to-mdast.js";
import { rootToStorage } from "./to-storage.js";
import { parseInWindows } from "./windowed-parse.js";

export interface MarkdownIo {
  /** One parse of the whole text (micromark's is superlinear: it is given bounded windows). */
  readonly parseWhole: (markdown: string) => Root;
  readonly stringify: (tree: Root) => string;
}

const root = (children: RootContent[]): Root => ({ type: "root", children });

export function markdownToStorageWith(markdown: string, io: MarkdownIo): string {
  return treeToStorage(parseInWindows(markdown, io.parseWhole), 1);
}

function treeToStorage(tree: Root, firstTaskId: number): string {
  const { storage } = rootToStorage(tree, firstTaskId);
  // One canonical form out, whatever was carried through: re-parsed, sanitised, serialised.
  return serializeStorage(sanitize(parseStorage(storage)));
}

/** Normal form of already parsed storage (what normalizeStorage gives for its text). */
const normalized = (nodes: readonly StorageNode[]) =>
  serializeStorage(dropLayoutWhitespace(nodes), true);

/**
 * Storage → Markdown, checked: the Markdown is converted back and compared (normalised). A
 * clean page costs one conversion each way. Otherwise the top-level blocks that did not come
 * back are converted again, each of their own blocks verified and carried as storage if it does
 * not come back (to-mdast.ts); if the page still does not come back (blocks whose task ids or
 * neighbours changed), every block is verified; and last the whole page is carried.
 */
export function storageToMarkdownWith(storage: string, io: MarkdownIo): string {
  const parse = (markdown: string) => parseInWindows(markdown, io.parseWhole);
  const backOf = (tree: Root, firstTaskId: number) =>
    normalizeStorage(treeToStorage(tree, firstTaskId));
  const nodes = dropLayoutWhitespace(parseStorage(storage));
  const sources = blockSources(nodes);
  const state: ToMdastState = {
    nextTaskId: 1,
    careful: false,
    verify: (block, element, firstTaskId) =>
      backOf(parse(io.stringify(root([block]))), firstTaskId) === normalized([element]),
  };
  const expected = serializeStorage(nodes, true);
  const convert = (careful: (index: number) => boolean) => {
    state.nextTaskId = 1;
    const firstTaskIds: number[] = [];
    const blocks = sources.map((source, index) => {
      firstTaskIds.push(state.nextTaskId);
      state.careful = careful(index);
      return toBlock(source, state);
    });
    const markdown = io.stringify(root(blocks));
    const tree = parse(markdown);
    return { markdown, blocks, tree, firstTaskIds, comesBack: backOf(tree, 1) === expected };
  };

  const optimistic = convert(() => false);
  if (optimistic.comesBack) return optimistic.markdown;
  const failed = failedBlocks(optimistic, sources, backOf);
  if (failed) {
    const localised = convert((index) => failed.has(index));
    if (localised.comesBack) return localised.markdown;
  }
  const careful = convert(() => true);
  // Each block comes back; if their sequence does not (two blocks merged in Markdown), the
  // whole document is carried rather than altered.
  if (careful.comesBack) return careful.markdown;
  return io.stringify(root([rawBlock(nodes)]));
}

/**
 * The indexes of the top-level blocks whose Markdown did not come back, comparing block by
 * block; undefined when the parsed Markdown does not have one top-level node per block.
 */
function failedBlocks(
  converted: { blocks: Flow[]; tree: Root; firstTaskIds: number[] },
  sources: ReturnType<typeof blockSources>,
  backOf: (tree: Root, firstTaskId: number) => string,
): Set<number> | undefined {
  const { blocks, tree, firstTaskIds } = converted;
  if (tree.children.length !== blocks.length) return undefined;
  const failed = new Set<number>();
  tree.children.forEach((child, index) => {
    const source = sources[index]!;
    const expected = normalized("kind" in source ? [source] : source);
    if (backOf(root([child]), firstTaskIds[index]!) !== expected) failed.add(index);
  });
  return failed;
}

// Parsing a long Markdown document window by window, with the same tree as one parse.
//
// Why: micromark does work that grows with the whole document at every container (list,
// blockquote) that closes: it rewrites the document's event list (micromark's
// initialize/document.js, `EditMap.consume`) and re-scans it in `subtokenize`. On a 1 MB page
// that superlinear part was most of the conversion's time (docs/markdown.md, "Speed"). Parsing
// windows of bounded size keeps every parse small, so the total grows linearly.
//
// Why it gives the same tree: a top-level block is closed once the next top-level block has
// started, and nothing after a closed block changes it (a later line can only change the block
// still open: setext underlines, table delimiter rows, lazy continuation, list items, an
// unclosed fence all act on the block they follow). So in a window's tree every top-level node
// but the last is final; the last may be cut, and the next window starts again at its line,
// where the whole-document parse has nothing open either. The one exception is document-wide:
// definitions (`[x]: url`, GFM's `[^x]: note`) let references anywhere resolve, so a document
// that could hold one (any `]:`) is parsed whole.
import type { Root, RootContent } from "mdast";

/** Large enough that a parse's fixed cost is negligible, small enough to stay linear. */
export const WINDOW_CHARS = 4 * 1024;

/**
 * `parse(markdown)`'s top-level nodes, obtained from parses of at most about `window`
 * characters each (a block longer than that: see below). Positions are
 * relative to the window each node was parsed in: the converter does not read them.
 */
export function parseInWindows(
  markdown: string,
  parse: (markdown: string) => Root,
  window = WINDOW_CHARS,
): Root {
  if (markdown.length <= window || markdown.includes("]:")) return parse(markdown);
  const children: RootContent[] = [];
  let start = 0;
  let size = window;
  for (;;) {
    const end = lineEndAfter(markdown, start + size);
    const tree = parse(markdown.slice(start, end));
    if (end === markdown.length) {
      children.push(...tree.children);
      return { type: "root", children };
    }
    const next = nextWindowStart(markdown, start, tree);
    if (next === undefined) {
      // One block fills the window: a window four times larger once (most blocks are shorter);
      // if that is not enough either (a page inside one layout or list), the rest is parsed
      // whole, as it was before windows: never more than five windows' work beyond that.
      size = size === window ? window * 4 : markdown.length;
      continue;
    }
    children.push(...tree.children.slice(0, -1));
    start = next;
    size = window;
  }
}

/** The index just after the line ending at or after `from` (or the end of the text). */
function lineEndAfter(text: string, from: number): number {
  if (from >= text.length) return text.length;
  const newline = text.indexOf("\n", from);
  const carriage = text.indexOf("\r", from);
  const at = newline < 0 ? carriage : carriage < 0 ? newline : Math.min(newline, carriage);
  if (at < 0) return text.length;
  return text[at] === "\r" && text[at + 1] === "\n" ? at + 2 : at + 1;
}

/**
 * Where the next window starts: the start of the line of the window's last top-level node,
 * if that line holds nothing of the node before it; undefined when the window has no node
 * that is certainly final.
 */
function nextWindowStart(markdown: string, windowStart: number, tree: Root): number | undefined {
  const last = tree.children.at(-1);
  const previous = tree.children.at(-2);
  const lastStart = last?.position?.start.offset;
  const previousEnd = previous?.position?.end.offset;
  if (lastStart === undefined || previousEnd === undefined) return undefined;
  const at = windowStart + lastStart;
  const lineStart =
    Math.max(markdown.lastIndexOf("\n", at - 1), markdown.lastIndexOf("\r", at - 1)) + 1;
  if (lineStart < windowStart + previousEnd || lineStart <= windowStart) return undefined;
  return lineStart;
}

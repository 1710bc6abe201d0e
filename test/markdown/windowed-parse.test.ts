// Parsing in windows (src/core/markdown/windowed-parse.ts) gives the tree one parse of the
// whole text gives, for the converter's own Markdown and for Markdown a person writes, with
// windows down to a single character (every line a cut).
import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { storageToMarkdown } from "../../src/core/markdown/index.js";
import { parseMarkdownWhole } from "../../src/core/markdown/markdown-io.js";
import { parseInWindows } from "../../src/core/markdown/windowed-parse.js";
import { storageDocument } from "./arbitraries.js";
import { CORPUS } from "./corpus.js";

/** The tree without positions (window parses have positions relative to their window). */
function shape(node: Nodes): unknown {
  const { position: _position, ...rest } = node as Nodes & { position?: unknown };
  if ("children" in node)
    return { ...rest, children: (node.children as Nodes[]).map((child) => shape(child)) };
  return rest;
}

const WINDOWS = [1, 5, 40, 300];

function expectSameTree(markdown: string, windowSizes = WINDOWS) {
  const whole = shape(parseMarkdownWhole(markdown));
  for (const window of windowSizes) {
    const windows: string[] = [];
    const tree: Root = parseInWindows(
      markdown,
      (text) => {
        windows.push(text);
        return parseMarkdownWhole(text);
      },
      window,
    );
    expect(shape(tree), `window ${window}`).toEqual(whole);
    // Cut into windows indeed (unless the text may hold a definition), and with no overlap but
    // the re-parsed last block of each window.
    if (!markdown.includes("]:") && markdown.length > window && markdown.includes("\n\n"))
      expect(windows.length).toBeGreaterThan(1);
  }
}

const PERSON = [
  // A fence with blank lines and column-0 lines inside, longer than the windows.
  "Intro\n\n```java\nclass A {\n\n}\n\npublic void x() {}\n\n# not a heading\n```\n\nAfter\n",
  // An unclosed fence runs to the end.
  "a\n\n```\ncode\n\nmore\n\n- not a list\n",
  // List items continued after blank lines; a second list of another type; a loose list.
  "- one\n\n  still one\n\n- two\n\n      indented code in two\n\n1. x\n2. y\n\n* a\n\n* b\n\ntext\n",
  // Lazy continuation, setext headings, tables, thematic breaks, HTML blocks.
  "> quote\nlazy\n\nTitle\n=====\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n<!-- a\n\ncomment -->\n\n<div>\n\nx\n</div>\n",
  // Container directives across blank lines, nested; a leaf directive; text directives.
  ':::info{title="T"}\npara\n\n::::panel\ninner\n\n- item\n::::\n\nmore\n:::\n\n::toc{maxLevel="2"}\n\nat 10:30 :status{title="Done"}\n',
  // Definitions resolve across the document: parsed whole.
  "[ref] first\n\npara\n\n[^n] note\n\n[ref]: https://example.com\n\n[^n]: Note.\n\n[ref] again\n",
  // CRLF and CR line endings, indented code, trailing blank lines.
  "a\r\n\r\n    code\r\n\r\n    more\r\n\r\nb\r\rc\r\r\n\n\n",
  // Indented top-level blocks: a window must start at the line, not at the block.
  "para\n\n   - a\n\n   b\n\n  > q\n  c\n",
  `${"p".repeat(36)}\n\n   - a\n\n   b\n`,
  // Task lists, footnote-like text without a definition, HTML inline.
  "- [ ] todo\n- [x] done\n\nNote[^1] and <b>bold</b>\n\n",
];

describe("parsing in windows", () => {
  // Timeouts are generous: windows of one character mean a parse per line, on a shared machine.
  it("gives the whole parse's tree for Markdown a person writes", () => {
    for (const markdown of PERSON) expectSameTree(markdown);
  }, 120_000);

  it("gives the whole parse's tree for the converter's Markdown of the corpus", () => {
    expectSameTree(CORPUS.map((doc) => storageToMarkdown(doc.storage)).join("\n"));
  }, 120_000);

  it("gives the whole parse's tree for random documents", () => {
    fc.assert(
      fc.property(fc.array(storageDocument(false), { minLength: 1, maxLength: 4 }), (docs) => {
        expectSameTree(docs.map((doc) => storageToMarkdown(doc)).join("\n"), [1, 60]);
      }),
      { numRuns: Number(process.env.MARKDOWN_FUZZ_RUNS ?? 25), seed: 20240502 },
    );
  }, 300_000);
});

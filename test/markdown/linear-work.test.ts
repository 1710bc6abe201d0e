// The conversions' work grows linearly with the page (docs/markdown.md, "Speed"), counted
// deterministically rather than timed: the text handed to each micromark parse stays bounded
// whatever the page's size (micromark's own work per parse is superlinear in its text), and
// the total text parsed and serialised doubles, no more, when the page doubles.
import { describe, expect, it } from "vitest";
import {
  type MarkdownIo,
  markdownToStorageWith,
  storageToMarkdownWith,
} from "../../src/core/markdown/convert.js";
import { parseMarkdownWhole, stringifyMarkdown } from "../../src/core/markdown/markdown-io.js";
import { normalizeStorage } from "../../src/core/markdown/storage-tree.js";
import { WINDOW_CHARS } from "../../src/core/markdown/windowed-parse.js";
import { CORPUS } from "./corpus.js";

interface Work {
  parses: number;
  parsedChars: number;
  largestParse: number;
  stringifiedChars: number;
}

function countingIo(): { io: MarkdownIo; work: Work } {
  const work: Work = { parses: 0, parsedChars: 0, largestParse: 0, stringifiedChars: 0 };
  const io: MarkdownIo = {
    parseWhole: (markdown) => {
      work.parses++;
      work.parsedChars += markdown.length;
      work.largestParse = Math.max(work.largestParse, markdown.length);
      return parseMarkdownWhole(markdown);
    },
    stringify: (tree) => {
      const markdown = stringifyMarkdown(tree);
      work.stringifiedChars += markdown.length;
      return markdown;
    },
  };
  return { io, work };
}

/** The corpus `times` over (task ids renumbered through the page), `extra` after each copy. */
function page(times: number, extra = ""): string {
  const one = CORPUS.map((doc) => doc.storage).join("") + extra;
  let id = 0;
  return one
    .repeat(times)
    .replace(/<ac:task-id>\d+<\/ac:task-id>/g, () => `<ac:task-id>${++id}</ac:task-id>`);
}

function convert(storage: string) {
  const toMarkdown = countingIo();
  const markdown = storageToMarkdownWith(storage, toMarkdown.io);
  const toStorage = countingIo();
  const back = markdownToStorageWith(markdown, toStorage.io);
  expect(normalizeStorage(back)).toBe(normalizeStorage(storage));
  return { markdown, toMarkdown: toMarkdown.work, toStorage: toStorage.work };
}

// A paragraph ending in a hard break has no Markdown form that comes back: it is found by the
// check and carried, so the page takes the path that re-converts the blocks that failed.
const FAILS = "<p>ends in a break<br /></p>";

describe("work per page size", () => {
  for (const [name, extra] of [
    ["a page that comes back at once", ""],
    ["a page with blocks that must be carried", FAILS],
  ] as const) {
    it(`${name}: bounded parses, work linear in the size`, () => {
      const small = convert(page(2, extra));
      const large = convert(page(4, extra));
      for (const direction of ["toMarkdown", "toStorage"] as const) {
        // A window holds at most twice WINDOW_CHARS (cut at the next line), and the corpus has
        // no block near that size.
        expect(large[direction].largestParse).toBeLessThanOrEqual(2 * WINDOW_CHARS);
        expect(large[direction].parses).toBeGreaterThan(small[direction].parses);
        expect(large[direction].parsedChars).toBeLessThanOrEqual(
          2.2 * small[direction].parsedChars,
        );
        expect(large[direction].stringifiedChars).toBeLessThanOrEqual(
          2.2 * small[direction].stringifiedChars,
        );
      }
      // Checking costs about one parse of the page, plus the blocks that did not come back
      // (parsed alone) and one more parse of the page once they are carried.
      const bound = extra === "" ? 1.1 : 2.3;
      expect(large.toMarkdown.parsedChars).toBeLessThanOrEqual(bound * large.markdown.length);
      if (extra !== "") expect(large.markdown).toContain("<p>ends in a break<br /></p>");
    }, 180_000);
  }

  it("a page that is one long block: parsed whole after two windows, as before windows", () => {
    const markdown = "- item with some words\n".repeat(1000);
    const { io, work } = countingIo();
    expect(markdownToStorageWith(markdown, io)).toMatch(
      /^<ul>(<li><p>item with some words<\/p><\/li>){1000}<\/ul>$/,
    );
    expect(work.parsedChars).toBeLessThanOrEqual(markdown.length + 6 * WINDOW_CHARS);
  }, 180_000);
});

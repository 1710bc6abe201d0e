// Property: storage → Markdown → storage gives back the same document (normalised) for random
// documents of known and unknown constructs; with clean text, known constructs need no
// carrier. Fixed seed; MARKDOWN_FUZZ_RUNS runs (`npm run fuzz:markdown` runs many more).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  markdownToStorage,
  normalizeStorage,
  storageToMarkdown,
} from "../../src/core/markdown/index.js";
import { storageDocument } from "./arbitraries.js";

const RUNS = Number(process.env.MARKDOWN_FUZZ_RUNS ?? 40);
// Generous: micromark parses a few hundred KB/s, and the machine is shared.
const TIMEOUT = 60_000 + RUNS * 2_000;
const SEED = Number(process.env.MARKDOWN_FUZZ_SEED ?? 20240501);

// The conversions are synchronous: let the worker answer vitest's RPC between runs (a long
// synchronous loop makes it report "Timeout calling onTaskUpdate").
const yieldToVitest = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("round trip (property-based)", () => {
  it(
    "keeps any generated document",
    async () => {
      await fc.assert(
        fc.asyncProperty(storageDocument(false), async (storage) => {
          await yieldToVitest();
          const markdown = storageToMarkdown(storage);
          expect(normalizeStorage(markdownToStorage(markdown))).toBe(normalizeStorage(storage));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "gives known constructs with clean text a Markdown form (no whole-document carrier)",
    async () => {
      await fc.assert(
        fc.asyncProperty(storageDocument(true), async (storage) => {
          await yieldToVitest();
          const markdown = storageToMarkdown(storage);
          expect(normalizeStorage(markdownToStorage(markdown))).toBe(normalizeStorage(storage));
          // Only the deliberately unknown macro (and what it contains) may be carried.
          for (const [, line] of markdown.matchAll(/```+confluence-storage\n([^\n]*)/g))
            expect((line ?? "").replace(/^[\s>]*/, "")).toMatch(
              /^<ac:structured-macro ac:name="unknown-macro"/,
            );
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );
});

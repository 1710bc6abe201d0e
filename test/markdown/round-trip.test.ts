// storage → Markdown → storage keeps every corpus document (normalised), and the constructs
// with a Markdown form get it rather than being carried as storage.
import { describe, expect, it } from "vitest";
import {
  markdownToStorage,
  normalizeStorage,
  storageToMarkdown,
} from "../../src/core/markdown/index.js";
import { CORPUS } from "./corpus.js";

const RAW_FENCE = "```confluence-storage";

describe("storage → Markdown → storage", () => {
  for (const doc of CORPUS) {
    it(doc.name, () => {
      const markdown = storageToMarkdown(doc.storage);
      expect(normalizeStorage(markdownToStorage(markdown))).toBe(normalizeStorage(doc.storage));
      if (doc.native) expect(markdown).not.toContain(RAW_FENCE);
      for (const part of doc.markdownHas ?? []) expect(markdown).toContain(part);
      // Markdown → storage → Markdown is stable too.
      expect(storageToMarkdown(markdownToStorage(markdown))).toBe(markdown);
    });
  }

  it("keeps the whole corpus as one document", () => {
    const storage = CORPUS.map((doc) => doc.storage)
      .join("")
      // Task ids are numbered through the whole page: renumber them for the joined document.
      .replace(/<ac:task-id>\d+<\/ac:task-id>/g, () => "<ac:task-id>#</ac:task-id>");
    let id = 0;
    const numbered = storage.replace(
      /<ac:task-id>#<\/ac:task-id>/g,
      () => `<ac:task-id>${++id}</ac:task-id>`,
    );
    const markdown = storageToMarkdown(numbered);
    expect(normalizeStorage(markdownToStorage(markdown))).toBe(normalizeStorage(numbered));
    expect(markdown).toContain("- [x] checked");
  });

  it("carries unknown macros byte for byte (modulo normalisation) inside known ones", () => {
    const unknown =
      '<ac:structured-macro ac:name="roadmap" ac:macro-id="9"><ac:parameter ac:name="">x</ac:parameter><ac:plain-text-body><![CDATA[{"lanes":[]}]]></ac:plain-text-body></ac:structured-macro>';
    const storage = `<ac:structured-macro ac:name="info"><ac:rich-text-body><p>before</p>${unknown}</ac:rich-text-body></ac:structured-macro>`;
    const markdown = storageToMarkdown(storage);
    expect(markdown).toContain(":::info");
    expect(markdown).toContain(`\`\`\`confluence-storage\n${unknown}\n\`\`\``);
    expect(markdownToStorage(markdown)).toBe(storage);
  });
});

describe("normalisation", () => {
  it("sorts attributes, self-closes empty elements, decodes entities, drops layout whitespace", () => {
    expect(
      normalizeStorage('<ul>\n  <li><p b="2" a="1">x&nbsp;&amp;</p></li>\n</ul>\n<p></p>'),
    ).toBe('<ul><li><p a="1" b="2">x\u00a0&amp;</p></li></ul><p />');
  });

  it("keeps whitespace inside paragraphs and CDATA", () => {
    expect(normalizeStorage("<p>a <strong>b</strong> c</p>")).toBe("<p>a <strong>b</strong> c</p>");
    expect(normalizeStorage("<ac:plain-text-body><![CDATA[ x \n]]></ac:plain-text-body>")).toBe(
      "<ac:plain-text-body><![CDATA[ x \n]]></ac:plain-text-body>",
    );
  });
});

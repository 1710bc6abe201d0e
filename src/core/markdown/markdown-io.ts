// Markdown text <-> mdast with the unified family's low-level utilities (the same ones remark
// uses inside; calling them directly skips unified's plugin machinery): CommonMark via
// micromark, GFM (tables, task lists, strikethrough, autolinks) and generic directives
// (`:name{…}`, `::name{…}`, `:::name{…}`), which carry Confluence macros and layouts with
// Markdown bodies. Why these libraries: docs/markdown.md, "Library choice".
import type { Root } from "mdast";
import { directiveFromMarkdown, directiveToMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { directive } from "micromark-extension-directive";
import { gfm } from "micromark-extension-gfm";

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), directive()],
    mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
  });
}

export function stringifyMarkdown(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [gfmToMarkdown({ tablePipeAlign: false }), directiveToMarkdown()],
    bullet: "-",
    emphasis: "_",
    strong: "*",
    fences: true,
    rule: "-",
    listItemIndent: "one",
    resourceLink: true,
  });
}

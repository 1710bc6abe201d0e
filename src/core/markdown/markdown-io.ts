// Markdown text <-> mdast with the unified family's low-level utilities (the same ones remark
// uses inside; calling them directly skips unified's plugin machinery): CommonMark via
// micromark, GFM (tables, task lists, strikethrough, autolinks) and generic directives
// (`:name{…}`, `::name{…}`, `:::name{…}`), which carry Confluence macros and layouts with
// Markdown bodies. Why these libraries: docs/markdown.md, "Library choice".
import type { Root } from "mdast";
import { directiveFromMarkdown, directiveToMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import {
  defaultHandlers,
  type Handle,
  type Options as ToMarkdownOptions,
  toMarkdown,
} from "mdast-util-to-markdown";
import { directive } from "micromark-extension-directive";
import { gfm } from "micromark-extension-gfm";
import { RESOURCE_SCHEME } from "./carriers.js";

// Built once per module (read-only configuration; the conversion of a large page verifies
// many small fragments, and building the extensions each time cost more than parsing).
const PARSE_OPTIONS = {
  extensions: [gfm(), directive()],
  mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()],
};

/** One micromark parse of the whole text: superlinear on long ones (windowed-parse.ts). */
export function parseMarkdownWhole(markdown: string): Root {
  return fromMarkdown(markdown, PARSE_OPTIONS);
}

export function stringifyMarkdown(tree: Root): string {
  return toMarkdown(tree, STRINGIFY_OPTIONS);
}

const STRINGIFY_OPTIONS: ToMarkdownOptions = {
  extensions: [gfmToMarkdown({ tablePipeAlign: false }), directiveToMarkdown()],
  bullet: "-",
  emphasis: "_",
  strong: "*",
  fences: true,
  rule: "-",
  listItemIndent: "one",
  resourceLink: true,
  handlers: { link: resourceLink, image: resourceImage },
};

// `confluence:` destinations are built from percent-encoded parts (carriers.ts), so they are
// written as they are: the default handlers would escape every `:` and `&` for safety
// (`confluence\:page?…\&…`), correct but hard to read.
function resourceLink(...[node, parent, state, info]: Parameters<Handle>): string {
  if (!node.url.startsWith(RESOURCE_SCHEME) || node.title)
    return defaultHandlers.link(node, parent, state, info);
  const exit = state.enter("link");
  const label = state.enter("label");
  const tracker = state.createTracker(info);
  let value = tracker.move("[");
  value += tracker.move(
    state.containerPhrasing(node, { before: value, after: "](", ...tracker.current() }),
  );
  value += tracker.move(`](${node.url})`);
  label();
  exit();
  return value;
}

function resourceImage(...[node, parent, state, info]: Parameters<Handle>): string {
  if (!node.url.startsWith(RESOURCE_SCHEME) || node.title)
    return defaultHandlers.image(node, parent, state, info);
  const exit = state.enter("image");
  const label = state.enter("label");
  const alt = state.safe(node.alt, { before: "![", after: "](" });
  label();
  exit();
  return `![${alt}](${node.url})`;
}

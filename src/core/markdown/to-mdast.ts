// Confluence storage → mdast. Each construct with an exact Markdown form gets it; every block
// is then checked by converting its Markdown back (the `verify` callback): a block that would
// not come back identical (normalised) is carried as a ```confluence-storage``` block instead,
// and inline elements without a form as `:storage{xml="…"}`. Nothing is dropped.
// Element shapes: https://confluence.atlassian.com/doc/confluence-storage-format-790796544.html
import type {
  BlockContent,
  Code,
  Image,
  Link,
  List,
  ListItem,
  PhrasingContent,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import {
  ELEMENT_DIRECTIVES,
  encodePairs,
  type Pairs,
  RAW_FENCE,
  RAW_INLINE,
  RESOURCE_SCHEME,
  resourceUrl,
} from "./carriers.js";
import {
  BLOCK_ELEMENTS,
  type StorageElement,
  type StorageNode,
  serializeStorage,
} from "./storage-tree.js";

export interface ToMdastState {
  /** The id the next natively converted task must have (see to-storage.ts). */
  nextTaskId: number;
  /** True when `block`'s Markdown converts back to `element` (normalised). */
  readonly verify: (block: RootContent, element: StorageElement, firstTaskId: number) => boolean;
  /**
   * Verify each block (true) or convert optimistically (false). Conversion starts optimistic
   * and the caller checks the whole result; only a part that does not come back is converted
   * again carefully, so a well-formed page costs one conversion each way, not one per block.
   */
  careful: boolean;
}

export type Flow = BlockContent | ContainerDirective | LeafDirective;

/** Elements that are inline content (and so cannot stand alone in a Markdown block). */
const isInlineNode = (node: StorageNode) =>
  node.kind !== "element" || !(BLOCK_ELEMENTS.has(node.name) || BLOCK_ONLY.has(node.name));
const BLOCK_ONLY = new Set([
  "li",
  "tbody",
  "tr",
  "td",
  "th",
  "ac:layout-section",
  "ac:layout-cell",
]);

export const rawBlock = (nodes: readonly StorageNode[]): Code => ({
  type: "code",
  lang: RAW_FENCE,
  meta: null,
  value: serializeStorage(nodes),
});

/**
 * What becomes one Markdown block: a block element, or a run of inline nodes (carried: a
 * Markdown paragraph would add a <p>).
 */
export type BlockSource = StorageElement | readonly StorageNode[];

/** Splits a run of block-level storage nodes into the sources of its Markdown blocks. */
export function blockSources(nodes: readonly StorageNode[]): BlockSource[] {
  const out: BlockSource[] = [];
  let run: StorageNode[] = [];
  for (const node of nodes) {
    // Whole macros outside a paragraph are blocks too: a block macro with a Markdown form is
    // a directive (below); an inline one is carried.
    if (node.kind === "element" && (!isInlineNode(node) || node.name === "ac:structured-macro")) {
      if (run.length > 0) out.push(run);
      run = [];
      out.push(node);
    } else run.push(node);
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** One block source → its Markdown block (verified when the state is careful). */
export const toBlock = (source: BlockSource, state: ToMdastState): Flow =>
  "kind" in source ? verifiedBlock(source, state) : rawBlock(source);

/** A run of block-level storage nodes → Markdown blocks. */
export function toBlocks(nodes: readonly StorageNode[], state: ToMdastState): Flow[] {
  return blockSources(nodes).map((source) => toBlock(source, state));
}

function verifiedBlock(element: StorageElement, state: ToMdastState): Flow {
  if (!state.careful) return blockElement(element, state) ?? rawBlock([element]);
  const before = state.nextTaskId;
  // First the whole block optimistically, then (if it does not come back) with its own
  // blocks verified one by one, and only then carried.
  for (const careful of [false, true]) {
    state.nextTaskId = before;
    state.careful = careful;
    const converted = blockElement(element, state);
    state.careful = true;
    if (converted && state.verify(converted, element, before)) return converted;
  }
  state.nextTaskId = before;
  return rawBlock([element]);
}

const noAttributes = (element: StorageElement) => element.attrs.length === 0;
const elements = (nodes: readonly StorageNode[]) =>
  nodes.every((n) => n.kind === "element") ? (nodes as StorageElement[]) : undefined;

function blockElement(element: StorageElement, state: ToMdastState): Flow | undefined {
  const { name } = element;
  switch (name) {
    case "p":
      if (!noAttributes(element) || element.children.length === 0) return undefined;
      return paragraph(element.children);
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      if (!noAttributes(element)) return undefined;
      return {
        type: "heading",
        depth: Number(name[1]) as 1 | 2 | 3 | 4 | 5 | 6,
        children: toInlines(element.children),
      };
    case "hr":
      return noAttributes(element) && element.children.length === 0
        ? { type: "thematicBreak" }
        : undefined;
    case "blockquote":
      return noAttributes(element)
        ? { type: "blockquote", children: toBlocks(element.children, state) as BlockContent[] }
        : undefined;
    case "ul":
    case "ol":
      return list(element, state);
    case "table":
      return table(element);
    case "ac:task-list":
      return taskList(element, state);
    case "ac:structured-macro":
      return macroBlock(element, state);
    case "ac:layout":
    case "ac:layout-section":
    case "ac:layout-cell":
      return layout(element, state);
    default:
      return undefined;
  }
}

const paragraph = (children: readonly StorageNode[]): BlockContent => ({
  type: "paragraph",
  children: toInlines(children),
});

function list(element: StorageElement, state: ToMdastState): List | undefined {
  const ordered = element.name === "ol";
  let start: number | null = null;
  for (const [name, value] of element.attrs) {
    if (!ordered || name !== "start" || !/^[1-9]\d{0,8}$/.test(value)) return undefined;
    start = Number(value);
  }
  const items = elements(element.children);
  if (!items || items.length === 0 || items.some((li) => li.name !== "li" || !noAttributes(li)))
    return undefined;
  const children: ListItem[] = items.map((li) => ({
    type: "listItem",
    spread: false,
    checked: null,
    children: toBlocks(li.children, state) as BlockContent[],
  }));
  return { type: "list", ordered, start: ordered ? (start ?? 1) : null, spread: false, children };
}

/** Confluence Cloud's tables: <tbody>, a first row of <th>, cells holding one <p> each. */
function table(element: StorageElement): Table | undefined {
  const [tbody] = element.children;
  if (!noAttributes(element) || element.children.length !== 1 || tbody?.kind !== "element")
    return undefined;
  if (tbody.name !== "tbody" || !noAttributes(tbody)) return undefined;
  const rows = elements(tbody.children);
  if (!rows || rows.length === 0) return undefined;
  const width = rows[0]?.children.length ?? 0;
  const children: TableRow[] = [];
  for (const [index, row] of rows.entries()) {
    const cells = elements(row.children);
    if (row.name !== "tr" || !noAttributes(row) || !cells || cells.length !== width || width === 0)
      return undefined;
    const cellName = index === 0 ? "th" : "td";
    const converted: TableCell[] = [];
    for (const cell of cells) {
      const [p] = cell.children;
      if (cell.name !== cellName || !noAttributes(cell) || cell.children.length !== 1)
        return undefined;
      if (p?.kind !== "element" || p.name !== "p" || !noAttributes(p)) return undefined;
      converted.push({ type: "tableCell", children: toInlines(p.children) });
    }
    children.push({ type: "tableRow", children: converted });
  }
  return { type: "table", align: null, children };
}

/** <ac:task-list> → a GFM task list; the ids must be the document's 1, 2, 3 … sequence. */
function taskList(element: StorageElement, state: ToMdastState): List | undefined {
  const tasks = elements(element.children);
  if (!noAttributes(element) || !tasks || tasks.length === 0) return undefined;
  const children: ListItem[] = [];
  for (const task of tasks) {
    const [id, status, body] = task.children;
    if (task.name !== "ac:task" || !noAttributes(task) || task.children.length !== 3)
      return undefined;
    if (
      id?.kind !== "element" ||
      id.name !== "ac:task-id" ||
      textOf(id) !== String(state.nextTaskId)
    )
      return undefined;
    if (status?.kind !== "element" || status.name !== "ac:task-status") return undefined;
    const state_ = textOf(status);
    if (state_ !== "complete" && state_ !== "incomplete") return undefined;
    if (body?.kind !== "element" || body.name !== "ac:task-body" || body.children.length === 0)
      return undefined;
    state.nextTaskId++;
    children.push({
      type: "listItem",
      spread: false,
      checked: state_ === "complete",
      children: [paragraph(body.children) as BlockContent],
    });
  }
  return { type: "list", ordered: false, start: null, spread: false, children };
}

/** The text of an element holding exactly one text node (or nothing). */
function textOf(element: StorageElement): string | undefined {
  if (element.children.length === 0) return "";
  const [only] = element.children;
  return element.children.length === 1 && only?.kind === "text" ? only.value : undefined;
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ATTRIBUTE_NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*$/;
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const singleLine = (value: string) => !/[\r\n]/.test(value);

/** A macro's attributes (with their prefix) and parameters (bare names), or undefined. */
function macroParts(element: StorageElement) {
  const macroName = element.attrs.find(([name]) => name === "ac:name")?.[1];
  if (macroName === undefined) return undefined;
  const attributes: Record<string, string> = {};
  for (const [name, value] of element.attrs) {
    if (name === "ac:name") continue;
    if (!name.includes(":") || !ATTRIBUTE_NAME.test(name) || !singleLine(value)) return undefined;
    attributes[name] = value;
  }
  const params: Pairs = [];
  let body: StorageElement | undefined;
  for (const child of element.children) {
    if (child.kind !== "element" || body) return undefined; // nothing after the body
    if (child.name === "ac:parameter") {
      const [paramAttribute, ...others] = child.attrs;
      const value = textOf(child);
      if (others.length > 0 || paramAttribute?.[0] !== "ac:name" || value === undefined)
        return undefined;
      params.push([paramAttribute[1], value]);
    } else if (child.name === "ac:rich-text-body" || child.name === "ac:plain-text-body") {
      if (!noAttributes(child)) return undefined;
      body = child;
    } else return undefined;
  }
  return { macroName, attributes, params, body };
}

function macroBlock(element: StorageElement, state: ToMdastState): Flow | undefined {
  const parts = macroParts(element);
  if (!parts) return undefined;
  if (parts.macroName === "code") return codeMacro(parts);
  const attributes = macroAttributes(parts);
  if (!attributes || parts.body?.name === "ac:plain-text-body") return undefined;
  if (!parts.body)
    return { type: "leafDirective", name: parts.macroName, attributes, children: [] };
  return {
    type: "containerDirective",
    name: parts.macroName,
    attributes,
    children: toBlocks(parts.body.children, state) as BlockContent[],
  };
}

/** Parameters and attributes as directive attributes, when the names allow it. */
function macroAttributes(parts: NonNullable<ReturnType<typeof macroParts>>) {
  if (!NAME.test(parts.macroName) || ELEMENT_DIRECTIVES.has(parts.macroName)) return undefined;
  const attributes: Record<string, string> = { ...parts.attributes };
  for (const [name, value] of parts.params) {
    // `id` and `class` have shortcut syntaxes (#x, .x) that do not keep every value.
    if (!PARAMETER_NAME.test(name) || name === "id" || name === "class") return undefined;
    if (name in attributes || !singleLine(value)) return undefined;
    attributes[name] = value;
  }
  return attributes;
}

/** The code macro → a fenced block: language, then other parameters as `key=value` words. */
function codeMacro(parts: NonNullable<ReturnType<typeof macroParts>>): Code | undefined {
  const { params, body } = parts;
  if (body?.name !== "ac:plain-text-body") return undefined;
  if (!body.children.every((child) => child.kind === "cdata")) return undefined;
  const [first, ...rest] = params;
  if (first?.[0] !== "language" || !/^[^\s`~]+$/.test(first[1]) || first[1] === RAW_FENCE)
    return undefined;
  const extra: Pairs = [...Object.entries(parts.attributes), ...rest];
  if (extra.some(([name]) => name === "language" || name === "")) return undefined;
  return {
    type: "code",
    lang: first[1],
    meta: extra.length > 0 ? encodePairs(extra, " ") : null,
    value: body.children.map((child) => (child as { value: string }).value).join(""),
  };
}

function layout(element: StorageElement, state: ToMdastState): ContainerDirective | undefined {
  const attributes: Record<string, string> = {};
  for (const [name, value] of element.attrs) {
    if (!name.includes(":") || !ATTRIBUTE_NAME.test(name) || !singleLine(value)) return undefined;
    attributes[name] = value;
  }
  const expected = { "ac:layout": "ac:layout-section", "ac:layout-section": "ac:layout-cell" }[
    element.name as "ac:layout" | "ac:layout-section"
  ];
  if (expected && element.children.some((c) => c.kind !== "element" || c.name !== expected))
    return undefined;
  return {
    type: "containerDirective",
    name: element.name.slice(3),
    attributes,
    children: toBlocks(element.children, state) as BlockContent[],
  };
}

// ---------------------------------------------------------------------------- inline content

const rawInline = (node: StorageNode): TextDirective => ({
  type: "textDirective",
  name: RAW_INLINE,
  attributes: { xml: serializeStorage([node]) },
  children: [],
});

export function toInlines(nodes: readonly StorageNode[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.kind === "text") out.push({ type: "text", value: node.value });
    else out.push((node.kind === "element" && inlineElement(node)) || rawInline(node));
  }
  return out;
}

const SIMPLE_INLINE = { strong: "strong", em: "emphasis", s: "delete" } as const;

function inlineElement(element: StorageElement): PhrasingContent | undefined {
  const { name } = element;
  if (name === "strong" || name === "em" || name === "s") {
    if (!noAttributes(element) || element.children.length === 0) return undefined;
    return { type: SIMPLE_INLINE[name], children: toInlines(element.children) };
  }
  switch (name) {
    case "code": {
      const value = textOf(element);
      return noAttributes(element) && value ? { type: "inlineCode", value } : undefined;
    }
    case "br":
      return noAttributes(element) && element.children.length === 0 ? { type: "break" } : undefined;
    case "a": {
      const [href, ...others] = element.attrs;
      if (others.length > 0 || href?.[0] !== "href" || href[1].startsWith(RESOURCE_SCHEME))
        return undefined;
      return { type: "link", url: href[1], title: null, children: toInlines(element.children) };
    }
    case "ac:link":
      return resourceLink(element);
    case "ac:image":
      return image(element);
    case "ac:emoticon": {
      if (element.children.length > 0) return undefined;
      const attributes = Object.fromEntries(element.attrs);
      if (
        !element.attrs.every(([n, v]) => n.includes(":") && ATTRIBUTE_NAME.test(n) && singleLine(v))
      )
        return undefined;
      return { type: "textDirective", name: "emoticon", attributes, children: [] };
    }
    case "ac:structured-macro": {
      const parts = macroParts(element);
      const attributes = parts && !parts.body && macroAttributes(parts);
      if (!parts || !attributes || parts.macroName === "code") return undefined;
      return { type: "textDirective", name: parts.macroName, attributes, children: [] };
    }
    default:
      return undefined;
  }
}

/** A `ri:` resource element's attributes without the prefix, or undefined. */
function resourcePairs(resource: StorageElement): Pairs | undefined {
  if (!resource.name.startsWith("ri:") || resource.children.length > 0) return undefined;
  const pairs: Pairs = [];
  for (const [name, value] of resource.attrs) {
    const local = name.slice(3);
    if (!name.startsWith("ri:") || local.includes(":") || local === "" || local === "body")
      return undefined;
    pairs.push([local, value]);
  }
  return pairs;
}

const ownPairs = (element: StorageElement, skip: readonly string[] = []): Pairs | undefined =>
  element.attrs.every(([name]) => name.startsWith("ac:"))
    ? element.attrs.filter(([name]) => !skip.includes(name))
    : undefined;

/** <ac:link> to a page, blog post, attachment, user … → [body](confluence:page?…). */
function resourceLink(element: StorageElement): Link | undefined {
  const own = ownPairs(element);
  if (!own) return undefined;
  let resource: StorageElement | undefined;
  let body: StorageElement | undefined;
  for (const child of element.children) {
    if (child.kind !== "element" || body) return undefined;
    if (child.name.startsWith("ri:") && !resource) resource = child;
    else if (child.name === "ac:plain-text-link-body" || child.name === "ac:link-body")
      body = child;
    else return undefined;
  }
  const pairs = resource ? resourcePairs(resource) : [];
  if (!pairs || (body && !noAttributes(body))) return undefined;
  let children: PhrasingContent[] = [];
  if (body?.name === "ac:plain-text-link-body") {
    if (!body.children.every((child) => child.kind === "cdata")) return undefined;
    const value = body.children.map((child) => (child as { value: string }).value).join("");
    if (value === "") return undefined;
    children = [{ type: "text", value }];
  } else if (body) {
    pairs.push(["body", "rich"]);
    children = toInlines(body.children);
  }
  const name = resource ? resource.name.slice(3) : "";
  return { type: "link", url: resourceUrl(name, [...pairs, ...own]), title: null, children };
}

/** <ac:image> → ![alt](https://…) for a plain URL, else ![alt](confluence:attachment?…). */
function image(element: StorageElement): Image | undefined {
  const own = ownPairs(element, ["ac:alt", "ac:title"]);
  const [resource, ...others] = element.children;
  if (!own || others.length > 0 || resource?.kind !== "element") return undefined;
  const alt = element.attrs.find(([name]) => name === "ac:alt")?.[1];
  const title = element.attrs.find(([name]) => name === "ac:title")?.[1];
  if (alt === "" || title === "") return undefined;
  const pairs = resourcePairs(resource);
  if (!pairs) return undefined;
  const value = pairs[0]?.[1] ?? "";
  const plainUrl =
    resource.name === "ri:url" &&
    pairs.length === 1 &&
    pairs[0]?.[0] === "value" &&
    own.length === 0 &&
    (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("/")) &&
    !value.startsWith(RESOURCE_SCHEME);
  return {
    type: "image",
    url: plainUrl ? value : resourceUrl(resource.name.slice(3), [...pairs, ...own]),
    alt: alt ?? "",
    title: title ?? null,
  };
}

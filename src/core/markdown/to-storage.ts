// mdast → Confluence storage. Produces a string by concatenation (text escaped, carried
// storage inserted as is); the caller re-parses it and serialises it canonically, which also
// sanitises it (sanitize.ts). Constructs follow the storage format reference:
// https://confluence.atlassian.com/doc/confluence-storage-format-790796544.html
import type {
  Definition,
  List,
  ListItem,
  Nodes,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { decodePairs, parseResourceUrl, RAW_FENCE, RAW_INLINE } from "./carriers.js";

export interface ToStorageState {
  /** Id of the next task (Confluence numbers a page's tasks 1, 2, 3 … in document order). */
  nextTaskId: number;
  readonly definitions: Map<string, Definition>;
}

const text = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const attr = (value: string) => text(value).replaceAll('"', "&quot;");
const attrs = (pairs: Iterable<readonly [string, string]>) => {
  let out = "";
  for (const [name, value] of pairs) out += ` ${name}="${attr(value)}"`;
  return out;
};
const element = (name: string, attributes: string, inner: string) =>
  inner === "" ? `<${name}${attributes} />` : `<${name}${attributes}>${inner}</${name}>`;
const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

/** URLs a person may write that must not become links (script and data URLs). */
const UNSAFE_URL = /^\s*(javascript|vbscript|data|file):/i;

export function rootToStorage(
  tree: Root,
  firstTaskId = 1,
): { storage: string; nextTaskId: number } {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const state: ToStorageState = { nextTaskId: firstTaskId, definitions };
  return { storage: blocks(tree.children, state), nextTaskId: state.nextTaskId };
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>) {
  if (node.type === "definition") into.set(node.identifier, node);
  if ("children" in node) for (const child of node.children) collectDefinitions(child, into);
}

function blocks(nodes: readonly RootContent[], state: ToStorageState): string {
  let out = "";
  for (const node of nodes) out += block(node, state);
  return out;
}

function block(node: RootContent, state: ToStorageState): string {
  switch (node.type) {
    case "paragraph":
      return element("p", "", inlines(node.children, state));
    case "heading":
      return element(`h${node.depth}`, "", inlines(node.children, state));
    case "thematicBreak":
      return "<hr />";
    case "blockquote":
      return element("blockquote", "", blocks(node.children, state));
    case "list":
      return list(node, state);
    case "code":
      return code(node.lang, node.meta, node.value);
    case "table":
      return table(node, state);
    case "html":
      // Raw HTML written in Markdown is shown as text, never passed on (docs/markdown.md).
      return element("p", "", text(node.value));
    case "containerDirective":
    case "leafDirective":
      return directiveBlock(node, state);
    case "definition":
      return "";
    default:
      // Inline content where a block was expected (and GFM footnotes): keep its text.
      return "children" in node
        ? element("p", "", inlines((node as Parent).children as PhrasingContent[], state))
        : "value" in node
          ? element("p", "", text(String(node.value)))
          : "";
  }
}

function list(node: List, state: ToStorageState): string {
  if (node.children.some((item) => typeof item.checked === "boolean")) {
    let tasks = "";
    for (const item of node.children) tasks += task(item, state);
    return element("ac:task-list", "", tasks);
  }
  let items = "";
  for (const item of node.children) items += element("li", "", blocks(item.children, state));
  if (!node.ordered) return element("ul", "", items);
  const start = node.start ?? 1;
  return element("ol", start === 1 ? "" : attrs([["start", String(start)]]), items);
}

function task(item: ListItem, state: ToStorageState): string {
  const [first, ...rest] = item.children;
  const body =
    (first?.type === "paragraph"
      ? inlines(first.children, state)
      : first
        ? block(first, state)
        : "") + blocks(rest, state);
  const id = state.nextTaskId++;
  return (
    `<ac:task><ac:task-id>${id}</ac:task-id>` +
    `<ac:task-status>${item.checked ? "complete" : "incomplete"}</ac:task-status>` +
    `${element("ac:task-body", "", body)}</ac:task>`
  );
}

function code(lang: string | null | undefined, meta: string | null | undefined, value: string) {
  if (lang === RAW_FENCE) return value;
  const params: [string, string][] = [];
  const macroAttributes: [string, string][] = [];
  if (lang) params.push(["language", lang]);
  for (const [name, v] of decodePairs(meta ?? "", " ")) {
    if (name.includes(":")) macroAttributes.push([name, v]);
    else params.push([name, v]);
  }
  let inner = "";
  for (const [name, v] of params)
    inner += element("ac:parameter", attrs([["ac:name", name]]), text(v));
  inner += `<ac:plain-text-body>${cdata(value)}</ac:plain-text-body>`;
  return `<ac:structured-macro${attrs([["ac:name", "code"], ...macroAttributes])}>${inner}</ac:structured-macro>`;
}

function table(node: Table, state: ToStorageState): string {
  let rows = "";
  node.children.forEach((row, index) => {
    let cells = "";
    for (const cell of row.children)
      cells += element(
        index === 0 ? "th" : "td",
        "",
        element("p", "", inlines(cell.children, state)),
      );
    rows += element("tr", "", cells);
  });
  return element("table", "", element("tbody", "", rows));
}

/** Directive attributes: names with a colon are the element's own, the others macro parameters. */
function splitAttributes(directive: ContainerDirective | LeafDirective | TextDirective) {
  const own: [string, string][] = [];
  const params: [string, string][] = [];
  for (const [name, value] of Object.entries(directive.attributes ?? {})) {
    if (value === null || value === undefined) continue;
    (name.includes(":") ? own : params).push([name, value]);
  }
  return { own, params };
}

function macro(
  directive: ContainerDirective | LeafDirective | TextDirective,
  body: string | undefined,
): string {
  const { own, params } = splitAttributes(directive);
  let inner = "";
  for (const [name, value] of params)
    inner += element("ac:parameter", attrs([["ac:name", name]]), text(value));
  if (body !== undefined) inner += `<ac:rich-text-body>${body}</ac:rich-text-body>`;
  return element("ac:structured-macro", attrs([["ac:name", directive.name], ...own]), inner);
}

function directiveBlock(node: ContainerDirective | LeafDirective, state: ToStorageState): string {
  const isContainer = node.type === "containerDirective";
  if (node.name === "layout" || node.name === "layout-section" || node.name === "layout-cell") {
    const inner = isContainer ? blocks(node.children, state) : "";
    return element(`ac:${node.name}`, attrs(Object.entries(stringAttributes(node))), inner);
  }
  if (node.name === RAW_INLINE || node.name === "emoticon")
    return element("p", "", directiveInline(node, state));
  return macro(node, isContainer ? blocks(node.children, state) : undefined);
}

const stringAttributes = (node: {
  attributes?: Record<string, string | null | undefined> | null;
}) =>
  Object.fromEntries(
    Object.entries(node.attributes ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );

function directiveInline(
  node: TextDirective | LeafDirective | ContainerDirective,
  state: ToStorageState,
): string {
  if (node.name === RAW_INLINE) return node.attributes?.xml ?? "";
  if (node.name === "emoticon")
    return element("ac:emoticon", attrs(Object.entries(stringAttributes(node))), "");
  if (node.type === "textDirective" && !hasParamsOrOwn(node))
    // Ordinary text a person wrote ("at 10:30", "see:this[…]"): kept as text. An inline macro
    // without parameters from storage comes back as this text, fails verification and is carried.
    return `:${text(node.name)}${node.children.length > 0 ? `[${inlines(node.children, state)}]` : ""}`;
  return macro(node, undefined);
}

const hasParamsOrOwn = (node: TextDirective) => Object.keys(node.attributes ?? {}).length > 0;

function inlines(nodes: readonly PhrasingContent[], state: ToStorageState): string {
  let out = "";
  for (const node of nodes) out += inline(node, state);
  return out;
}

function inline(node: PhrasingContent, state: ToStorageState): string {
  switch (node.type) {
    case "text":
      return text(node.value);
    case "strong":
      return element("strong", "", inlines(node.children, state));
    case "emphasis":
      return element("em", "", inlines(node.children, state));
    case "delete":
      return element("s", "", inlines(node.children, state));
    case "inlineCode":
      return element("code", "", text(node.value));
    case "break":
      return "<br />";
    case "html":
      return text(node.value);
    case "link":
      return link(node.url, node.children, state);
    case "image":
      return image(node.url, node.alt ?? "", node.title ?? "");
    case "linkReference": {
      const definition = state.definitions.get(node.identifier);
      return definition
        ? link(definition.url, node.children, state)
        : inlines(node.children, state);
    }
    case "imageReference": {
      const definition = state.definitions.get(node.identifier);
      return definition
        ? image(definition.url, node.alt ?? "", definition.title ?? "")
        : text(node.alt ?? "");
    }
    case "textDirective":
      return directiveInline(node, state);
    case "footnoteReference":
      return text(`[^${node.identifier}]`);
  }
}

function link(url: string, children: PhrasingContent[], state: ToStorageState): string {
  const resource = parseResourceUrl(url);
  if (resource) {
    const own = resource.pairs.filter(([name]) => name.includes(":"));
    const resourceAttributes = resource.pairs
      .filter(([name]) => !name.includes(":") && name !== "body")
      .map(([name, value]) => [`ri:${name}`, value] as const);
    const rich = resource.pairs.some(([name, value]) => name === "body" && value === "rich");
    let inner =
      resource.resource === ""
        ? ""
        : element(`ri:${resource.resource}`, attrs(resourceAttributes), "");
    if (children.length > 0 || rich) {
      const plain = !rich && children.every((child) => child.type === "text");
      inner += plain
        ? `<ac:plain-text-link-body>${cdata(children.map((child) => (child as { value: string }).value).join(""))}</ac:plain-text-link-body>`
        : `<ac:link-body>${inlines(children, state)}</ac:link-body>`;
    }
    return element("ac:link", attrs(own), inner);
  }
  if (UNSAFE_URL.test(url)) return inlines(children, state);
  return element("a", attrs([["href", url]]), inlines(children, state));
}

function image(url: string, alt: string, title: string): string {
  const own: [string, string][] = [];
  if (alt !== "") own.push(["ac:alt", alt]);
  if (title !== "") own.push(["ac:title", title]);
  const resource = parseResourceUrl(url);
  let inner: string;
  if (resource) {
    own.push(...resource.pairs.filter(([name]) => name.includes(":")));
    const resourceAttributes = resource.pairs
      .filter(([name]) => !name.includes(":"))
      .map(([name, value]) => [`ri:${name}`, value] as const);
    inner = element(`ri:${resource.resource}`, attrs(resourceAttributes), "");
  } else if (UNSAFE_URL.test(url)) {
    return text(alt);
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("/")) {
    inner = element("ri:url", attrs([["ri:value", url]]), "");
  } else {
    // A relative name a person wrote (`![](diagram.png)`): an attachment of the page.
    inner = element("ri:attachment", attrs([["ri:filename", url]]), "");
  }
  return element("ac:image", attrs(own), inner);
}

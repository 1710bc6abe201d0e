// Confluence storage format as a small tree: parsing (htmlparser2), the one canonical
// serialiser every output goes through, and the normalisation the round trip is measured by.
//
// Storage is XHTML with `ac:` and `ri:` namespaced elements and CDATA sections, but it also
// uses HTML's named entities (`&nbsp;`, `&mdash;`), which a strict XML parser rejects; so it is
// read with htmlparser2 in its forgiving HTML mode with tag/attribute case kept, CDATA and
// `<x />` recognised. Malformed input never throws: unclosed elements are closed at the end,
// stray end tags are ignored, and the text is kept.
// Source for the format: https://confluence.atlassian.com/doc/confluence-storage-format-790796544.html
import { Parser } from "htmlparser2";

export interface StorageElement {
  readonly kind: "element";
  readonly name: string;
  readonly attrs: [string, string][];
  readonly children: StorageNode[];
}
export type StorageNode =
  | StorageElement
  | { readonly kind: "text"; value: string }
  | { readonly kind: "cdata"; value: string }
  | { readonly kind: "comment"; readonly value: string }
  | { readonly kind: "directive"; readonly value: string };

/** Parses a storage document (or fragment) into a list of nodes; never throws. */
export function parseStorage(storage: string): StorageNode[] {
  const root: StorageNode[] = [];
  const stack: StorageElement[] = [];
  const siblings = () => stack.at(-1)?.children ?? root;
  let cdata: { kind: "cdata"; value: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: StorageElement = {
          kind: "element",
          name,
          attrs: Object.entries(attribs),
          children: [],
        };
        siblings().push(element);
        stack.push(element);
      },
      onclosetag() {
        stack.pop();
      },
      ontext(data) {
        if (cdata) {
          cdata.value += data;
          return;
        }
        const list = siblings();
        const last = list.at(-1);
        if (last?.kind === "text") last.value += data;
        else list.push({ kind: "text", value: data });
      },
      oncdatastart() {
        cdata = { kind: "cdata", value: "" };
        siblings().push(cdata);
      },
      oncdataend() {
        cdata = undefined;
      },
      oncomment(data) {
        siblings().push({ kind: "comment", value: data });
      },
      onprocessinginstruction(_name, data) {
        siblings().push({ kind: "directive", value: data });
      },
    },
    {
      xmlMode: false,
      recognizeCDATA: true,
      recognizeSelfClosing: true,
      lowerCaseTags: false,
      lowerCaseAttributeNames: false,
      decodeEntities: true,
    },
  );
  parser.end(storage);
  return root;
}

const escapeText = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replaceAll('"', "&quot;");

/** The canonical form: empty elements self-closed, only `& < > "` escaped, CDATA kept. */
export function serializeStorage(nodes: readonly StorageNode[], sortAttributes = false): string {
  let out = "";
  for (const node of nodes) out += serializeNode(node, sortAttributes);
  return out;
}

function serializeNode(node: StorageNode, sortAttributes: boolean): string {
  switch (node.kind) {
    case "text":
      return escapeText(node.value);
    case "cdata":
      // "]]>" cannot appear inside CDATA: split it across two sections.
      return `<![CDATA[${node.value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
    case "comment":
      return `<!--${node.value}-->`;
    case "directive":
      return `<${node.value}>`;
    case "element": {
      const attrs = sortAttributes
        ? [...node.attrs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        : node.attrs;
      let open = `<${node.name}`;
      for (const [name, value] of attrs) open += ` ${name}="${escapeAttribute(value)}"`;
      if (node.children.length === 0) return `${open} />`;
      return `${open}>${serializeStorage(node.children, sortAttributes)}</${node.name}>`;
    }
  }
}

/** Elements whose direct whitespace-only text is layout, never content. */
const CONTAINERS = new Set([
  "ul",
  "ol",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "colgroup",
  "ac:task-list",
  "ac:task",
  "ac:layout",
  "ac:layout-section",
  "ac:layout-cell",
  "ac:structured-macro",
  "ac:image",
  "ac:link",
]);

/** Block-level elements: whitespace-only text beside one of them is layout. */
export const BLOCK_ELEMENTS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "table",
  "blockquote",
  "pre",
  "hr",
  "div",
  "ac:task-list",
  "ac:layout",
]);

const isBlank = (node: StorageNode) => node.kind === "text" && /^[ \t\r\n]*$/.test(node.value);

/**
 * Removes whitespace-only text that only lays out blocks: at the top level, inside the
 * CONTAINERS, and inside any element that has a block-level child. Text inside paragraphs,
 * headings and other inline contexts is left alone.
 */
export function dropLayoutWhitespace(
  nodes: readonly StorageNode[],
  parent?: StorageElement,
): StorageNode[] {
  const layout =
    parent === undefined ||
    CONTAINERS.has(parent.name) ||
    nodes.some((n) => n.kind === "element" && BLOCK_ELEMENTS.has(n.name));
  const out: StorageNode[] = [];
  for (const node of nodes) {
    if (layout && isBlank(node)) continue;
    if (node.kind === "element")
      out.push({ ...node, children: dropLayoutWhitespace(node.children, node) });
    else out.push(node);
  }
  return out;
}

/**
 * The normal form the round trip is compared in (docs/markdown.md, "Normalisation"):
 * entities decoded and re-escaped minimally, attributes sorted by name, empty elements
 * self-closed, whitespace-only text between blocks removed, adjacent text merged.
 */
export function normalizeStorage(storage: string): string {
  return serializeStorage(dropLayoutWhitespace(parseStorage(storage)), true);
}

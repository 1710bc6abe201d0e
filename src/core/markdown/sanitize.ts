// What Markdown may never smuggle into a page, whichever way it is written (a carried
// ```confluence-storage``` block included): script-bearing elements, event-handler attributes
// and script URLs. Confluence's own storage never contains them (its editor cannot produce
// them), so removing them costs no round trip.
import type { StorageNode } from "./storage-tree.js";

const DROPPED_ELEMENTS = new Set(["script", "style", "iframe", "object", "embed"]);
const URL_ATTRIBUTES = new Set(["href", "src", "ri:value"]);
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i;

export function sanitize(nodes: readonly StorageNode[]): StorageNode[] {
  const out: StorageNode[] = [];
  for (const node of nodes) {
    if (node.kind !== "element") {
      out.push(node);
      continue;
    }
    if (DROPPED_ELEMENTS.has(node.name.toLowerCase())) continue;
    const attrs = node.attrs.filter(
      ([name, value]) =>
        !/^on/i.test(name) && !(URL_ATTRIBUTES.has(name.toLowerCase()) && SCRIPT_URL.test(value)),
    );
    out.push({ ...node, attrs, children: sanitize(node.children) });
  }
  return out;
}

// The page tree, apart from HTTP: children, ancestors and descendants of a page. Only current and
// archived pages are part of the tree answers (ChildPage / DescendantsResponse status enum:
// OnlyArchivedAndCurrentContentStatus); drafts and trashed pages are left out.
import type { PageRecord } from "../model.js";
import type { Store } from "../store.js";

const IN_TREE: ReadonlySet<PageRecord["status"]> = new Set(["current", "archived"]);

/** Children of a page in the tree, unsorted: O(children) through the store's parent index. */
export function childrenOf(store: Store, page: PageRecord): PageRecord[] {
  return store.childrenOf(page.id).filter((other) => IN_TREE.has(other.status));
}

/**
 * Ancestors from the top of the tree down to the parent ("top-to-bottom order (that is, the
 * highest ancestor is the first item in the response payload)", getPageAncestors).
 */
export function ancestorsOf(store: Store, page: PageRecord): PageRecord[] {
  const chain: PageRecord[] = [];
  let parentId = page.parentId;
  for (let hops = 0; parentId !== undefined && hops < 10_000; hops++) {
    const parent = store.pages.get(parentId);
    if (!parent) break;
    chain.push(parent);
    parentId = parent.parentId;
  }
  return chain.reverse();
}

export interface Descendant {
  page: PageRecord;
  depth: number;
}

/**
 * Descendants down to `depth` levels (1 = children), "in top-to-bottom order" (getPageDescendants):
 * level by level, each level by child position then id.
 */
export function descendantsOf(store: Store, page: PageRecord, depth: number): Descendant[] {
  // Walks the parent index: the work is the size of the answer, not of the space.
  const out: Descendant[] = [];
  let level = [page];
  for (let d = 1; d <= depth && level.length > 0; d++) {
    const next = level
      .flatMap((parent) => childrenOf(store, parent))
      .sort((a, b) => a.position - b.position || a.num - b.num);
    for (const child of next) out.push({ page: child, depth: d });
    level = next;
  }
  return out;
}

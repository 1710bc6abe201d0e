// The rules of folders, whiteboards, databases and smart links (the v2 content tree beyond pages;
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-folder/ and its whiteboard,
// database and smart-link twins):
// - created in a space (spaceId required), at its root or below a parent page or tree item of
//   the same space (parentId); an unknown parent is a 404, as for pages;
// - "Deleting a folder moves the folder to the trash, where it can be restored later" (same for
//   whiteboards, databases and smart links); a trashed item is no longer served;
// - ancestors are returned top to bottom (the highest ancestor first), like getPageAncestors;
// - descendants go at most `depth` levels down (1..5, default 2).
import { badRequest, notFound } from "../errors.js";
import type { TreeContentRecord, TreeContentType } from "../model-content.js";
import type { Store } from "../store.js";

export interface TreeCreate {
  type: TreeContentType;
  spaceId: unknown;
  title: unknown;
  parentId: unknown;
  embedUrl: unknown;
  defaultTitle: string;
  authorId: string;
  now: string;
}

const ID = /^[0-9]{1,18}$/;

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${name} must be a string`);
  return value;
}

/** A parent in the tree: a page or a live tree item, with its content type. */
export function treeNode(
  store: Store,
  id: string,
): { id: string; type: string; spaceId: string; parentId: string | undefined } | undefined {
  const item = store.content.tree.get(id);
  if (item && item.status === "current") {
    return { id, type: item.type, spaceId: item.spaceId, parentId: item.parentId };
  }
  const page = store.pages.get(id);
  if (page && page.status !== "trashed" && page.status !== "draft") {
    return { id, type: "page", spaceId: page.spaceId, parentId: page.parentId };
  }
  return undefined;
}

export function createTreeContent(store: Store, input: TreeCreate): TreeContentRecord {
  const spaceId = optionalString(input.spaceId, "spaceId");
  if (spaceId === undefined || spaceId === "") throw badRequest("spaceId is required");
  if (!ID.test(spaceId) || !store.spaces.has(spaceId)) throw notFound();
  const title = optionalString(input.title, "title");
  const parentId = optionalString(input.parentId, "parentId");
  let parentType: string | undefined;
  if (parentId !== undefined) {
    const parent = ID.test(parentId) ? treeNode(store, parentId) : undefined;
    if (!parent || parent.spaceId !== spaceId) throw notFound();
    parentType = parent.type;
  }
  const embedUrl = optionalString(input.embedUrl, "embedUrl");
  if (embedUrl !== undefined && !URL.canParse(embedUrl)) throw badRequest("embedUrl must be a URL");
  const num = store.allocateId();
  const record: TreeContentRecord = {
    id: String(num),
    num,
    type: input.type,
    status: "current",
    title: title || input.defaultTitle,
    spaceId,
    parentId,
    parentType,
    authorId: input.authorId,
    ownerId: input.authorId,
    createdAt: input.now,
    version: {
      number: 1,
      message: "",
      minorEdit: false,
      authorId: input.authorId,
      createdAt: input.now,
    },
    embedUrl: input.type === "embed" ? (embedUrl ?? "") : undefined,
  };
  store.content.addTreeContent(record);
  return record;
}

export function trashTreeContent(store: Store, item: TreeContentRecord): void {
  item.status = "trashed";
  store.touch();
}

/** Ancestors of a node, top to bottom. */
export function ancestorsOf(store: Store, parentId: string | undefined) {
  const chain: { id: string; type: string }[] = [];
  const seen = new Set<string>();
  let current = parentId === undefined ? undefined : treeNode(store, parentId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift({ id: current.id, type: current.type });
    current = current.parentId === undefined ? undefined : treeNode(store, current.parentId);
  }
  return chain;
}

export interface ChildNode {
  id: string;
  num: number;
  status: string;
  title: string;
  type: string;
  spaceId: string;
  parentId: string;
  createdAt: string;
  modifiedAt: string;
}

/** The live direct children of a node: tree items and pages below it. */
export function childrenOf(store: Store, parentId: string): ChildNode[] {
  const out: ChildNode[] = [];
  for (const item of store.content.treeChildrenOf(parentId)) {
    if (item.status !== "current") continue;
    out.push({
      id: item.id,
      num: item.num,
      status: item.status,
      title: item.title,
      type: item.type,
      spaceId: item.spaceId,
      parentId,
      createdAt: item.createdAt,
      modifiedAt: item.version.createdAt,
    });
  }
  // Pages below it through the store's parent index (not a scan of the space).
  for (const page of store.childrenOf(parentId)) {
    if (page.status !== "current" && page.status !== "archived") continue;
    out.push({
      id: page.id,
      num: page.num,
      status: page.status,
      title: page.current.title,
      type: "page",
      spaceId: page.spaceId,
      parentId,
      createdAt: page.createdAt,
      modifiedAt: page.current.version.createdAt,
    });
  }
  return out.sort((a, b) => a.num - b.num);
}

/** Descendants, depth first, at most `depth` levels down; `order` is the listing position. */
export function descendantsOf(store: Store, rootId: string, depth: number) {
  const out: (ChildNode & { depth: number; order: number })[] = [];
  const walk = (id: string, level: number) => {
    if (level > depth) return;
    for (const child of childrenOf(store, id)) {
      out.push({ ...child, depth: level, order: out.length });
      walk(child.id, level + 1);
    }
  };
  walk(rootId, 1);
  return out;
}

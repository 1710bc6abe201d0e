// How persistence sees a Store (and its ContentStore, `content.*`): the collections journaled
// entry by entry, the indexes rebuilt from them after a replay (store-reindex.ts), and, by
// elimination, every other data field (users, counters, roles, settings...), journaled whole
// when its bytes change. A field added to the store later is therefore journaled whole until
// it is listed here: correct by default, only slower if it is big.

/** Maps of records by id: a write journals the entries it reached, not the map. */
export const COLLECTIONS: readonly string[] = [
  "spaces",
  "pages",
  "blogposts",
  "attachments",
  "customContent",
  "properties",
  "labels",
  "content.comments",
  "content.tree",
  "content.tasks",
  "content.customExtras",
];

/** Derived from the collections by the store's own add methods (store-reindex.ts). */
export const INDEXES: readonly string[] = [
  "usersByEmail",
  "spacesByKey",
  "pagesBySpace",
  "blogpostsBySpace",
  "attachmentsByContainer",
  "propertiesByOwner",
  "labelsByName",
  "restricted",
  "childrenByParent",
  "labelledContent",
  "content.commentsByContainer",
  "content.commentsByParent",
  "content.treeByParent",
  // Current pages and blog posts by created / lastmodified (time-index.ts), kept by addPage.
  "timeOrder.pageCreated.entries",
  "timeOrder.pageModified.entries",
  "timeOrder.blogpostCreated.entries",
  "timeOrder.blogpostModified.entries",
];

type Holder = Record<string, unknown>;

/** The object holding a dotted field (`content.comments` is on store.content) and its name. */
export function fieldOf(store: object, path: string): { holder: Holder; name: string } {
  const parts = path.split(".");
  let holder = store as Holder;
  for (const part of parts.slice(0, -1)) holder = holder[part] as Holder;
  return { holder, name: parts[parts.length - 1]! };
}

export function mapAt(store: object, path: string): Map<string, unknown> {
  const { holder, name } = fieldOf(store, path);
  return holder[name] as Map<string, unknown>;
}

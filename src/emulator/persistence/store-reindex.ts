// After a journal replay has put records straight into a store's collections, its indexes are
// rebuilt by the store's own add methods on a scratch store, then moved into the live one: the
// index rules stay in store.ts and content-store.ts, written once. Runs once per start, O(state).
import { Store } from "../store.js";
import { refill } from "./state-graph.js";
import { fieldOf, INDEXES } from "./store-layout.js";

interface Labelled {
  labels?: { id: string }[];
}

/**
 * Records read back from the journal carry their own copies of the site's labels; detaching a
 * label finds it by identity, so each is swapped for the site-wide record of the same id.
 */
function relinkLabels(store: Store): void {
  const extras = (store.content as unknown as { customExtras: Map<string, Labelled> }).customExtras;
  const holders: Iterable<Labelled>[] = [
    store.pages.values(),
    store.blogposts.values(),
    store.attachments.values(),
    store.spaces.values(),
    extras.values(),
  ];
  for (const records of holders) {
    for (const record of records) {
      const labels = record.labels;
      if (!Array.isArray(labels)) continue;
      for (let i = 0; i < labels.length; i++) {
        labels[i] = store.labels.get(labels[i]!.id) ?? labels[i]!;
      }
    }
  }
}

/** Is the owner of a property (`kind:id`) still there? Removals drop their owners' index. */
function ownerExists(store: Store, ownerKey: string): boolean {
  const at = ownerKey.indexOf(":");
  const kind = ownerKey.slice(0, at);
  const id = ownerKey.slice(at + 1);
  const byKind: Record<string, { has(id: string): boolean }> = {
    page: store.pages,
    blogpost: store.blogposts,
    attachment: store.attachments,
    customContent: store.customContent,
    space: store.spaces,
    comment: store.content.comments,
  };
  return (byKind[kind] ?? store.content.tree).has(id);
}

export function reindexStore(store: Store): void {
  relinkLabels(store);
  const scratch = new Store(store.users);
  for (const space of store.spaces.values()) scratch.addSpace(space);
  for (const page of store.pages.values()) scratch.addPage(page);
  for (const post of store.blogposts.values()) scratch.addPage(post);
  for (const attachment of store.attachments.values()) scratch.addAttachment(attachment);
  for (const item of store.customContent.values()) scratch.addCustomContent(item);
  for (const property of store.properties.values()) {
    if (ownerExists(store, property.ownerKey)) scratch.addProperty(property);
  }
  for (const label of store.labels.values()) scratch.registerLabel(label);
  for (const comment of store.content.comments.values()) scratch.content.addComment(comment);
  for (const item of store.content.tree.values()) scratch.content.addTreeContent(item);
  for (const path of INDEXES) {
    const live = fieldOf(store, path);
    const built = fieldOf(scratch, path);
    if (!refill(live.holder[live.name], built.holder[built.name])) {
      live.holder[live.name] = built.holder[built.name];
    }
  }
}

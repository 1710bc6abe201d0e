// What CQL searches: the store's content as CqlDocuments (current pages and attachments; blog
// posts, comments and whiteboards do not exist in this emulator yet). Built per search: O(n) in
// the site's content, which the generated 100,000-page site answers in tens of milliseconds.
import type { AttachmentRecord, PageRecord } from "../model.js";
import type { Store } from "../store.js";
import type { CqlDocument } from "./evaluate.js";

const TAGS = /<[^>]*>/g;

function ancestorsOf(store: Store, page: PageRecord): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let id = page.parentId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    chain.unshift(id);
    id = store.pages.get(id)?.parentId;
  }
  return chain;
}

export function pageDocument(store: Store, page: PageRecord): CqlDocument {
  const space = store.spaces.get(page.spaceId);
  const revisions = [...page.history, page.current];
  return {
    id: page.id,
    type: "page",
    spaceKey: space?.key,
    spaceType: space?.type,
    title: page.current.title,
    // Generated pages have no stored body until read: their text is their title.
    text: (page.current.body ?? "").replace(TAGS, " "),
    labels: page.labels.map((label) => label.name),
    ancestorIds: ancestorsOf(store, page),
    parentId: page.parentId,
    creatorId: page.authorId,
    contributorIds: [...new Set(revisions.map((revision) => revision.version.authorId))],
    created: new Date(page.createdAt),
    lastModified: new Date(page.current.version.createdAt),
  };
}

export function attachmentDocument(store: Store, attachment: AttachmentRecord): CqlDocument {
  const page = attachment.pageId === undefined ? undefined : store.pages.get(attachment.pageId);
  const space = page === undefined ? undefined : store.spaces.get(page.spaceId);
  return {
    id: attachment.id.replace(/^att/, ""),
    type: "attachment",
    spaceKey: space?.key,
    spaceType: space?.type,
    title: attachment.title,
    text: attachment.comment,
    labels: [],
    ancestorIds: page === undefined ? [] : [...ancestorsOf(store, page), page.id],
    parentId: page?.id,
    creatorId: attachment.version.authorId,
    contributorIds: [attachment.version.authorId],
    created: new Date(attachment.createdAt),
    lastModified: new Date(attachment.version.createdAt),
  };
}

/** Everything a search may find: current content only (CQL's default content status). */
export function* searchableDocuments(
  store: Store,
): Generator<{ doc: CqlDocument; page?: PageRecord; attachment?: AttachmentRecord }> {
  for (const page of store.pages.values()) {
    if (page.status === "current") yield { doc: pageDocument(store, page), page };
  }
  for (const attachment of store.attachments.values()) {
    if (attachment.status === "current") {
      yield { doc: attachmentDocument(store, attachment), attachment };
    }
  }
}

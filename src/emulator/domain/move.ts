// Moving a page in the tree and restoring an old version, apart from HTTP (v1 movePage and
// restoreContentVersion, the operations Confluence offers for them; v2 has neither).
// movePage, https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content---children-and-descendants/#api-wiki-rest-api-content-pageid-move-position-targetid-put:
// "before - move the page under the same parent as the target, before the target in the list of
// children; after - ... after the target ...; append - move the page to be a child of the
// target". The target may be in another space: the page moves there with its descendants (attachments
// follow their container), keeping its title unique in that space. A move is not an edit: versions
// stay as they are.
// restoreContentVersion, https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-versions/#api-wiki-rest-api-content-id-version-post:
// "Restores a historical version to be the latest version. That is, a new version is created
// with the content of the historical version." `restoreTitle` (default false) brings the old
// title back too.
import { badRequest, notFound } from "../errors.js";
import type { PageRecord, Revision } from "../model.js";
import { makeVersion } from "../records.js";
import type { Store } from "../store.js";
import { assertTitleFree, isDescendant } from "./pages.js";

export type MovePosition = "before" | "after" | "append";

const MOVABLE: ReadonlySet<PageRecord["status"]> = new Set(["current", "archived"]);

/** The page and every page below it (any status), whatever their space. */
function subtree(store: Store, root: PageRecord): PageRecord[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    const parent = out[i]!;
    // The store's parent index (kept by setParent), not a scan of the space.
    out.push(...store.childrenOf(parent.id));
  }
  return out;
}

/** Moves `pages` to `spaceId`, keeping each space's list in id order. */
function changeSpace(store: Store, pages: PageRecord[], spaceId: string): void {
  const target = store.pagesBySpace.get(spaceId) ?? [];
  for (const page of pages) {
    const source = store.pagesBySpace.get(page.spaceId) ?? [];
    source.splice(source.indexOf(page), 1);
    page.spaceId = spaceId;
    store.changedInPlace(page); // reached through the parent index
    const at = target.findIndex((other) => other.num > page.num);
    target.splice(at < 0 ? target.length : at, 0, page);
  }
  store.pagesBySpace.set(spaceId, target);
}

/** Puts `page` among the children of `parentId` in `spaceId`, at `position` relative to `target`. */
function placeAmongSiblings(
  store: Store,
  page: PageRecord,
  position: MovePosition,
  target: PageRecord,
): void {
  const siblings = (
    page.parentId === undefined
      ? (store.pagesBySpace.get(page.spaceId) ?? []).filter((other) => other.parentId === undefined)
      : store.childrenOf(page.parentId)
  )
    .filter((other) => other !== page)
    .sort((a, b) => a.position - b.position || a.num - b.num);
  const index =
    position === "append"
      ? siblings.length
      : siblings.indexOf(target) + (position === "after" ? 1 : 0);
  siblings.splice(index, 0, page);
  siblings.forEach((sibling, order) => {
    sibling.position = order;
    store.changedInPlace(sibling); // reached through the parent or space index
  });
}

export function movePage(
  store: Store,
  page: PageRecord,
  position: MovePosition,
  target: PageRecord,
): void {
  if (!MOVABLE.has(page.status) || !MOVABLE.has(target.status)) throw notFound();
  if (isDescendant(store, target, page.id)) {
    throw badRequest("A page cannot be moved below itself or one of its descendants");
  }
  if (target.spaceId !== page.spaceId) {
    assertTitleFree(store, target.spaceId, page.current.title, page);
    changeSpace(store, subtree(store, page), target.spaceId);
  }
  store.setParent(page, position === "append" ? target.id : target.parentId);
  placeAmongSiblings(store, page, position, target);
  store.touch();
}

export interface RestoreInput {
  versionNumber: number;
  message: string;
  restoreTitle: boolean;
  authorId: string;
  now: string;
}

/** Makes a historical version the latest one; returns the new current revision. */
export function restoreVersion(store: Store, content: PageRecord, input: RestoreInput): Revision {
  if (content.status !== "current") throw notFound();
  const old = content.history.find((revision) => revision.version.number === input.versionNumber);
  if (!old) {
    throw badRequest(
      `Version ${input.versionNumber} is not a historical version of content ${content.id}`,
    );
  }
  const title = input.restoreTitle ? old.title : content.current.title;
  assertTitleFree(store, content.spaceId, title, content);
  content.history = [...content.history, content.current];
  const number = content.current.version.number + 1;
  store.reviseContent(content, () => {
    content.current = {
      title,
      body: old.body,
      version: makeVersion(number, input.authorId, input.now, input.message),
    };
  });
  return content.current;
}

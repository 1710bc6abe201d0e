// The rules of pages, apart from HTTP: unique titles, the page tree, versions, drafts, the trash.
// Routes (src/emulator/routes/pages-write.ts) parse the request, call these and serialise.
import { ApiError, badRequest, notFound } from "../errors.js";
import type { PageRecord, Revision } from "../model.js";
import { makeVersion } from "../records.js";
import type { Store } from "../store.js";

const ID = /^[0-9]{1,18}$/;

/**
 * Confluence keeps titles unique in a space. The failure is a 400 whose title public clients
 * match verbatim: "A page with this title already exists: A page already exists with the same
 * TITLE in this space" (v1 createContent's BadRequestException; v2 sends it as errors[0].title).
 * Archived pages still hold their title (public clients check `status=current,archived` before
 * creating for that reason); trashed pages and unpublished drafts do not.
 */
const TITLE_HOLDERS: ReadonlySet<PageRecord["status"]> = new Set(["current", "archived"]);

export function assertTitleFree(
  store: Store,
  spaceId: string,
  title: string,
  self?: PageRecord,
): void {
  // Blog posts are told apart by their date; the emulator does not enforce a rule for them.
  if (self?.kind === "blogpost") return;
  for (const other of store.pagesBySpace.get(spaceId) ?? []) {
    if (other !== self && TITLE_HOLDERS.has(other.status) && other.current.title === title) {
      throw badRequest(
        "A page with this title already exists: A page already exists with the same TITLE in this space",
      );
    }
  }
}

export function parentIn(store: Store, spaceId: string, parentId: string): PageRecord {
  const parent = ID.test(parentId) ? store.pages.get(parentId) : undefined;
  if (!parent || parent.spaceId !== spaceId || parent.status === "trashed") throw notFound();
  return parent;
}

export function isDescendant(store: Store, candidate: PageRecord, ancestorId: string): boolean {
  let current: PageRecord | undefined = candidate;
  for (let hops = 0; current && hops < 10_000; hops++) {
    if (current.id === ancestorId) return true;
    current = current.parentId ? store.pages.get(current.parentId) : undefined;
  }
  return false;
}

/**
 * 409 CONFLICT when version.number is not what Confluence expects. Message as observed on the v2
 * API (community.developer.atlassian.com/t/98344: `{"status":409,"code":"CONFLICT","title":
 * "Version must be incremented when updating a page. Current Version: [5]. Provided version:
 * [5]","detail":null}`); updatePage's OpenAPI entry does not list the 409, v1 updateContent does.
 */
export function versionConflict(current: number, provided: number): ApiError {
  return new ApiError(
    409,
    `Version must be incremented when updating a page. Current Version: [${current}]. Provided version: [${provided}]`,
    "CONFLICT",
  );
}

/**
 * "this endpoint can be used to restore a 'trashed' or 'deleted' page to 'current' status.
 * For restoration, page contents will not be updated and only the page status will be changed."
 * (updatePage)
 */
export function restoreFromTrash(store: Store, page: PageRecord, status: string): void {
  if (status !== "current") throw badRequest("A trashed page can only be restored to current");
  assertTitleFree(store, page.spaceId, page.current.title, page);
  store.reviseContent(page, () => {
    page.status = "current";
  });
}

export interface RevisionInput {
  status: "current" | "draft";
  title: string;
  /** Storage format. */
  body: string;
  version: { number: number; message: string };
  parentId: string | undefined;
  ownerId: string | undefined;
  authorId: string;
  now: string;
}

/**
 * Saves an update of a page that is not trashed: a draft (version 1) or a new published version
 * (the current number + 1; publishing a never-published draft keeps or increments its 1).
 * Returns the draft when one of a published page was saved (the update answers with it).
 */
export function saveRevision(
  store: Store,
  page: PageRecord,
  input: RevisionInput,
): Revision | undefined {
  const { status, title, version, parentId, ownerId } = input;
  if (parentId !== undefined && parentId !== page.parentId) {
    const parent = parentIn(store, page.spaceId, parentId);
    if (isDescendant(store, parent, page.id))
      throw badRequest("A page cannot be moved below itself");
  }
  if (status === "draft") {
    // "unless you are updating the status to 'draft' which requires a version number of 1."
    if (version.number !== 1)
      throw versionConflict(page.draft?.version.number ?? 1, version.number);
    const draft = {
      title,
      body: input.body,
      version: makeVersion(1, input.authorId, input.now, version.message),
    };
    if (page.status === "draft") page.current = draft;
    else page.draft = draft;
  } else {
    const current = page.current.version.number;
    // A never-published draft is at version 1; publishing it keeps or increments that number.
    const publishingDraft =
      page.status === "draft" && (version.number === 1 || version.number === 2);
    if (!publishingDraft && version.number !== current + 1)
      throw versionConflict(current, version.number);
    assertTitleFree(store, page.spaceId, title, page);
    if (page.status !== "draft") page.history = [...page.history, page.current];
    store.reviseContent(page, () => {
      page.current = {
        title,
        body: input.body,
        version: makeVersion(version.number, input.authorId, input.now, version.message),
      };
      page.status = "current";
    });
    page.draft = undefined;
  }
  if (parentId !== undefined) store.setParent(page, parentId);
  if (ownerId !== undefined) page.ownerId = ownerId;
  store.touch();
  return status === "draft" ? page.draft : undefined;
}

/**
 * "Deleting a page moves the page to the trash ... To permanently delete a page (or "purge"
 * it), the endpoint must be called on a trashed page with purge=true. ... To delete a page that
 * is a draft, the endpoint must be called on a draft with draft=true. Discarded drafts are not
 * sent to the trash and are permanently deleted." (deletePage)
 */
export function deletePage(
  store: Store,
  page: PageRecord,
  mode: { purge: boolean; draft: boolean },
): void {
  if (mode.draft) {
    if (page.status === "draft") store.removePage(page);
    else if (page.draft) {
      page.draft = undefined;
      store.touch();
    } else throw notFound();
  } else if (mode.purge) {
    if (page.status !== "trashed") throw badRequest("Only a trashed page can be purged");
    store.removePage(page);
  } else {
    if (page.status === "draft" || page.status === "trashed") throw notFound();
    store.reviseContent(page, () => {
      page.status = "trashed";
    });
  }
}

/**
 * updatePageTitle: "Updates the title of a specified page." A published title change is a new
 * version (the body unchanged, version + 1, the title unique in the space); status "draft"
 * retitles the page's unpublished draft (the page itself when it was never published) and
 * answers with it. Trashed pages cannot be retitled (404, as they cannot be updated otherwise).
 */
export function retitle(
  store: Store,
  page: PageRecord,
  input: { status: "current" | "draft"; title: string; authorId: string; now: string },
): Revision | undefined {
  if (page.status === "trashed") throw notFound();
  if (input.status === "draft") {
    const target = page.status === "draft" ? page.current : page.draft;
    if (!target) throw notFound();
    target.title = input.title;
    store.touch();
    return page.status === "draft" ? undefined : target;
  }
  if (page.status === "draft")
    throw badRequest("A draft that was never published has no current title");
  assertTitleFree(store, page.spaceId, input.title, page);
  page.history = [...page.history, page.current];
  const body = page.current.body;
  store.reviseContent(page, () => {
    page.current = {
      title: input.title,
      body,
      version: makeVersion(page.current.version.number + 1, input.authorId, input.now),
    };
  });
  return undefined;
}

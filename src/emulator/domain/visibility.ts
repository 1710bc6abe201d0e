// Who may see and change what: the one visibility rule of the emulated site, used by every
// surface (the request guard for v1/v2 paths, list views, CQL search, GraphQL). Confluence's
// model, reduced to what clients observe:
// - space permissions: a user without the space's "View" permission sees nothing in it;
//   "the user must have the 'View' space permission to see any content in the space"
//   (https://support.atlassian.com/confluence-cloud/docs/manage-permissions-on-the-space-level/);
// - page restrictions: a view restriction limits a page to the listed people, and "view
//   restrictions are inherited" by its child pages, attachments and comments
//   (https://support.atlassian.com/confluence-cloud/docs/manage-page-restrictions/).
// Content a user may not view does not exist for them: v2 and v1 answer 404 (the v2 reference
// lists 404 "if the requested page ... does not exist or the calling user does not have
// permission to view the requested page", e.g.
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/#api-pages-id-get),
// lists and search leave it out. A write to a space the user can view but not edit answers 403
// ("403 Returned if the calling user does not have permission to ... " on the v1 content and
// space writes, https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-put).
import type { PageRecord, SpaceRecord, UserRecord } from "../model.js";
import type { Store } from "../store.js";
import { updateRestricts } from "./restrictions.js";

/** The record an id names, reduced to what visibility needs: its space and restricting pages. */
interface Placement {
  spaceId: string | undefined;
  /** Pages (and blog posts) whose view restrictions apply, the content itself included. */
  restricting: PageRecord[];
}

function pageChain(store: Store, page: PageRecord): PageRecord[] {
  const chain = [page];
  const seen = new Set([page.id]);
  for (let id = page.parentId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const parent = store.pages.get(id);
    if (!parent) break;
    chain.push(parent);
    id = parent.parentId;
  }
  return chain;
}

function contentPage(store: Store, id: string): PageRecord | undefined {
  return store.pages.get(id) ?? store.blogposts.get(id);
}

/** Where a content id of any kind lives; undefined for ids the site does not know. */
export function placementOf(store: Store, id: string, depth = 0): Placement | undefined {
  if (depth > 8) return undefined;
  const page = contentPage(store, id);
  if (page) return { spaceId: page.spaceId, restricting: pageChain(store, page) };
  const attachment = store.attachments.get(id) ?? store.attachments.get(`att${id}`);
  if (attachment) {
    const holder = attachment.pageId ?? attachment.blogPostId ?? attachment.customContentId;
    return holder === undefined ? undefined : placementOf(store, holder, depth + 1);
  }
  const custom = store.customContent.get(id);
  if (custom) {
    const onPage = custom.pageId === undefined ? undefined : placementOf(store, custom.pageId);
    return onPage ?? { spaceId: custom.spaceId, restricting: [] };
  }
  const comment = store.content.comments.get(id);
  if (comment) return placementOf(store, comment.containerId, depth + 1);
  const task = store.content.tasks.get(id);
  if (task) {
    const holder = task.pageId ?? task.blogPostId;
    const onContent = holder === undefined ? undefined : placementOf(store, holder, depth + 1);
    return onContent ?? { spaceId: task.spaceId, restricting: [] };
  }
  const tree = store.content.tree.get(id);
  if (tree) {
    const parent =
      tree.parentId === undefined ? undefined : placementOf(store, tree.parentId, depth + 1);
    return parent ?? { spaceId: tree.spaceId, restricting: [] };
  }
  return undefined;
}

export function canViewSpace(user: UserRecord, space: SpaceRecord | undefined) {
  return space?.viewers === undefined || space.viewers.includes(user.accountId);
}

/** Write access to a space the user can view (`editors` undefined: every viewer may write). */
export function canEditSpace(user: UserRecord, space: SpaceRecord | undefined) {
  return (
    canViewSpace(user, space) &&
    (space?.editors === undefined || space.editors.includes(user.accountId))
  );
}

function placementVisible(store: Store, user: UserRecord, placement: Placement): boolean {
  const space = placement.spaceId === undefined ? undefined : store.spaces.get(placement.spaceId);
  if (!canViewSpace(user, space)) return false;
  return placement.restricting.every(
    (page) => page.readRestrictedTo === undefined || page.readRestrictedTo.includes(user.accountId),
  );
}

/** Whether the user may view the content with this id (unknown ids: true, the handler 404s). */
export function canViewContent(store: Store, user: UserRecord, id: string): boolean {
  const placement = placementOf(store, id);
  return placement === undefined || placementVisible(store, user, placement);
}

/**
 * Whether the user may change the content with this id: view it, edit its space, and not be kept
 * out by the content's own update restriction (not inherited, domain/restrictions.ts).
 */
export function canEditContent(store: Store, user: UserRecord, id: string): boolean {
  const placement = placementOf(store, id);
  if (placement === undefined) return true;
  const space = placement.spaceId === undefined ? undefined : store.spaces.get(placement.spaceId);
  return (
    placementVisible(store, user, placement) &&
    canEditSpace(user, space) &&
    !updateRestricts(contentPage(store, id), user.accountId)
  );
}

/** Whether any rule on the site hides something from this user (lists skip the filter if not). */
export function hidesAnything(store: Store, user: UserRecord): boolean {
  for (const space of store.spaces.values()) {
    if (space.viewers !== undefined && !space.viewers.includes(user.accountId)) return true;
  }
  for (const page of store.restrictedContent()) {
    if (page.readRestrictedTo !== undefined && !page.readRestrictedTo.includes(user.accountId)) {
      return true;
    }
  }
  return false;
}

/**
 * The one visibility predicate of lists and search: any record of the site (space, page, blog
 * post, attachment, custom content, comment, tree content, task, label...). Records that belong
 * to no space (labels, users) are visible.
 */
export function visibleTo(store: Store, user: UserRecord): (item: unknown) => boolean {
  if (!hidesAnything(store, user)) return () => true;
  return (item) => {
    if (typeof item !== "object" || item === null) return true;
    const record = item as { id?: unknown; spaceId?: unknown; pageId?: unknown };
    if (typeof record.id === "string") {
      const space = store.spaces.get(record.id);
      if (space === item) return canViewSpace(user, space);
      if (placementOf(store, record.id) !== undefined) {
        return canViewContent(store, user, record.id);
      }
    }
    if (typeof record.pageId === "string" && !canViewContent(store, user, record.pageId)) {
      return false;
    }
    if (typeof record.spaceId === "string") {
      return canViewSpace(user, store.spaces.get(record.spaceId));
    }
    return true;
  };
}

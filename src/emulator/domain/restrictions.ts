// Content restrictions (v1 api-group-content-restrictions): a page or blog post may carry a
// "read" and an "update" restriction, each a list of users (the emulator models no groups).
// With a read restriction only the listed users may view the content and what inherits it
// (child pages, attachments, comments: domain/visibility.ts); with an update restriction only
// the listed users may change the content itself: "View restrictions are inherited ... Edit
// restrictions aren't inherited" (https://support.atlassian.com/confluence-cloud/docs/manage-page-restrictions/).
// An operation whose list becomes empty is no longer restricted (its users were the
// restriction). Adding a user already listed, or removing one who is not, changes nothing.
import { notFound } from "../errors.js";
import type { PageRecord } from "../model.js";
import type { Store } from "../store.js";

export const RESTRICTION_OPERATIONS = ["read", "update"] as const;
export type RestrictionOperation = (typeof RESTRICTION_OPERATIONS)[number];

/** The page or blog post with this id, the only content the emulator restricts; else a 404. */
export function restrictableContent(store: Store, id: string): PageRecord {
  const page = store.pages.get(id) ?? store.blogposts.get(id);
  if (page === undefined || page.status === "trashed") throw notFound();
  return page;
}

/** The account ids an operation is restricted to (empty: not restricted). */
export function restrictedUsers(
  page: PageRecord,
  operation: RestrictionOperation,
): readonly string[] {
  return (operation === "read" ? page.readRestrictedTo : page.updateRestrictedTo) ?? [];
}

function setRestriction(
  store: Store,
  page: PageRecord,
  operation: RestrictionOperation,
  accountIds: string[],
): void {
  const value = accountIds.length === 0 ? undefined : accountIds;
  // Read restrictions go through the store, which indexes restricted content for the lists.
  if (operation === "read") store.restrictViewing(page, value);
  else {
    page.updateRestrictedTo = value;
    store.touch();
  }
}

export function addRestrictedUser(
  store: Store,
  page: PageRecord,
  operation: RestrictionOperation,
  accountId: string,
): void {
  const users = restrictedUsers(page, operation);
  if (!users.includes(accountId)) setRestriction(store, page, operation, [...users, accountId]);
}

export function removeRestrictedUser(
  store: Store,
  page: PageRecord,
  operation: RestrictionOperation,
  accountId: string,
): void {
  const users = restrictedUsers(page, operation);
  if (users.includes(accountId)) {
    setRestriction(
      store,
      page,
      operation,
      users.filter((id) => id !== accountId),
    );
  }
}

/** Whether an update restriction keeps this user from changing the content itself. */
export function updateRestricts(page: PageRecord | undefined, accountId: string): boolean {
  return page?.updateRestrictedTo !== undefined && !page.updateRestrictedTo.includes(accountId);
}

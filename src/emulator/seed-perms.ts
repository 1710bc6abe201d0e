// The demo seed's second user and what they may not see (domain/visibility.ts): the Archive
// space is hidden from them, the Runbooks page carries a view restriction, and they may read
// but not change the Engineering space. Every other user (the demo user and any `users` of the
// options) keeps full access, so everything they see is as before.
import { DEMO_IDS } from "./seed.js";
import type { Store } from "./store.js";

/** The second demo user (Basic auth: email + API token). */
export const DEMO_VIEWER = {
  email: "viewer@example.com",
  apiToken: "viewer-token",
  accountId: "557058:00000000-0000-4000-8000-000000000100",
  displayName: "Vera Viewer",
} as const;

export function seedPermissionsDemo(store: Store): void {
  const others = store.users.map((user) => user.accountId);
  store.addUser({ ...DEMO_VIEWER });
  const archive = store.spaces.get(DEMO_IDS.spaces.archive.id);
  if (archive) archive.viewers = others;
  const engineering = store.spaces.get(DEMO_IDS.spaces.engineering.id);
  if (engineering) engineering.editors = others;
  const runbooks = store.pages.get(DEMO_IDS.pages.runbooks);
  if (runbooks) store.restrictViewing(runbooks, others);
}

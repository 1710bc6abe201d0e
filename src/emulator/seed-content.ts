// The demo seed of the content-store kinds (seed.ts seeds pages, attachments, custom content):
// tasks on two pages and the classification levels an admin of the demo site configured.
import { DEMO_IDS } from "./seed.js";
import type { Store } from "./store.js";

export const DEMO_CONTENT_IDS = {
  tasks: {
    /** Incomplete, assigned to the demo user, due in the future. */
    reviewRunbook: "229377",
    /** Complete. */
    rotateKeys: "229378",
  },
  classificationLevels: {
    public: "3b8f4e5c-0000-4000-8000-000000000001",
    internal: "3b8f4e5c-0000-4000-8000-000000000002",
    confidential: "3b8f4e5c-0000-4000-8000-000000000003",
  },
} as const;

const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export function seedContentDemo(store: Store): void {
  const author = store.defaultUser.accountId;
  const eng = DEMO_IDS.spaces.engineering.id;
  const T = DEMO_CONTENT_IDS.tasks;
  const task = (id: string, pageId: string, localId: string, text: string, done: boolean) =>
    store.content.addTask({
      id,
      num: Number(id),
      localId,
      spaceId: eng,
      pageId,
      blogPostId: undefined,
      status: done ? "complete" : "incomplete",
      body: `<p>${text}</p>`,
      createdBy: author,
      assignedTo: author,
      completedBy: done ? author : undefined,
      createdAt: at(150),
      updatedAt: at(done ? 160 : 150),
      dueAt: at(60 * 24 * 365 * 10),
      completedAt: done ? at(160) : undefined,
    });
  task(T.reviewRunbook, DEMO_IDS.pages.runbooks, "1", "Review the on-call runbook", false);
  task(T.rotateKeys, DEMO_IDS.pages.architecture, "2", "Rotate the signing keys", true);

  const L = DEMO_CONTENT_IDS.classificationLevels;
  store.content.classificationLevels.push(
    {
      id: L.public,
      status: "PUBLISHED",
      order: 1,
      name: "Public",
      description: "Anyone may see it.",
      guideline: "",
      color: "GREEN",
    },
    {
      id: L.internal,
      status: "PUBLISHED",
      order: 2,
      name: "Internal",
      description: "Staff only.",
      guideline: "",
      color: "BLUE",
    },
    {
      id: L.confidential,
      status: "PUBLISHED",
      order: 3,
      name: "Confidential",
      description: "Need to know.",
      guideline: "Do not share outside the team.",
      color: "RED",
    },
  );
}

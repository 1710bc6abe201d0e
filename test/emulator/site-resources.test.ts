// Tasks, users-bulk, user access, convert-ids-to-types, app properties, admin key, data policies,
// space permissions and classification levels over HTTP, validated against confluence-v2.json.
import { describe, expect, it } from "vitest";
import { DEMO_CONTENT_IDS, DEMO_IDS } from "../../src/emulator/index.js";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { useResettingEmulator } from "./client.js";

const { call } = useResettingEmulator();
const V2 = "/wiki/api/v2";
const T = DEMO_CONTENT_IDS.tasks;
const L = DEMO_CONTENT_IDS.classificationLevels;
const P = DEMO_IDS.pages;
const SPACE = DEMO_IDS.spaces.engineering.id;

describe("tasks", () => {
  it("lists with filters, reads and completes / reopens a task", async () => {
    const all = await call(`${V2}/tasks`);
    expect(all.body.results.map((t: { id: string }) => t.id)).toEqual([
      T.reviewRunbook,
      T.rotateKeys,
    ]);
    const open = await call(
      `${V2}/tasks?status=incomplete&page-id=${P.runbooks}&body-format=storage`,
    );
    expect(open.body.results).toHaveLength(1);
    expect(open.body.results[0].body.storage.value).toContain("runbook");
    expect((await call(`${V2}/tasks?status=complete&page-id=${P.runbooks}`)).body.results).toEqual(
      [],
    );
    const paged = await call(`${V2}/tasks?limit=1`);
    expect(paged.headers.get("link")).toContain('rel="next"');

    const done = await call(`${V2}/tasks/${T.reviewRunbook}`, {
      method: "PUT",
      body: { status: "complete" },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "complete" });
    expect(done.body.completedBy).toBeTruthy();
    expect(done.body.completedAt).toBeTruthy();
    const reopened = await call(`${V2}/tasks/${T.reviewRunbook}`, {
      method: "PUT",
      body: { status: "incomplete" },
    });
    expect(reopened.body.completedAt).toBeUndefined();
    expect((await call(`${V2}/tasks/99999`)).status).toBe(404);
  });

  it("answers 400 for a bad status", async () => {
    allowInvalidRequestsInThisTest();
    const bad = await call(`${V2}/tasks/${T.reviewRunbook}`, {
      method: "PUT",
      body: { status: "done" },
    });
    expect(bad.status).toBe(400);
  });
});

describe("users and access", () => {
  it("looks users up in bulk and sorts emails by access", async () => {
    const me = (await call("/wiki/rest/api/user/current")).body.accountId as string;
    const bulk = await call(`${V2}/users-bulk`, {
      method: "POST",
      body: { accountIds: [me, "unknown-account"] },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toHaveLength(1);
    expect(bulk.body.results[0]).toMatchObject({ accountId: me, accountType: "atlassian" });
    const access = await call(`${V2}/user/access/check-access-by-email`, {
      method: "POST",
      body: { emails: ["demo@example.com", "new@example.com", "not-an-email"] },
    });
    expect(access.body).toEqual({
      emailsWithoutAccess: ["new@example.com"],
      invalidEmails: ["not-an-email"],
    });
    const invite = await call(`${V2}/user/access/invite-by-email`, {
      method: "POST",
      body: { emails: ["new@example.com"] },
    });
    expect(invite.status).toBe(200);
  });

  it("converts content ids to their types", async () => {
    const comment = await call(`${V2}/footer-comments`, {
      method: "POST",
      body: { pageId: P.runbooks, body: { representation: "storage", value: "<p>x</p>" } },
    });
    const converted = await call(`${V2}/content/convert-ids-to-types`, {
      method: "POST",
      body: { contentIds: [P.runbooks, Number(comment.body.id), "131073", "424242"] },
    });
    expect(converted.body.results).toEqual({
      [P.runbooks]: "page",
      [comment.body.id]: "footer-comment",
      "131073": "attachment",
    });
  });

  it("answers 400 for empty lookups", async () => {
    allowInvalidRequestsInThisTest();
    const empty = await call(`${V2}/users-bulk`, { method: "POST", body: { accountIds: [] } });
    expect(empty.status).toBe(400);
  });
});

describe("app properties, admin key, data policies and space permissions", () => {
  it("stores Forge app properties", async () => {
    const created = await call(`${V2}/app/properties/settings`, {
      method: "PUT",
      body: { on: true },
    });
    expect(created.status).toBe(201);
    const updated = await call(`${V2}/app/properties/settings`, {
      method: "PUT",
      body: { on: false },
    });
    expect(updated.status).toBe(200);
    expect((await call(`${V2}/app/properties/settings`)).body).toEqual({
      key: "settings",
      value: { on: false },
    });
    await call(`${V2}/app/properties/other`, { method: "PUT", body: { n: 1 } });
    const first = await call(`${V2}/app/properties?limit=1`);
    expect(first.body.results).toEqual([{ key: "settings", value: { on: false } }]);
    const second = await call(first.body._links.next);
    expect(second.body.results).toEqual([{ key: "other", value: { n: 1 } }]);
    expect((await call(`${V2}/app/properties/settings`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${V2}/app/properties/settings`)).status).toBe(404);
  });

  it("enables, reads and disables the admin key", async () => {
    expect((await call(`${V2}/admin-key`)).status).toBe(404);
    const before = Date.now();
    const enabled = await call(`${V2}/admin-key`, { method: "POST", body: {} });
    expect(enabled.status).toBe(200);
    // Ten minutes by default.
    const expiry = Date.parse(enabled.body.expirationTime);
    expect(expiry - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(expiry - before).toBeLessThanOrEqual(10 * 60_000 + 60_000);
    const longer = await call(`${V2}/admin-key`, {
      method: "POST",
      body: { durationInMinutes: 60 },
    });
    expect(Date.parse(longer.body.expirationTime)).toBeGreaterThan(expiry);
    expect((await call(`${V2}/admin-key`)).body.accountId).toBe(enabled.body.accountId);
    expect((await call(`${V2}/admin-key`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${V2}/admin-key`)).status).toBe(404);
  });

  it("reports data policies and the available space permissions", async () => {
    expect((await call(`${V2}/data-policies/metadata`)).body).toEqual({ anyContentBlocked: false });
    const spaces = await call(`${V2}/data-policies/spaces?keys=ENG`);
    expect(spaces.body.results).toEqual([
      expect.objectContaining({ key: "ENG", dataPolicy: { anyContentBlocked: false } }),
    ]);
    const permissions = await call(`${V2}/space-permissions?limit=5`);
    expect(permissions.body.results[0]).toMatchObject({
      id: "read/space",
      requiredPermissionIds: [],
    });
    const rest = await call(permissions.body._links.next);
    expect(rest.body.results.length).toBeGreaterThan(0);
  });
});

describe("classification levels", () => {
  it("sets space defaults and content levels and resets them", async () => {
    const levels = await call(`${V2}/classification-levels`);
    expect(levels.body.map((l: { name: string }) => l.name)).toEqual([
      "Public",
      "Internal",
      "Confidential",
    ]);
    const pageLevel = `${V2}/pages/${P.runbooks}/classification-level`;
    expect((await call(pageLevel)).status).toBe(404);
    const spaceDefault = `${V2}/spaces/${SPACE}/classification-level/default`;
    expect((await call(spaceDefault, { method: "PUT", body: { id: L.internal } })).status).toBe(
      204,
    );
    expect((await call(spaceDefault)).body.name).toBe("Internal");
    // Content without its own level has the space default.
    expect((await call(pageLevel)).body.name).toBe("Internal");
    const set = await call(pageLevel, {
      method: "PUT",
      body: { id: L.confidential, status: "current" },
    });
    expect(set.status).toBe(204);
    expect((await call(pageLevel)).body.name).toBe("Confidential");
    const reset = await call(`${pageLevel}/reset`, { method: "POST", body: { status: "current" } });
    expect(reset.status).toBe(204);
    expect((await call(pageLevel)).body.name).toBe("Internal");
    expect((await call(spaceDefault, { method: "DELETE" })).status).toBe(204);
    expect((await call(spaceDefault)).status).toBe(404);

    const board = await call(`${V2}/whiteboards`, { method: "POST", body: { spaceId: SPACE } });
    const boardLevel = `${V2}/whiteboards/${board.body.id}/classification-level`;
    await call(boardLevel, { method: "PUT", body: { id: L.public, status: "current" } });
    expect((await call(boardLevel)).body.name).toBe("Public");
    expect((await call(`${V2}/databases/${board.body.id}/classification-level`)).status).toBe(404);
  });

  it("refuses unknown levels", async () => {
    const bad = await call(`${V2}/pages/${P.runbooks}/classification-level`, {
      method: "PUT",
      body: { id: "nope", status: "current" },
    });
    expect(bad.status).toBe(400);
  });
});

describe("redaction", () => {
  it("is refused as on a site without Atlassian Guard Premium", async () => {
    const body = { createdAt: "2024-01-15T09:00:00.000Z" };
    const refused = await call(`${V2}/pages/${P.runbooks}/redact`, { method: "POST", body });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect((await call(`${V2}/pages/99999/redact`, { method: "POST", body })).status).toBe(404);
    expect((await call(`${V2}/blogposts/99999/redact`, { method: "POST", body })).status).toBe(404);
  });
});

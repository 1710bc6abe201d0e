// Spaces over HTTP: create (v2), every include-* of getSpaceById, space properties, permission
// and role listings, and v1 get/delete with the long task that deletion is; validated against
// confluence-v2.json and confluence-v1.json.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { useResettingEmulator } from "./client.js";

const ENG = DEMO_IDS.spaces.engineering;
const { call } = useResettingEmulator();

describe("create space", () => {
  it("creates a space (201) with its homepage, findable by id and key", async () => {
    const created = await call("/wiki/api/v2/spaces", {
      method: "POST",
      body: {
        name: "Design Team",
        key: "DES",
        description: { value: "UX", representation: "plain" },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "DES", name: "Design Team", status: "current" });
    const { id, homepageId } = created.body as { id: string; homepageId: string };
    const home = await call(`/wiki/api/v2/pages/${homepageId}`);
    expect(home.body).toMatchObject({ title: "Design Team Home", spaceId: id });
    const got = await call(`/wiki/api/v2/spaces/${id}?description-format=plain`);
    expect(got.body.description.plain.value).toBe("UX");
    expect((await call("/wiki/api/v2/spaces?keys=DES")).body.results).toHaveLength(1);
    const page = await call("/wiki/api/v2/pages", {
      method: "POST",
      body: { spaceId: id, title: "First", body: { representation: "storage", value: "<p/>" } },
    });
    expect(page.body.parentId).toBe(homepageId);
  });

  it("derives a key from the name; refuses taken keys, bad keys and a missing name (400)", async () => {
    allowInvalidRequestsInThisTest();
    const create = (body: unknown) => call("/wiki/api/v2/spaces", { method: "POST", body });
    const derived = await create({ name: "Marketing & Sales" });
    expect(derived.body.key).toBe("MARKETINGS");
    expect((await create({ name: "Again", key: ENG.key })).status).toBe(400);
    expect((await create({ name: "Bad", key: "no-dash" })).status).toBe(400);
    expect((await create({ key: "NONAME" })).status).toBe(400);
  });
});

describe("getSpaceById include-*", () => {
  it("adds icon, operations, properties, permissions, role assignments and labels on demand", async () => {
    await call(`/wiki/api/v2/spaces/${ENG.id}/properties`, {
      method: "POST",
      body: { key: "theme", value: { dark: true } },
    });
    const plain = await call(`/wiki/api/v2/spaces/${ENG.id}`);
    for (const field of ["icon", "operations", "properties", "permissions", "labels"]) {
      expect(plain.body).not.toHaveProperty(field);
    }
    const flags = [
      "include-icon",
      "include-operations",
      "include-properties",
      "include-permissions",
      "include-role-assignments",
      "include-labels",
    ];
    const full = await call(
      `/wiki/api/v2/spaces/${ENG.id}?${flags.map((f) => `${f}=true`).join("&")}`,
    );
    expect(full.status).toBe(200);
    expect(full.body.icon.path).toMatch(/\.svg$/);
    expect(full.body.operations.results).toContainEqual({ operation: "read", targetType: "space" });
    expect(full.body.properties.results).toEqual([
      expect.objectContaining({ key: "theme", value: { dark: true } }),
    ]);
    expect(full.body.permissions.results[0]).toMatchObject({
      principal: { type: "user" },
      operation: { key: "read", targetType: "space" },
    });
    expect(full.body.roleAssignments.results[0]).toMatchObject({ roleId: "1" });
    expect(full.body.labels).toMatchObject({ results: [], meta: { hasMore: false } });
    expect(full.body._links.base).toMatch(/\/wiki$/);
    allowInvalidRequestsInThisTest();
    expect((await call(`/wiki/api/v2/spaces/${ENG.id}?include-icon=yes`)).status).toBe(400);
  });
});

describe("space properties", () => {
  it("creates (201), lists, updates with version checks and deletes", async () => {
    const base = `/wiki/api/v2/spaces/${ENG.id}/properties`;
    const created = await call(base, { method: "POST", body: { key: "k", value: 1 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "k", value: 1, version: { number: 1 } });
    expect(created.body.createdBy).toBeTruthy();
    const pid = created.body.id as string;
    expect((await call(`${base}?key=k`)).body.results).toHaveLength(1);
    const put = (number: number) =>
      call(`${base}/${pid}`, {
        method: "PUT",
        body: { key: "k", value: number, version: { number } },
      });
    expect((await put(3)).status).toBe(409);
    expect((await put(2)).body).toMatchObject({ value: 2, version: { number: 2 } });
    expect((await call(`${base}/${pid}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${base}/${pid}`)).status).toBe(404);
    expect((await call("/wiki/api/v2/spaces/99999/properties")).status).toBe(404);
  });
});

describe("space permissions and roles", () => {
  it("lists permission assignments, operations, roles and role assignments", async () => {
    const assignments = await call(`/wiki/api/v2/spaces/${ENG.id}/permissions?limit=3`);
    expect(assignments.body.results).toHaveLength(3);
    expect(assignments.headers.get("link")).toContain('rel="next"');
    const ops = await call(`/wiki/api/v2/spaces/${ENG.id}/operations`);
    expect(ops.body.operations).toContainEqual({ operation: "create", targetType: "page" });
    const available = await call("/wiki/api/v2/space-permissions");
    expect(available.body.results[0]).toMatchObject({ id: "read/space" });
    const roles = await call("/wiki/api/v2/space-roles");
    expect(roles.body.results.map((r: { name: string }) => r.name)).toEqual([
      "Admin",
      "Collaborator",
      "Viewer",
    ]);
    expect((await call("/wiki/api/v2/space-roles/2")).body.name).toBe("Collaborator");
    expect((await call("/wiki/api/v2/space-roles/9")).status).toBe(404);
    const held = await call(`/wiki/api/v2/spaces/${ENG.id}/role-assignments?role-id=1`);
    expect(held.body.results).toHaveLength(1);
    expect((await call("/wiki/api/v2/space-role-mode")).body).toEqual({ mode: "ROLES" });
    expect((await call("/wiki/api/v2/spaces/99999/permissions")).status).toBe(404);
  });
});

describe("space role writes", () => {
  it("creates, updates and deletes a custom role; assigns it in a space", async () => {
    const created = await call("/wiki/api/v2/space-roles", {
      method: "POST",
      body: {
        name: "Editor",
        description: "Edits pages",
        spacePermissions: ["read/space", "create/page"],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: "CUSTOM", name: "Editor" });
    const roleId = created.body.id as string;
    const updated = await call(`/wiki/api/v2/space-roles/${roleId}`, {
      method: "PUT",
      body: { name: "Page editor", description: "Edits pages", spacePermissions: ["read/space"] },
    });
    expect(updated.status).toBe(202);
    expect(updated.body).toMatchObject({ id: roleId, name: "Page editor" });
    expect(updated.body.taskId).toBeTruthy();
    expect((await call(`/wiki/api/v2/space-roles/${roleId}`)).body.spacePermissions).toEqual([
      "read/space",
    ]);
    const principal = { principalType: "USER", principalId: "someone-else" };
    const set = await call(`/wiki/api/v2/spaces/${ENG.id}/role-assignments`, {
      method: "POST",
      body: [{ principal, roleId }],
    });
    expect(set.status).toBe(200);
    expect(set.body.results).toContainEqual({ principal, roleId });
    const held = await call(
      `/wiki/api/v2/spaces/${ENG.id}/role-assignments?principal-id=someone-else`,
    );
    expect(held.body.results).toEqual([{ principal, roleId }]);
    const deleted = await call(`/wiki/api/v2/space-roles/${roleId}`, { method: "DELETE" });
    expect(deleted.status).toBe(202);
    expect((await call(`/wiki/api/v2/space-roles/${roleId}`)).status).toBe(404);
    const after = await call(
      `/wiki/api/v2/spaces/${ENG.id}/role-assignments?principal-id=someone-else`,
    );
    expect(after.body.results).toEqual([]);
  });

  it("refuses changes to system roles, duplicate names and unknown permissions (400)", async () => {
    allowInvalidRequestsInThisTest();
    const body = { name: "Admin", description: "x", spacePermissions: ["read/space"] };
    expect((await call("/wiki/api/v2/space-roles", { method: "POST", body })).status).toBe(400);
    const unknown = { name: "New", description: "x", spacePermissions: ["fly/space"] };
    expect((await call("/wiki/api/v2/space-roles", { method: "POST", body: unknown })).status).toBe(
      400,
    );
    expect((await call("/wiki/api/v2/space-roles/1", { method: "DELETE" })).status).toBe(400);
    expect((await call("/wiki/api/v2/space-roles/99999", { method: "DELETE" })).status).toBe(404);
    const badRole = [{ principal: { principalType: "USER", principalId: "x" }, roleId: "999" }];
    const set = await call(`/wiki/api/v2/spaces/${ENG.id}/role-assignments`, {
      method: "POST",
      body: badRole,
    });
    expect(set.status).toBe(400);
  });
});

describe("v1 spaces and long tasks", () => {
  it("gets a space by key, deletes it as a long task that polls to finished", async () => {
    const got = await call(`/wiki/rest/api/space/${ENG.key}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ key: ENG.key, id: Number(ENG.id) });
    expect((await call("/wiki/rest/api/space/NOPE")).status).toBe(404);
    const deleted = await call(`/wiki/rest/api/space/${ENG.key}`, { method: "DELETE" });
    expect(deleted.status).toBe(202);
    expect(deleted.body.links.status).toBe(`/rest/api/longtask/${deleted.body.id}`);
    // Not finished when DELETE returns: the first poll finds it in progress, the next done.
    const running = await call(`/wiki/rest/api/longtask/${deleted.body.id}`);
    expect(running.body).toMatchObject({ finished: false, status: "IN_PROGRESS" });
    const task = await call(`/wiki/rest/api/longtask/${deleted.body.id}`);
    expect(task.body).toMatchObject({ finished: true, successful: true, percentageComplete: 100 });
    const tasks = await call("/wiki/rest/api/longtask");
    expect(tasks.body.results.map((t: { id: string }) => t.id)).toContain(deleted.body.id);
    expect((await call(`/wiki/rest/api/space/${ENG.key}`)).status).toBe(404);
    expect((await call(`/wiki/api/v2/spaces/${ENG.id}`)).status).toBe(404);
    expect((await call(`/wiki/api/v2/pages/${DEMO_IDS.pages.architecture}`)).status).toBe(404);
    expect((await call("/wiki/rest/api/longtask/99999")).status).toBe(404);
  });
});

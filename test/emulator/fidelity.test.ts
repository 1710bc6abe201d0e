// Behaviour checked against the real Confluence Cloud (sources in docs/emulator.md, "Fidelity
// notes"): standard headers, the Link header, error codes and messages, title rules, restores.
import { describe, expect, it } from "vitest";
import { assertTitleFree } from "../../src/emulator/domain/pages.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { makePage } from "../../src/emulator/records.js";
import { Store } from "../../src/emulator/store.js";
import { useResettingEmulator } from "./client.js";

const P = DEMO_IDS.pages;
const ENG = DEMO_IDS.spaces.engineering.id;

// Some requests below are invalid on purpose: check responses only.
const suite = useResettingEmulator({ conformance: "responses-only" });
const { call } = suite;

const storage = (value: string) => ({ representation: "storage", value });

describe("standard headers", () => {
  it("sends atl-traceid, nosniff and Confluence's JSON content type on successes and errors", async () => {
    const answers = [
      await call(`/wiki/api/v2/pages/${P.architecture}`),
      await call("/wiki/api/v2/pages/not-a-number"),
      await call("/wiki/api/v2/pages/4242424242"),
      await call("/wiki/api/v2/pages", { headers: { authorization: "Basic eDp5" } }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 400, 404, 401]);
    const traceIds = new Set<string>();
    for (const answer of answers) {
      const traceId = answer.headers.get("atl-traceid") ?? "";
      expect(traceId).toMatch(/^[0-9a-f]{16}$/);
      traceIds.add(traceId);
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    }
    expect(traceIds.size).toBe(answers.length);
  });

  it("sends Link with rel=next then rel=base, and none on the last page", async () => {
    const first = await call(`/wiki/api/v2/spaces/${ENG}/pages?limit=2`);
    const { next, base } = first.body._links;
    expect(base).toBe(`${suite.emulator.url}/wiki`);
    expect(first.headers.get("link")).toBe(`<${next}>; rel="next", <${base}>; rel="base"`);
    const all = await call(`/wiki/api/v2/spaces/${ENG}/pages?limit=250`);
    expect(all.body._links.next).toBeUndefined();
    expect(all.body._links.base).toBe(base);
    expect(all.headers.get("link")).toBeNull();
  });
});

describe("errors", () => {
  it("answers a duplicate title with 400 BAD_REQUEST and the message clients match", async () => {
    const r = await call("/wiki/api/v2/pages", {
      method: "POST",
      body: { spaceId: ENG, title: "Architecture", body: storage("<p>x</p>") },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      errors: [
        {
          status: 400,
          code: "BAD_REQUEST",
          title:
            "A page with this title already exists: A page already exists with the same TITLE in this space",
          detail: null,
        },
      ],
    });
  });

  it("keeps INVALID_REQUEST_PARAMETER for parameter type errors", async () => {
    const r = await call("/wiki/api/v2/pages?limit=0");
    expect(r.status).toBe(400);
    expect(r.body.errors[0].code).toBe("INVALID_REQUEST_PARAMETER");
  });

  it("answers a wrong version number with 409 and the current and provided numbers", async () => {
    const body = (number: number) => ({
      id: P.architecture,
      status: "current",
      title: "Architecture",
      body: storage("<p>v</p>"),
      version: { number },
    });
    const current = (await call(`/wiki/api/v2/pages/${P.architecture}`)).body.version.number;
    for (const number of [current, current + 2, current - 1]) {
      const r = await call(`/wiki/api/v2/pages/${P.architecture}`, {
        method: "PUT",
        body: body(number),
      });
      expect(r.status).toBe(409);
      expect(r.body.errors[0]).toEqual({
        status: 409,
        code: "CONFLICT",
        title: `Version must be incremented when updating a page. Current Version: [${current}]. Provided version: [${number}]`,
        detail: null,
      });
    }
  });
});

describe("page title rules", () => {
  const user = { email: "a@b.c", apiToken: "t", accountId: "acc", displayName: "A" };
  const page = (num: number, title: string, status: "current" | "archived" | "trashed" | "draft") =>
    makePage({
      num,
      spaceId: "1",
      parentId: undefined,
      title,
      body: "",
      status,
      authorId: "acc",
      createdAt: "2024-01-01T00:00:00.000Z",
    });

  it("lets current and archived pages hold a title, but not trashed pages or drafts", () => {
    const store = new Store([user]);
    for (const [num, status] of [
      [10, "current"],
      [11, "archived"],
      [12, "trashed"],
      [13, "draft"],
    ] as const) {
      store.addPage(page(num, status, status));
    }
    expect(() => assertTitleFree(store, "1", "current")).toThrow(/already exists/);
    expect(() => assertTitleFree(store, "1", "archived")).toThrow(/already exists/);
    expect(() => assertTitleFree(store, "1", "trashed")).not.toThrow();
    expect(() => assertTitleFree(store, "1", "draft")).not.toThrow();
    // A page never conflicts with itself, and titles are per space.
    expect(() => assertTitleFree(store, "1", "current", store.pages.get("10"))).not.toThrow();
    expect(() => assertTitleFree(store, "2", "current")).not.toThrow();
  });

  it("frees a trashed page's title; restoring it then conflicts", async () => {
    const del = await call(`/wiki/api/v2/pages/${P.runbooks}`, { method: "DELETE" });
    expect(del.status).toBe(204);
    const title = (await call(`/wiki/api/v2/pages/${P.runbooks}`)).body.title;
    const created = await call("/wiki/api/v2/pages", {
      method: "POST",
      body: { spaceId: ENG, title, body: storage("<p>new</p>") },
    });
    expect(created.status).toBe(200);
    const restore = await call(`/wiki/api/v2/pages/${P.runbooks}`, {
      method: "PUT",
      body: {
        id: P.runbooks,
        status: "current",
        title,
        body: storage("<p>x</p>"),
        version: { number: 2 },
      },
    });
    expect(restore.status).toBe(400);
  });
});

describe("page updates", () => {
  it("restores a trashed page with PUT status=current, changing only its status", async () => {
    const before = (await call(`/wiki/api/v2/pages/${P.runbooks}?body-format=storage`)).body;
    await call(`/wiki/api/v2/pages/${P.runbooks}`, { method: "DELETE" });
    expect((await call(`/wiki/api/v2/pages/${P.runbooks}`)).body.status).toBe("trashed");
    const r = await call(`/wiki/api/v2/pages/${P.runbooks}`, {
      method: "PUT",
      body: {
        id: P.runbooks,
        status: "current",
        title: "Ignored on restore",
        body: storage("<p>ignored</p>"),
        version: { number: before.version.number + 1 },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "current", title: before.title });
    expect(r.body.version.number).toBe(before.version.number);
    expect(r.body.body.storage.value).toBe(before.body.storage.value);
  });

  it("answers a draft save of a published page with the draft", async () => {
    const r = await call(`/wiki/api/v2/pages/${P.architecture}`, {
      method: "PUT",
      body: {
        id: P.architecture,
        status: "draft",
        title: "Architecture (draft)",
        body: storage("<p>draft</p>"),
        version: { number: 1 },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "draft", title: "Architecture (draft)" });
    expect(r.body.version.number).toBe(1);
    expect(r.body.body.storage.value).toBe("<p>draft</p>");
    const published = (await call(`/wiki/api/v2/pages/${P.architecture}`)).body;
    expect(published).toMatchObject({ status: "current", title: "Architecture" });
  });
});

describe("single attachment and custom content includes", () => {
  it("adds include-* wrappers with each entity's own operations", async () => {
    const att = await call(
      `/wiki/api/v2/attachments/${DEMO_IDS.attachments.notesTxt}?include-operations=true&include-version=false`,
    );
    expect(att.body.operations.results.map((o: { operation: string }) => o.operation)).toEqual([
      "read",
      "delete",
    ]);
    expect(att.body.operations._links.self).toBe(
      `/wiki/api/v2/attachments/${DEMO_IDS.attachments.notesTxt}/operations`,
    );
    expect(att.body.version).toBeUndefined();
    const cc = await call(
      `/wiki/api/v2/custom-content/${DEMO_IDS.customContent.checklist}?include-operations=true&include-versions=true`,
    );
    expect(cc.body.operations.results[0]).toEqual({
      operation: "read",
      targetType: "custom_content",
    });
    expect(cc.body.versions.results).toHaveLength(1);
    expect(cc.body._links.base).toBe(`${suite.emulator.url}/wiki`);
  });
});

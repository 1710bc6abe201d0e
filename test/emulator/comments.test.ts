// Footer and inline comments over HTTP, every exchange validated against confluence-v2.json:
// create on a page / attachment / custom content, replies, versions, resolve and reopen,
// properties, per-container listings with cursor pagination, 404s and 400s.
import { describe, expect, it } from "vitest";
import { createComment } from "../../src/emulator/domain/comments.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { Store } from "../../src/emulator/store.js";
import { useResettingEmulator } from "./client.js";

const { call } = useResettingEmulator();
const P = DEMO_IDS.pages;
const V2 = "/wiki/api/v2";
const storage = (value: string) => ({ representation: "storage", value });

describe("footer comments", () => {
  it("creates, reads, replies, updates with version checks and deletes", async () => {
    const created = await call(`${V2}/footer-comments`, {
      method: "POST",
      body: { pageId: P.runbooks, body: storage("<p>First!</p>") },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      pageId: P.runbooks,
      status: "current",
      title: "Re: Runbooks",
      version: { number: 1 },
      body: { storage: { value: "<p>First!</p>" } },
    });
    const id = created.body.id as string;

    const reply = await call(`${V2}/footer-comments`, {
      method: "POST",
      body: { parentCommentId: id, body: storage("<p>Reply</p>") },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentCommentId: id, pageId: P.runbooks });

    const children = await call(`${V2}/footer-comments/${id}/children`);
    expect(children.body.results.map((c: { id: string }) => c.id)).toEqual([reply.body.id]);
    // The page listing holds root comments only.
    const onPage = await call(`${V2}/pages/${P.runbooks}/footer-comments?body-format=storage`);
    expect(onPage.body.results.map((c: { id: string }) => c.id)).toEqual([id]);

    const update = (number: number, value: string) =>
      call(`${V2}/footer-comments/${id}`, {
        method: "PUT",
        body: { version: { number, message: "edit" }, body: storage(value) },
      });
    expect((await update(1, "<p>stale</p>")).status).toBe(409);
    const updated = await update(2, "<p>Second</p>");
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: { number: 2, message: "edit" } });

    const single = await call(
      `${V2}/footer-comments/${id}?body-format=storage&include-versions=true&include-operations=true&include-likes=true`,
    );
    expect(single.body.body.storage.value).toBe("<p>Second</p>");
    expect(single.body.versions.results.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(single.body._links.base).toMatch(/\/wiki$/);
    const old = await call(`${V2}/footer-comments/${id}?version=1&body-format=storage`);
    expect(old.body).toMatchObject({
      status: "historical",
      body: { storage: { value: "<p>First!</p>" } },
    });

    const versions = await call(`${V2}/footer-comments/${id}/versions`);
    expect(versions.body.results.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const detail = await call(`${V2}/footer-comments/${id}/versions/2`);
    expect(detail.body).toMatchObject({ number: 2, prevVersion: 1 });
    expect(detail.body.nextVersion).toBeUndefined();
    expect((await call(`${V2}/footer-comments/${id}/versions/9`)).status).toBe(404);

    expect((await call(`${V2}/footer-comments/${id}/likes/count`)).body).toEqual({ count: 0 });
    expect((await call(`${V2}/footer-comments/${id}/likes/users`)).body.results).toEqual([]);
    const ops = await call(`${V2}/footer-comments/${id}/operations`);
    expect(ops.body.operations.map((o: { operation: string }) => o.operation)).toContain("update");

    // An inline comment id is not a footer comment.
    expect((await call(`${V2}/inline-comments/${id}`)).status).toBe(404);

    expect((await call(`${V2}/footer-comments/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`${V2}/footer-comments/${id}`)).status).toBe(404);
    // Replies go with their parent.
    expect((await call(`${V2}/footer-comments/${reply.body.id}`)).status).toBe(404);
  });

  it("comments on attachments and custom content and lists them there", async () => {
    const att = DEMO_IDS.attachments.diagramPng;
    const cc = DEMO_IDS.customContent.checklist;
    const a = await call(`${V2}/footer-comments`, {
      method: "POST",
      body: { attachmentId: att, body: storage("<p>Nice diagram</p>") },
    });
    expect(a.body.attachmentId).toBe(att);
    const c = await call(`${V2}/footer-comments`, {
      method: "POST",
      body: { customContentId: cc, body: { storage: storage("<p>Checked</p>") } },
    });
    expect(c.status).toBe(201);
    expect((await call(`${V2}/attachments/${att}/footer-comments`)).body.results).toHaveLength(1);
    expect((await call(`${V2}/custom-content/${cc}/footer-comments`)).body.results).toHaveLength(1);
    expect((await call(`${V2}/footer-comments`)).body.results).toHaveLength(2);
  });

  it("answers 400 for bad input and 404 for missing containers", async () => {
    const post = (body: unknown) => call(`${V2}/footer-comments`, { method: "POST", body });
    expect((await post({ pageId: P.runbooks })).status).toBe(400);
    expect((await post({ body: storage("<p>x</p>") })).status).toBe(400);
    expect((await post({ pageId: "98999", body: storage("<p>x</p>") })).status).toBe(404);
    expect((await post({ parentCommentId: "98999", body: storage("<p>x</p>") })).status).toBe(404);
    expect((await call(`${V2}/pages/98999/footer-comments`)).status).toBe(404);
    expect((await call(`${V2}/footer-comments/98999`)).status).toBe(404);
  });

  it("pages through a page's comments with cursor links", async () => {
    for (let i = 0; i < 5; i++) {
      await call(`${V2}/footer-comments`, {
        method: "POST",
        body: { pageId: P.architecture, body: storage(`<p>c${i}</p>`) },
      });
    }
    const seen: string[] = [];
    let next: string | undefined = `${V2}/pages/${P.architecture}/footer-comments?limit=2`;
    let pages = 0;
    while (next) {
      const page = await call(next);
      seen.push(...page.body.results.map((c: { id: string }) => c.id));
      const link = page.headers.get("link");
      next = page.body._links.next;
      if (next) expect(link).toContain('rel="next"');
      else expect(link).toBeNull();
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it("finds blog post containers through the container registry", async () => {
    // No blog post model is registered in this store yet: a blog post container is a 404.
    expect((await call(`${V2}/blogposts/98305/footer-comments`)).status).toBe(404);
    const store = new Store([{ email: "a@b.c", apiToken: "t", accountId: "u1", displayName: "A" }]);
    store.content.registerContainer("blogpost", (id) =>
      id === "7" ? { id, title: "News", spaceId: "1", current: true } : undefined,
    );
    const comment = createComment(store.content, {
      kind: "footer",
      container: { type: "blogpost", id: "7" },
      parentCommentId: undefined,
      body: { representation: "storage", value: "<p>x</p>" },
      textSelection: undefined,
      authorId: "u1",
      now: new Date().toISOString(),
    });
    expect(store.content.commentsOn("blogpost", "7")).toEqual([comment]);
  });
});

describe("inline comments", () => {
  it("anchors on a selection, resolves, reopens and filters by resolution status", async () => {
    const created = await call(`${V2}/inline-comments`, {
      method: "POST",
      body: {
        pageId: P.runbooks,
        body: storage("<p>Typo?</p>"),
        inlineCommentProperties: {
          textSelection: "Runbooks",
          textSelectionMatchCount: 1,
          textSelectionMatchIndex: 0,
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      resolutionStatus: "open",
      properties: { inlineOriginalSelection: "Runbooks" },
    });
    expect(created.body.properties.inlineMarkerRef).toMatch(/^[0-9a-f-]{36}$/);
    const id = created.body.id as string;
    const put = (number: number, resolved: boolean) =>
      call(`${V2}/inline-comments/${id}`, {
        method: "PUT",
        body: { version: { number }, resolved, body: storage("<p>Typo?</p>") },
      });
    const resolved = await put(2, true);
    expect(resolved.body).toMatchObject({ resolutionStatus: "resolved", version: { number: 2 } });
    expect(resolved.body.resolutionLastModifierId).toBeTruthy();
    const list = (status: string) =>
      call(`${V2}/pages/${P.runbooks}/inline-comments?resolution-status=${status}`);
    expect((await list("resolved")).body.results).toHaveLength(1);
    expect((await list("open")).body.results).toHaveLength(0);
    expect((await put(3, false)).body.resolutionStatus).toBe("reopened");
    expect((await list("reopened")).body.results).toHaveLength(1);

    // A top-level inline comment needs its selection.
    const missing = await call(`${V2}/inline-comments`, {
      method: "POST",
      body: { pageId: P.runbooks, body: storage("<p>x</p>") },
    });
    expect(missing.status).toBe(400);
    // Replies inherit the anchor.
    const reply = await call(`${V2}/inline-comments`, {
      method: "POST",
      body: { parentCommentId: id, body: storage("<p>Fixed</p>") },
    });
    expect(reply.status).toBe(201);
    expect((await call(`${V2}/inline-comments/${id}/children`)).body.results).toHaveLength(1);
  });
});

describe("comment properties", () => {
  it("creates and lists properties of a comment", async () => {
    const created = await call(`${V2}/footer-comments`, {
      method: "POST",
      body: { pageId: P.runbooks, body: storage("<p>x</p>") },
    });
    const base = `${V2}/comments/${created.body.id}/properties`;
    const prop = await call(base, { method: "POST", body: { key: "k", value: { a: 1 } } });
    expect(prop.status).toBe(200);
    expect((await call(base)).body.results).toHaveLength(1);
    const single = await call(`${V2}/footer-comments/${created.body.id}?include-properties=true`);
    expect(single.body.properties.results[0]).toMatchObject({ key: "k" });
    expect((await call(`${V2}/comments/98999/properties`)).status).toBe(404);
  });
});

// Comment actions beyond the specification, through the component against the emulator.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const P = DEMO_IDS.pages;
const storage = (value: string) => JSON.stringify({ representation: "storage", value });

type Comment = { id: string; version: { number: number }; resolutionStatus?: string };

describe("footer comments", () => {
  it("creates, replies, lists, updates and deletes footer comments of a page", async () => {
    const top = (
      await run("createFooterComment", { pageId: P.runbooks, body: storage("<p>LGTM</p>") })
    ).data as Comment;
    const reply = (
      await run("replyToFooterComment", { parentCommentId: top.id, body: storage("<p>Thanks</p>") })
    ).data as Comment;

    const list = (await run("listPageFooterComments", { pageId: P.runbooks, fetchAll: "true" }))
      .data as { results: Comment[] };
    expect(list.results.map((c) => c.id)).toContain(top.id);
    const replies = (await run("listCommentReplies", { commentId: top.id })).data as {
      results: Comment[];
    };
    expect(replies.results.map((c) => c.id)).toEqual([reply.id]);

    const updated = (
      await run("updateFooterComment", { commentId: top.id, body: storage("<p>LGTM!</p>") })
    ).data as Comment;
    expect(updated.version.number).toBe(2);

    await run("deleteFooterComment", { commentId: top.id });
    await expect(run("listCommentReplies", { commentId: top.id })).rejects.toMatchObject({
      message: expect.stringMatching(/404/),
    });
  });

  it("comments on a blog post, and wants exactly one container (nothing sent otherwise)", async () => {
    const post = (
      await run("createBlogPost", {
        spaceId: DEMO_IDS.spaces.engineering.id,
        title: "Commented post",
        body: storage("<p>Post</p>"),
      })
    ).data as { id: string };
    const comment = (
      await run("createFooterComment", { blogPostId: post.id, body: storage("<p>Nice</p>") })
    ).data as Comment;
    const list = (await run("listBlogPostFooterComments", { blogPostId: post.id })).data as {
      results: Comment[];
    };
    expect(list.results.map((c) => c.id)).toEqual([comment.id]);

    const seen = (await received()).length;
    await expect(
      run("createFooterComment", {
        pageId: P.runbooks,
        blogPostId: post.id,
        body: storage("<p>x</p>"),
      }),
    ).rejects.toThrow(/Page Id/);
    await expect(run("createFooterComment", { body: storage("<p>x</p>") })).rejects.toThrow(
      /Page Id/,
    );
    expect((await received()).length).toBe(seen);
  });
});

describe("inline comments", () => {
  it("anchors a comment on a text selection, then resolves and reopens it", async () => {
    const created = await run("createInlineComment", {
      pageId: P.architecture,
      body: storage("<p>Which contracts?</p>"),
      textSelection: "content",
    });
    const comment = created.data as Comment & { properties?: unknown };
    expect(comment.resolutionStatus).toBe("open");
    const post = (await received()).find((r) => r.method === "POST");
    expect(post?.body).toMatchObject({
      pageId: P.architecture,
      inlineCommentProperties: {
        textSelection: "content",
        textSelectionMatchCount: 1,
        textSelectionMatchIndex: 0,
      },
    });

    const resolved = (await run("resolveInlineComment", { commentId: comment.id })).data as Comment;
    expect(resolved).toMatchObject({ resolutionStatus: "resolved", version: { number: 2 } });
    const open = (
      await run("listPageInlineComments", {
        pageId: P.architecture,
        resolutionStatus: "open,reopened",
      })
    ).data as { results: Comment[] };
    expect(open.results.map((c) => c.id)).not.toContain(comment.id);

    const reopened = (
      await run("resolveInlineComment", { commentId: comment.id, resolved: "false" })
    ).data as Comment;
    expect(reopened.resolutionStatus).toBe("reopened");
  });

  it("refuses a match index beyond the match count before sending anything", async () => {
    await expect(
      run("createInlineComment", {
        pageId: P.architecture,
        body: storage("<p>x</p>"),
        textSelection: "content",
        textSelectionMatchCount: "1",
        textSelectionMatchIndex: "1",
      }),
    ).rejects.toThrow(/Text Selection Match Index/);
    expect(await received()).toEqual([]);
  });
});

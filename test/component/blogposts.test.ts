// Blog post actions beyond the specification, through the component against the emulator.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const ENG = DEMO_IDS.spaces.engineering.id;
const storage = (value: string) => JSON.stringify({ representation: "storage", value });

describe("blog posts", () => {
  it("creates, gets, lists, updates (next version read for you) and deletes a blog post", async () => {
    const created = (
      await run("createBlogPost", {
        spaceId: ENG,
        title: "Release 1.0",
        body: storage("<p>Shipped.</p>"),
      })
    ).data as { id: string; version: { number: number } };
    expect(created.version.number).toBe(1);

    const got = (await run("getBlogPost", { blogPostId: created.id, bodyFormat: "storage" }))
      .data as { title: string; body: { storage: { value: string } } };
    expect(got).toMatchObject({
      title: "Release 1.0",
      body: { storage: { value: "<p>Shipped.</p>" } },
    });

    const listed = (await run("listBlogPostsInSpace", { spaceId: ENG, fetchAll: "true" })).data as {
      results: { id: string }[];
    };
    expect(listed.results.map((p) => p.id)).toContain(created.id);

    const updated = (
      await run("updateBlogPost", {
        blogPostId: created.id,
        status: "current",
        title: "Release 1.0.1",
        body: storage("<p>Patched.</p>"),
        versionMessage: "patch",
      })
    ).data as { title: string; version: { number: number; message: string } };
    expect(updated).toMatchObject({
      title: "Release 1.0.1",
      version: { number: 2, message: "patch" },
    });
    const requests = await received();
    expect(requests.slice(-2).map((r) => r.method)).toEqual(["GET", "PUT"]);

    // A stale version number is Confluence's 409 (as for updatePage: "Version must be
    // incremented when updating a page", community.developer.atlassian.com/t/98344), not a
    // silent overwrite and not a retry: one PUT, and the blog post keeps version 2.
    const puts = async () => (await received()).filter((r) => r.method === "PUT").length;
    const putsBefore = await puts();
    await expect(
      run("updateBlogPost", {
        blogPostId: created.id,
        status: "current",
        title: "Stale",
        body: storage("<p>Stale.</p>"),
        versionNumber: "2",
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/409/) });
    expect(await puts()).toBe(putsBefore + 1);
    const kept = (await run("getBlogPost", { blogPostId: created.id })).data as {
      title: string;
      version: { number: number };
    };
    expect(kept).toMatchObject({ title: "Release 1.0.1", version: { number: 2 } });

    const deleted = await run("deleteBlogPost", { blogPostId: created.id });
    expect(deleted.data).toMatchObject({ id: created.id, deleted: true });
    // Deleting moves it to the trash (deleteBlogPost), where it can still be read.
    const trashed = (await run("getBlogPost", { blogPostId: created.id })).data as {
      status: string;
    };
    expect(trashed.status).toBe("trashed");
  });

  it("needs a title unless the blog post is a draft (nothing sent)", async () => {
    await expect(
      run("createBlogPost", { spaceId: ENG, body: storage("<p>x</p>") }),
    ).rejects.toThrow(/Title/);
    expect(await received()).toEqual([]);
  });
});

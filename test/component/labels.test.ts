// Label actions through the component against the emulator (v2 reads, v1 writes and lookup).
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const P = DEMO_IDS.pages;

const names = (data: unknown) =>
  (data as { results: { name: string }[] }).results.map((label) => label.name).sort();

describe("labels", () => {
  it("adds labels (lower-cased, existing kept), lists them, removes one", async () => {
    const added = await run("addLabels", { contentId: P.runbooks, labels: "Ops,on-call" });
    expect(names(added.data)).toEqual(["on-call", "ops"]);
    const [post] = await received();
    expect(post).toMatchObject({
      method: "POST",
      path: `/wiki/rest/api/content/${P.runbooks}/label`,
    });

    await run("addLabels", { contentId: P.runbooks, labels: ["ops", "incident"] });
    const listed = await run("listContentLabels", { contentId: P.runbooks, fetchAll: "true" });
    expect(names(listed.data)).toEqual(["incident", "on-call", "ops"]);

    const removed = await run("removeLabel", { contentId: P.runbooks, label: "on-call" });
    expect(removed.data).toMatchObject({ id: P.runbooks, deleted: true, label: "on-call" });
    const after = await run("listContentLabels", { contentId: P.runbooks });
    expect(names(after.data)).toEqual(["incident", "ops"]);
  });

  it("refuses a label name Confluence would refuse, sending nothing", async () => {
    await expect(run("addLabels", { contentId: P.runbooks, labels: "two words" })).rejects.toThrow(
      /Labels.*not a label name/,
    );
    expect(await received()).toEqual([]);
  });

  it("lists a blog post's labels under /blogposts", async () => {
    // The emulator's demo data has no blog post: a missing one is Confluence's 404.
    await expect(
      run("listContentLabels", { contentId: P.runbooks, contentType: "blogpost" }),
    ).rejects.toMatchObject({ status: 404 });
    const [request] = await received();
    expect(request?.path).toBe(`/wiki/api/v2/blogposts/${P.runbooks}/labels`);
  });

  it("lists the pages with a label, by name (looked up first) or by id", async () => {
    await run("addLabels", { contentId: P.emulatorDesign, labels: "architecture" });
    const byName = await run("listPagesWithLabel", { labelName: "architecture" });
    const ids = (byName.data as { results: { id: string }[] }).results.map((page) => page.id);
    expect(ids.sort()).toEqual([P.architecture, P.emulatorDesign].sort());
    const requests = await received();
    expect(requests.map((r) => r.path).slice(1)).toEqual([
      "/wiki/rest/api/label",
      `/wiki/api/v2/labels/229377/pages`,
    ]);
    const byId = await run("listPagesWithLabel", { labelId: "229377", limit: "1" });
    expect((byId.data as { results: unknown[] }).results).toHaveLength(1);
    expect((byId.data as { nextCursor?: string }).nextCursor).toEqual(expect.any(String));
  });

  it("says which label is unknown, and needs exactly one of id and name", async () => {
    await expect(run("listPagesWithLabel", { labelName: "nope" })).rejects.toMatchObject({
      name: "NotFoundError",
      message: 'No label is named "nope".',
    });
    await expect(run("listPagesWithLabel", {})).rejects.toThrow(/Label Id/);
    await expect(
      run("listPagesWithLabel", { labelId: "229377", labelName: "architecture" }),
    ).rejects.toThrow(/Label Id/);
  });
});

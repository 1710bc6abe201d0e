// Lost answers of the writes beyond the specification, through the catalog's actions against the
// emulator: the connection is reset after Confluence applied the write (resetAfter) or before it
// reached the handler (resetBefore). Either way the action must end with the write applied
// exactly once and return it, never with "outcome unknown" and never with a duplicate.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { runCatalogAction } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { auditClient, clearFaults, setFaults } from "./support.js";

const SPACE = DEMO_IDS.spaces.engineering.id;
let emulator: RunningEmulator;

beforeAll(async () => {
  // Dropped connections leave no response to check; every request sent must follow the spec.
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await clearFaults(emulator);
});

const run = (key: string, inputs: Record<string, unknown>) =>
  runCatalogAction(emulator, key, inputs);
const storage = (value: string) => JSON.stringify({ representation: "storage", value });

type Drop = "resetAfter" | "resetBefore";
const DROPS: readonly [Drop, string][] = [
  ["resetAfter", "applied, answer lost"],
  ["resetBefore", "not applied"],
];

/** The next request `method path` loses its connection (once). */
function dropNext(drop: Drop, method: string, path: string): Promise<void> {
  return setFaults(emulator, { rules: [{ method, path, [drop]: { rate: 1 }, times: 1 }] });
}

/** Every item of a v2 list, read through a clean client (faults cleared first). */
async function all<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
  await clearFaults(emulator);
  const client = auditClient(emulator);
  const items: T[] = [];
  for await (const item of client.paginate<T>(path, { query })) items.push(item);
  await client.close();
  return items;
}

async function newPage(title: string): Promise<string> {
  const page = await run("createPage", {
    spaceId: SPACE,
    status: "current",
    title,
    body: storage("<p>Quarterly targets are set. Quarterly reviews follow.</p>"),
  });
  return (page.data as { id: string }).id;
}

describe.each(DROPS)("a create whose connection drops (%s: %s)", (drop, _what) => {
  it("Create Blog Post returns the one blog post", async () => {
    const title = `Release notes ${drop}`;
    await dropNext(drop, "POST", "/wiki/api/v2/blogposts");
    const out = await run("createBlogPost", {
      spaceId: SPACE,
      title,
      body: storage("<p>Shipped.</p>"),
    });
    const created = out.data as { id: string; title: string; version: { number: number } };
    expect(created).toMatchObject({ title, version: { number: 1 } });
    const posts = await all<{ id: string }>("/blogposts", { "space-id": SPACE, title });
    expect(posts.map((post) => post.id)).toEqual([created.id]);
  });

  it("Create Footer Comment and Reply to Footer Comment return the one comment", async () => {
    const pageId = await newPage(`Footer comments ${drop}`);
    await dropNext(drop, "POST", "/wiki/api/v2/footer-comments");
    const comment = (
      await run("createFooterComment", { pageId, body: storage("<p>Looks good.</p>") })
    ).data as { id: string; pageId: string };
    expect(comment.pageId).toBe(pageId);
    const roots = await all<{ id: string }>(`/pages/${pageId}/footer-comments`);
    expect(roots.map((c) => c.id)).toEqual([comment.id]);

    await dropNext(drop, "POST", "/wiki/api/v2/footer-comments");
    const reply = (
      await run("replyToFooterComment", {
        parentCommentId: comment.id,
        body: storage("<p>Thanks!</p>"),
      })
    ).data as { id: string; parentCommentId: string };
    expect(reply.parentCommentId).toBe(comment.id);
    const replies = await all<{ id: string }>(`/footer-comments/${comment.id}/children`);
    expect(replies.map((c) => c.id)).toEqual([reply.id]);
  });

  it("Create Inline Comment returns the one comment", async () => {
    const pageId = await newPage(`Inline comments ${drop}`);
    await dropNext(drop, "POST", "/wiki/api/v2/inline-comments");
    const comment = (
      await run("createInlineComment", {
        pageId,
        body: storage("<p>Which quarter?</p>"),
        textSelection: "Quarterly",
      })
    ).data as { id: string; resolutionStatus: string };
    expect(comment.resolutionStatus).toBe("open");
    const listed = await all<{ id: string }>(`/pages/${pageId}/inline-comments`);
    expect(listed.map((c) => c.id)).toEqual([comment.id]);
  });

  it("Restore Page Version adds exactly one version, with the restored body", async () => {
    const pageId = await newPage(`Restore ${drop}`);
    await run("updatePage", {
      pageId,
      status: "current",
      title: `Restore ${drop}`,
      body: storage("<p>Second draft.</p>"),
      version: JSON.stringify({ number: 2 }),
    });
    await dropNext(drop, "POST", `/wiki/rest/api/content/${pageId}/version`);
    const out = await run("restorePageVersion", {
      pageId,
      versionNumber: "1",
      message: "back to the first",
    });
    expect(out.data).toMatchObject({ number: 3, message: "back to the first" });
    const versions = await all<{ number: number }>(`/pages/${pageId}/versions`);
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2, 3]);
    const page = (await run("getPage", { pageId, bodyFormat: "storage" })).data as {
      body: { storage: { value: string } };
    };
    expect(page.body.storage.value).toContain("Quarterly targets are set.");
  });
});

describe("when the write cannot be told apart", () => {
  it("a lost comment create with two identical comments of yours since is reported, not guessed", async () => {
    const pageId = await newPage("Ambiguous comments");
    // Our comment lands (answer lost) right after an identical one of ours.
    await run("createFooterComment", { pageId, body: storage("<p>+1</p>") });
    await dropNext("resetAfter", "POST", "/wiki/api/v2/footer-comments");
    await expect(
      run("createFooterComment", { pageId, body: storage("<p>+1</p>") }),
    ).rejects.toThrow(
      /outcome of POST \/wiki\/api\/v2\/footer-comments is unknown \(2 comments by you with this text/,
    );
    // Nothing was sent again.
    expect(await all(`/pages/${pageId}/footer-comments`)).toHaveLength(2);
  });
});

describe.each(DROPS)("other writes whose connection drops (%s: %s)", (drop, _what) => {
  it("Add Labels is sent again (adding a label twice changes nothing)", async () => {
    const pageId = await newPage(`Labels ${drop}`);
    await dropNext(drop, "POST", `/wiki/rest/api/content/${pageId}/label`);
    const out = (await run("addLabels", { contentId: pageId, labels: "release,q3" })).data as {
      results: { name: string }[];
    };
    expect(out.results.map((label) => label.name).sort()).toEqual(["q3", "release"]);
    const labels = await all<{ name: string }>(`/pages/${pageId}/labels`);
    expect(labels.map((label) => label.name).sort()).toEqual(["q3", "release"]);
  });

  it("Update Page Title saves exactly one new version", async () => {
    const pageId = await newPage(`Title ${drop}`);
    await dropNext(drop, "PUT", `/wiki/api/v2/pages/${pageId}/title`);
    const out = (await run("updatePageTitle", { pageId, title: `Renamed ${drop}` })).data as {
      title: string;
      version: { number: number };
    };
    expect(out).toMatchObject({ title: `Renamed ${drop}`, version: { number: 2 } });
    const versions = await all<{ number: number }>(`/pages/${pageId}/versions`);
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2]);
  });

  it("Create Space with a key returns the one space", async () => {
    const key = drop === "resetAfter" ? "LOSTA" : "LOSTB";
    await dropNext(drop, "POST", "/wiki/api/v2/spaces");
    const out = (await run("createSpace", { name: `Lost ${drop}`, key })).data as {
      id: string;
      key: string;
    };
    expect(out.key).toBe(key);
    const spaces = await all<{ id: string }>("/spaces", { keys: key });
    expect(spaces.map((space) => space.id)).toEqual([out.id]);
  });

  it("Move Page is repeated by the client as is (moving to where it is changes nothing)", async () => {
    const target = await newPage(`Move target ${drop}`);
    const pageId = await newPage(`Moved ${drop}`);
    await dropNext(drop, "PUT", `/wiki/rest/api/content/${pageId}/move/append/${target}`);
    await run("movePage", { pageId, position: "append", targetId: target });
    const children = await all<{ id: string }>(`/pages/${target}/direct-children`);
    expect(children.map((child) => child.id)).toEqual([pageId]);
  });
});

it("Create Space without a key reports a lost answer as unknown, naming what to check", async () => {
  await dropNext("resetAfter", "POST", "/wiki/api/v2/spaces");
  await expect(run("createSpace", { name: "Keyless lost" })).rejects.toThrow(
    /outcome of POST \/wiki\/api\/v2\/spaces is unknown \(no Space Key was given.*Check whether a space named "Keyless lost" exists/,
  );
});

describe.each(DROPS)("Upload Attachment whose connection drops (%s: %s)", (drop, _what) => {
  const upload = (pageId: string, text: string, mode?: string) =>
    run("uploadAttachment", { contentId: pageId, file: text, fileName: "notes.txt", mode });
  type Uploaded = { results: { id: string; version: { number: number } }[] };

  it("createOrUpdate adds exactly one version, new file or not", async () => {
    const pageId = await newPage(`Upload ${drop}`);
    await dropNext(drop, "PUT", `/wiki/rest/api/content/${pageId}/child/attachment`);
    const first = (await upload(pageId, "first")).data as Uploaded;
    expect(first.results[0]?.version.number).toBe(1);
    await dropNext(drop, "PUT", `/wiki/rest/api/content/${pageId}/child/attachment`);
    const second = (await upload(pageId, "second text")).data as Uploaded;
    expect(second.results[0]).toMatchObject({ id: first.results[0]?.id, version: { number: 2 } });
    const attachments = await all<{ id: string; version: { number: number } }>(
      `/pages/${pageId}/attachments`,
    );
    expect(attachments.map((a) => [a.id, a.version.number])).toEqual([[first.results[0]?.id, 2]]);
  });

  it("create mode returns the one new attachment", async () => {
    const pageId = await newPage(`Upload create ${drop}`);
    await dropNext(drop, "POST", `/wiki/rest/api/content/${pageId}/child/attachment`);
    const created = (await upload(pageId, "only", "create")).data as Uploaded;
    expect(created.results[0]?.version.number).toBe(1);
    const attachments = await all<{ id: string }>(`/pages/${pageId}/attachments`);
    expect(attachments.map((a) => a.id)).toEqual([created.results[0]?.id]);
  });
});

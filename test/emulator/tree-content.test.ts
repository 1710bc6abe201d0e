// Folders, whiteboards, databases and smart links over HTTP, validated against confluence-v2.json:
// create (at the space root or below a page or another item), get with includes, operations,
// properties, direct children / descendants / ancestors, delete to the trash, 400s and 404s.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { useResettingEmulator } from "./client.js";

const { call } = useResettingEmulator();
const V2 = "/wiki/api/v2";
const SPACE = DEMO_IDS.spaces.engineering.id;
const P = DEMO_IDS.pages;

const TYPES = [
  ["folders", "folder"],
  ["whiteboards", "whiteboard"],
  ["databases", "database"],
  ["embeds", "embed"],
] as const;

describe("tree content", () => {
  for (const [segment, type] of TYPES) {
    it(`creates, reads, lists properties and trashes a ${type}`, async () => {
      const created = await call(`${V2}/${segment}`, {
        method: "POST",
        body: {
          spaceId: SPACE,
          title: `My ${type}`,
          parentId: P.runbooks,
          ...(type === "embed" ? { embedUrl: "https://example.com/x" } : {}),
        },
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        type,
        status: "current",
        title: `My ${type}`,
        spaceId: SPACE,
        parentId: P.runbooks,
        parentType: "page",
        version: { number: 1 },
      });
      const id = created.body.id as string;
      const props = `${V2}/${segment}/${id}/properties`;
      expect((await call(props, { method: "POST", body: { key: "k", value: 1 } })).status).toBe(
        200,
      );
      const single = await call(
        `${V2}/${segment}/${id}?include-properties=true&include-operations=true`,
      );
      expect(single.body.properties.results).toHaveLength(1);
      expect(single.body.operations.results[0]).toMatchObject({ targetType: type });
      expect((await call(`${V2}/${segment}/${id}/operations`)).body.operations).toHaveLength(3);
      const ancestors = await call(`${V2}/${segment}/${id}/ancestors`);
      // Top to bottom: the homepage, then Runbooks.
      expect(ancestors.body.results).toEqual([
        { id: P.engineeringHome, type: "page" },
        { id: P.runbooks, type: "page" },
      ]);
      expect((await call(`${V2}/${segment}/${id}/ancestors?limit=1`)).body.results).toEqual([
        { id: P.runbooks, type: "page" },
      ]);
      expect((await call(`${V2}/${segment}/${id}`, { method: "DELETE" })).status).toBe(204);
      expect((await call(`${V2}/${segment}/${id}`)).status).toBe(404);
      expect((await call(`${V2}/${segment}/${id}`, { method: "DELETE" })).status).toBe(404);
    });
  }

  it("nests items and lists direct children and descendants with pagination", async () => {
    const folder = async (title: string, parentId?: string) =>
      (
        await call(`${V2}/folders`, {
          method: "POST",
          body: { spaceId: SPACE, title, ...(parentId ? { parentId } : {}) },
        })
      ).body;
    const root = await folder("Root");
    expect(root.parentId).toBeUndefined();
    const a = await folder("A", root.id);
    const b = await folder("B", root.id);
    const a1 = await folder("A1", a.id);
    await folder("A1x", a1.id);
    const board = await call(`${V2}/whiteboards`, {
      method: "POST",
      body: { spaceId: SPACE, parentId: root.id },
    });
    expect(board.body).toMatchObject({ title: "Untitled whiteboard", parentType: "folder" });

    const first = await call(`${V2}/folders/${root.id}/direct-children?limit=2`);
    expect(first.body.results.map((c: { title: string }) => c.title)).toEqual(["A", "B"]);
    expect(first.headers.get("link")).toContain('rel="next"');
    const second = await call(first.body._links.next);
    expect(second.body.results).toMatchObject([{ type: "whiteboard", spaceId: SPACE }]);

    const descendants = await call(`${V2}/folders/${root.id}/descendants`);
    expect(
      descendants.body.results.map((d: { title: string; depth: number }) => [d.title, d.depth]),
    ).toEqual([
      ["A", 1],
      ["A1", 2],
      ["B", 1],
      ["Untitled whiteboard", 1],
    ]);
    const deep = await call(`${V2}/folders/${root.id}/descendants?depth=5`);
    expect(deep.body.results).toHaveLength(5);
    expect((await call(`${V2}/folders/${a1.id}/ancestors`)).body.results).toEqual([
      { id: root.id, type: "folder" },
      { id: a.id, type: "folder" },
    ]);
    expect(b.id).toBeTruthy();
  });

  it("answers 400 for bad input and 404 for unknown spaces, parents and ids", async () => {
    // Some requests below break the OpenAPI contract on purpose (missing spaceId, bad id, depth).
    allowInvalidRequestsInThisTest();
    const post = (body: unknown) => call(`${V2}/folders`, { method: "POST", body });
    expect((await post({ title: "x" })).status).toBe(400);
    expect((await post({ spaceId: "99999" })).status).toBe(404);
    expect((await post({ spaceId: SPACE, parentId: "99999" })).status).toBe(404);
    // A parent in another space.
    expect((await post({ spaceId: SPACE, parentId: P.personalHome })).status).toBe(404);
    expect((await call(`${V2}/folders/99999`)).status).toBe(404);
    expect((await call(`${V2}/folders/abc`)).status).toBe(400);
    const folder = (await post({ spaceId: SPACE })).body;
    // A folder is not a whiteboard.
    expect((await call(`${V2}/whiteboards/${folder.id}`)).status).toBe(404);
    expect((await call(`${V2}/folders/${folder.id}/descendants?depth=6`)).status).toBe(400);
  });
});

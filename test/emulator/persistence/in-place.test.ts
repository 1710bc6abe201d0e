// Writes that change records reached through an index (a page's siblings, a container's
// attachments) rather than fetched by id survive a restart that replays the journal.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../../src/emulator/index.js";
import { startTestEmulator } from "../../support/emulator.js";
import { AUTH, type Call } from "../client.js";
import { callAt, createPage, dataDirs } from "./support.js";

const dataDir = dataDirs();

async function child(call: Call, parentId: string, title: string): Promise<string> {
  const reply = await call("/wiki/api/v2/pages", {
    method: "POST",
    body: {
      spaceId: DEMO_IDS.spaces.engineering.id,
      parentId,
      title,
      body: { representation: "storage", value: "<p>x</p>" },
    },
  });
  expect(reply.status).toBe(200);
  return reply.body.id as string;
}

async function childTitles(call: Call, parentId: string): Promise<string[]> {
  const reply = await call(`/wiki/api/v2/pages/${parentId}/children?sort=child-position`);
  expect(reply.status).toBe(200);
  return (reply.body.results as { title: string }[]).map((page) => page.title);
}

async function upload(url: string, pageId: string, bytes: number[]): Promise<void> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), "same.bin");
  const response = await fetch(`${url}/wiki/rest/api/content/${pageId}/child/attachment`, {
    method: "PUT",
    headers: { authorization: AUTH, "x-atlassian-token": "no-check" },
    body: form,
  });
  expect(response.status).toBe(200);
}

describe("changes reached through an index survive a restart", () => {
  it("a move renumbers the siblings and carries descendants to the new space; an upload of the same name is a new version", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const call = callAt(first.url);
    const parent = await createPage(call, "Parent");
    const a = await child(call, parent.id, "A");
    await child(call, parent.id, "B");
    const c = await child(call, parent.id, "C");
    const moved = await call(`/wiki/rest/api/content/${c}/move/after/${a}`, { method: "PUT" });
    expect(moved.status).toBe(200);
    expect(await childTitles(call, parent.id)).toEqual(["A", "C", "B"]);
    // B moves to another space with its child: the child is reached through the tree only.
    const b = (await call(`/wiki/api/v2/pages/${parent.id}/children`)).body.results[2].id as string;
    const d = await child(call, b, "D");
    const away = await call(
      `/wiki/rest/api/content/${b}/move/append/${DEMO_IDS.pages.personalHome}`,
      {
        method: "PUT",
      },
    );
    expect(away.status).toBe(200);
    await upload(first.url, parent.id, [1]);
    await upload(first.url, parent.id, [2, 2]);
    await first.close();

    const second = await startTestEmulator({ dataDir: dir });
    try {
      const again = callAt(second.url);
      expect(await childTitles(again, parent.id)).toEqual(["A", "C"]);
      const moved = await again(`/wiki/api/v2/pages/${d}`);
      expect(moved.body.spaceId).toBe(DEMO_IDS.spaces.personal.id);
      const response = await fetch(
        `${second.url}/wiki/download/attachments/${parent.id}/same.bin`,
        {
          headers: { authorization: AUTH },
        },
      );
      expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([2, 2]);
    } finally {
      await second.close();
    }
  }, 60_000);
});

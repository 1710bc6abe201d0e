// Moving a sandbox between emulators: GET /__emulator/export, POST /__emulator/import.
import { describe, expect, it } from "vitest";
import { startTestEmulator } from "../../support/emulator.js";
import { AUTH } from "../client.js";
import { callAt, createPage } from "./support.js";

async function importState(url: string, bytes: Uint8Array | string): Promise<Response> {
  return fetch(`${url}/__emulator/import`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: bytes,
  });
}

describe("export and import", () => {
  it("round trip: an exported in-memory sandbox imports into another emulator, bytes and all", async () => {
    const source = await startTestEmulator();
    const target = await startTestEmulator();
    try {
      const page = await createPage(callAt(source.url), "Travelling page");
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array([9, 8, 7])]), "t.bin");
      const upload = await fetch(
        `${source.url}/wiki/rest/api/content/${page.id}/child/attachment`,
        {
          method: "POST",
          headers: { authorization: AUTH, "x-atlassian-token": "no-check" },
          body: form,
        },
      );
      expect(upload.status).toBe(200);
      const exported = await fetch(`${source.url}/__emulator/export`);
      expect(exported.headers.get("content-type")).toBe("application/octet-stream");
      const bytes = new Uint8Array(await exported.arrayBuffer());

      expect((await callAt(target.url)(`/wiki/api/v2/pages/${page.id}`)).status).toBe(404);
      const imported = await importState(target.url, bytes);
      expect(imported.status).toBe(200);
      const kept = await callAt(target.url)(`/wiki/api/v2/pages/${page.id}`);
      expect(kept.status).toBe(200);
      expect(kept.body.title).toBe("Travelling page");
      const download = await fetch(`${target.url}/wiki/download/attachments/${page.id}/t.bin`, {
        headers: { authorization: AUTH },
      });
      expect([...new Uint8Array(await download.arrayBuffer())]).toEqual([9, 8, 7]);
      // Listings built before the import are not served from a stale cache.
      const listed = await callAt(target.url)("/wiki/api/v2/pages?limit=250");
      expect(listed.body.results.map((p: { id: string }) => p.id)).toContain(page.id);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it("refuses bytes that are not an export, or a damaged one, and changes nothing", async () => {
    const emulator = await startTestEmulator();
    try {
      const page = await createPage(callAt(emulator.url), "Stays");
      const garbage = await importState(emulator.url, "hello");
      expect(garbage.status).toBe(400);
      expect(await garbage.json()).toEqual({ error: "import body is not an emulator state file" });
      const exported = new Uint8Array(
        await (await fetch(`${emulator.url}/__emulator/export`)).arrayBuffer(),
      );
      const damaged = await importState(emulator.url, exported.subarray(0, exported.length - 1));
      expect(damaged.status).toBe(400);
      expect(((await damaged.json()) as { error: string }).error).toMatch(/damaged/);
      expect((await callAt(emulator.url)(`/wiki/api/v2/pages/${page.id}`)).status).toBe(200);
      // Raw bytes need their own Content-Type; a form post stays refused (request guard).
      const form = await fetch(`${emulator.url}/__emulator/import`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "x",
      });
      expect(form.status).toBe(415);
    } finally {
      await emulator.close();
    }
  });
});

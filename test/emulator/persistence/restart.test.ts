// `startEmulator({ dataDir })` keeps everything across restarts (issue 14, item 3).
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_IDS, SITE_IDS, startEmulator } from "../../../src/emulator/index.js";
import { startTestEmulator } from "../../support/emulator.js";
import { AUTH } from "../client.js";
import { callAt, createPage, dataDirs } from "./support.js";

const dataDir = dataDirs();

const ENG = DEMO_IDS.spaces.engineering.id;

async function uploadAttachment(url: string, pageId: string, bytes: Uint8Array): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "application/octet-stream" }), "blob.bin");
  const response = await fetch(`${url}/wiki/rest/api/content/${pageId}/child/attachment`, {
    method: "POST",
    headers: { authorization: AUTH, "x-atlassian-token": "no-check" },
    body: form,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { id: string }[] }).results[0]!.id;
}

async function download(url: string, pageId: string): Promise<number[]> {
  const response = await fetch(`${url}/wiki/download/attachments/${pageId}/blob.bin`, {
    headers: { authorization: AUTH },
  });
  expect(response.status).toBe(200);
  return [...new Uint8Array(await response.arrayBuffer())];
}

describe("restart on the same data directory", () => {
  it("keeps content of several kinds, attachment bytes, properties, fault rules and OAuth tokens; ids and versions continue", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const call = callAt(first.url);
    const page = await createPage(call, "Kept page");
    const blog = await call("/wiki/api/v2/blogposts", {
      method: "POST",
      body: {
        spaceId: ENG,
        title: "Kept post",
        body: { representation: "storage", value: "<p>b</p>" },
      },
    });
    expect(blog.status).toBe(200);
    const comment = await call("/wiki/api/v2/footer-comments", {
      method: "POST",
      body: { pageId: page.id, body: { representation: "storage", value: "<p>c</p>" } },
    });
    expect(comment.status).toBe(201);
    const property = await call(`/wiki/api/v2/pages/${page.id}/properties`, {
      method: "POST",
      body: { key: "kept", value: { n: 1 } },
    });
    expect(property.status).toBe(200);
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const attachmentId = await uploadAttachment(first.url, page.id, bytes);
    const faults = await fetch(`${first.url}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        seed: 7,
        rules: [{ id: "kept", path: "/never/**", error: { rate: 1, status: [503] } }],
      }),
    });
    expect(faults.status).toBe(200);
    const minted = await fetch(`${first.url}/__emulator/oauth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scopes: ["read:page:confluence"] }),
    });
    const { access_token: accessToken } = (await minted.json()) as { access_token: string };
    await first.close();

    const second = await startTestEmulator({ dataDir: dir });
    try {
      const again = callAt(second.url);
      const kept = await again(`/wiki/api/v2/pages/${page.id}?body-format=storage`);
      expect(kept.status).toBe(200);
      expect(kept.body.title).toBe("Kept page");
      expect(kept.body.body.storage.value).toBe("<p>Kept page</p>");
      expect((await again(`/wiki/api/v2/blogposts/${blog.body.id}`)).body.title).toBe("Kept post");
      expect((await again(`/wiki/api/v2/footer-comments/${comment.body.id}`)).status).toBe(200);
      const properties = await again(`/wiki/api/v2/pages/${page.id}/properties?key=kept`);
      expect(properties.body.results.map((p: { value: unknown }) => p.value)).toEqual([{ n: 1 }]);
      expect((await again(`/wiki/api/v2/attachments/${attachmentId}`)).status).toBe(200);
      expect(await download(second.url, page.id)).toEqual([...bytes]);
      const rules = (await (await fetch(`${second.url}/__emulator/faults`)).json()) as {
        seed: number;
        rules: { id: string; error: unknown }[];
      };
      expect(rules.seed).toBe(7);
      expect(rules.rules.map((r) => [r.id, r.error])).toEqual([
        ["kept", { rate: 1, status: [503] }],
      ]);
      const viaOAuth = await fetch(
        `${second.url}/ex/confluence/${SITE_IDS.demo}/wiki/api/v2/pages/${page.id}`,
        { headers: { authorization: `Bearer ${accessToken}` } },
      );
      expect(viaOAuth.status).toBe(200);

      // Versions continue from the saved one; new ids come after the saved ones.
      const updated = await again(`/wiki/api/v2/pages/${page.id}`, {
        method: "PUT",
        body: {
          id: page.id,
          status: "current",
          title: "Kept page",
          body: { representation: "storage", value: "<p>v2</p>" },
          version: { number: 2 },
        },
      });
      expect(updated.status).toBe(200);
      expect(updated.body.version.number).toBe(2);
      const next = await createPage(again, "After restart");
      expect(Number(next.id)).toBeGreaterThan(Number(attachmentId.replace(/^att/, "")));
      expect(Number(next.id)).toBeGreaterThan(Number(comment.body.id));
    } finally {
      await second.close();
    }
    // Generous: a dozen exchanges and two start-ups on a loaded 2-core machine.
  }, 120_000);

  it("a reset is kept too, and the in-memory default keeps nothing", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const page = await createPage(callAt(first.url), "Reset away");
    await fetch(`${first.url}/__emulator/reset`, { method: "POST" });
    await first.close();
    const second = await startTestEmulator({ dataDir: dir });
    expect((await callAt(second.url)(`/wiki/api/v2/pages/${page.id}`)).status).toBe(404);
    await second.close();

    const memory = await startTestEmulator();
    const inMemory = await createPage(callAt(memory.url), "Gone");
    await memory.close();
    const fresh = await startTestEmulator();
    expect((await callAt(fresh.url)(`/wiki/api/v2/pages/${inMemory.id}`)).status).toBe(404);
    await fresh.close();
  });
});

describe("damaged data directories", () => {
  it("a write cut short (a leftover temporary file) is ignored and removed", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const page = await createPage(callAt(first.url), "Before the crash");
    await first.close();
    // What a kill -9 in the middle of a save leaves: a torn temporary file, never renamed.
    writeFileSync(
      join(dir, "state.bin.tmp-4242"),
      Buffer.from("confluence-emulator-state v1\ngarb"),
    );
    const second = await startTestEmulator({ dataDir: dir });
    try {
      expect((await callAt(second.url)(`/wiki/api/v2/pages/${page.id}`)).status).toBe(200);
      expect(readdirSync(dir).sort()).toEqual(["journal-1.log", "state.bin"]);
    } finally {
      await second.close();
    }
  });

  it("a truncated or altered state file is refused with an error naming it, never half loaded", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    await first.close();
    const path = join(dir, "state.bin");
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 10));
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(
      `${path} is damaged (checksum mismatch: truncated or altered)`,
    );
    writeFileSync(path, "not a state file");
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(
      `${path} is not an emulator state file`,
    );
  });
});

// The journal between snapshots (src/emulator/persistence/journal.ts): a write appends its
// changed records only, a torn tail is cut off, compaction and a crash in the middle of it keep
// the state.
import {
  copyFileSync,
  existsSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../../src/emulator/index.js";
import { startTestEmulator } from "../../support/emulator.js";
import { AUTH, type Call } from "../client.js";
import { callAt, createPage, dataDirs } from "./support.js";

const dataDir = dataDirs();

const size = (dir: string, name: string) => statSync(join(dir, name)).size;

async function titleOf(call: Call, id: string): Promise<string | number> {
  const reply = await call(`/wiki/api/v2/pages/${id}`);
  return reply.status === 200 ? (reply.body.title as string) : reply.status;
}

async function retitle(call: Call, id: string, title: string, version: number): Promise<void> {
  const reply = await call(`/wiki/api/v2/pages/${id}/title`, {
    method: "PUT",
    body: { status: "current", title },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body.version.number).toBe(version);
}

/** Bytes the journal grows by per createPage, over a few writes. */
async function journalBytesPerWrite(generate: GenerateOptions): Promise<{
  perWrite: number;
  snapshot: number;
}> {
  const dir = dataDir();
  const emulator = await startTestEmulator({ dataDir: dir, generate });
  try {
    const call = callAt(emulator.url);
    await createPage(call, "warm-up 000");
    const before = size(dir, "journal-1.log");
    for (let i = 0; i < 4; i++) await createPage(call, `measured ${100 + i}`);
    return {
      perWrite: (size(dir, "journal-1.log") - before) / 4,
      snapshot: size(dir, "state.bin"),
    };
  } finally {
    await emulator.close();
  }
}

describe("journal", () => {
  it("a write appends its changed records only: the bytes do not grow with the site", async () => {
    const small = await journalBytesPerWrite({ pages: 10 });
    const big = await journalBytesPerWrite({ pages: 5_000 });
    // The big site's snapshot is far bigger; what one write appends is not.
    expect(big.snapshot).toBeGreaterThan(small.snapshot * 10);
    expect(big.perWrite).toBeGreaterThan(0);
    expect(big.perWrite).toBeLessThanOrEqual(small.perWrite * 1.1);
    expect(big.perWrite).toBeLessThan(4096);
  }, 120_000);

  it("records that reads fetched are not journaled by the next write", async () => {
    const dir = dataDir();
    const emulator = await startTestEmulator({ dataDir: dir });
    try {
      const call = callAt(emulator.url);
      const page = await createPage(call, "Holder");
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(200_000).fill(7)]), "big.bin");
      const upload = await fetch(
        `${emulator.url}/wiki/rest/api/content/${page.id}/child/attachment`,
        {
          method: "POST",
          headers: { authorization: AUTH, "x-atlassian-token": "no-check" },
          body: form,
        },
      );
      expect(upload.status).toBe(200);
      const attachmentId = ((await upload.json()) as { results: { id: string }[] }).results[0]!.id;
      expect(size(dir, "journal-1.log")).toBeGreaterThan(200_000);
      expect((await call(`/wiki/api/v2/attachments/${attachmentId}`)).status).toBe(200);
      expect((await call(`/wiki/api/v2/pages/${page.id}`)).status).toBe(200);
      const before = size(dir, "journal-1.log");
      await createPage(call, "Next write");
      expect(size(dir, "journal-1.log") - before).toBeLessThan(4096);
    } finally {
      await emulator.close();
    }
  });

  it("a torn last record is cut off at start: earlier writes survive and later ones append after them", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const call = callAt(first.url);
    const kept = await createPage(call, "Kept before the tear");
    const sizeBeforeTorn = size(dir, "journal-1.log");
    const torn = await createPage(call, "Torn away");
    await first.close();
    // What a kill -9 in the middle of an append leaves: the last record cut short.
    truncateSync(join(dir, "journal-1.log"), size(dir, "journal-1.log") - 7);

    const second = await startTestEmulator({ dataDir: dir });
    const again = callAt(second.url);
    expect(await titleOf(again, kept.id)).toBe("Kept before the tear");
    expect(await titleOf(again, torn.id)).toBe(404);
    expect(size(dir, "journal-1.log")).toBe(sizeBeforeTorn);
    const after = await createPage(again, "After the tear");
    await second.close();

    const third = await startTestEmulator({ dataDir: dir });
    try {
      expect(await titleOf(callAt(third.url), after.id)).toBe("After the tear");
      expect(await titleOf(callAt(third.url), kept.id)).toBe("Kept before the tear");
    } finally {
      await third.close();
    }
  }, 60_000);

  it("a damaged record (bit flip) ends the replay there, like a torn one", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const call = callAt(first.url);
    const kept = await createPage(call, "Before the flip");
    const flippedAt = size(dir, "journal-1.log") + 20;
    const flipped = await createPage(call, "Flipped");
    await first.close();
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(join(dir, "journal-1.log"));
    bytes[flippedAt] = (bytes[flippedAt] ?? 0) ^ 0xff;
    writeFileSync(join(dir, "journal-1.log"), bytes);

    const second = await startTestEmulator({ dataDir: dir });
    try {
      expect(await titleOf(callAt(second.url), kept.id)).toBe("Before the flip");
      expect(await titleOf(callAt(second.url), flipped.id)).toBe(404);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe("older data directories", () => {
  it("a state.bin from before journals (an export's bytes) loads as epoch 0 and gets its journal", async () => {
    const source = await startTestEmulator();
    const page = await createPage(callAt(source.url), "From an export");
    const bytes = Buffer.from(await (await fetch(`${source.url}/__emulator/export`)).arrayBuffer());
    await source.close();
    const dir = dataDir();
    writeFileSync(join(dir, "state.bin"), bytes);

    const first = await startTestEmulator({ dataDir: dir });
    expect(readdirSync(dir).sort()).toEqual(["journal-0.log", "state.bin"]);
    const next = await createPage(callAt(first.url), "Journaled after it");
    await first.close();
    const second = await startTestEmulator({ dataDir: dir });
    try {
      expect(await titleOf(callAt(second.url), page.id)).toBe("From an export");
      expect(await titleOf(callAt(second.url), next.id)).toBe("Journaled after it");
    } finally {
      await second.close();
    }
  });
});

describe("compaction", () => {
  /** About 1.9 MB of body per page: three of them take the journal past its 4 MiB threshold. */
  const bigBody = (n: number) => `<p>${String(n).repeat(1_900_000)}</p>`;

  async function compactOnce(call: Call, dir: string): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 1; readdirSync(dir).includes("journal-1.log"); n++) {
      expect(n).toBeLessThan(6);
      const reply = await call("/wiki/api/v2/pages", {
        method: "POST",
        body: {
          spaceId: "65537",
          title: `Big ${n}`,
          body: { representation: "storage", value: bigBody(n) },
        },
      });
      expect(reply.status).toBe(200);
      ids.push(reply.body.id as string);
    }
    return ids;
  }

  it("writes a snapshot of the next epoch and an empty journal; the state is all there after a restart", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const call = callAt(first.url);
    const page = await createPage(call, "Before compaction");
    const big = await compactOnce(call, dir);
    expect(readdirSync(dir).sort()).toEqual(["journal-2.log", "state.bin"]);
    expect(size(dir, "journal-2.log")).toBeLessThan(100);
    await retitle(call, page.id, "After compaction", 2);
    await first.close();

    const second = await startTestEmulator({ dataDir: dir });
    try {
      const again = callAt(second.url);
      expect(await titleOf(again, page.id)).toBe("After compaction");
      for (const [index, id] of big.entries()) {
        const reply = await again(`/wiki/api/v2/pages/${id}?body-format=storage`);
        expect(reply.body.body.storage.value).toBe(bigBody(index + 1));
      }
    } finally {
      await second.close();
    }
  }, 120_000);

  it("a crash at any step of it recovers: temporary files, the old journal and an unborn journal are ignored", async () => {
    const dir = dataDir();
    const first = await startTestEmulator({ dataDir: dir });
    const call = callAt(first.url);
    const page = await createPage(call, "Old title");
    // The journal of epoch 1 as a crash right after the new snapshot's rename would leave it.
    copyFileSync(join(dir, "journal-1.log"), join(dir, "stale.log"));
    await compactOnce(call, dir);
    await retitle(call, page.id, "New title", 2);
    await first.close();

    copyFileSync(join(dir, "stale.log"), join(dir, "journal-1.log"));
    // Cut short before their rename: a snapshot and a journal being written.
    writeFileSync(join(dir, "state.bin.tmp-4242"), "confluence-emulator-state v1\ngarb");
    writeFileSync(join(dir, "journal-3.log.tmp-4242"), "confluence-emulator-jour");
    // Renamed, but the snapshot naming its epoch never was: it must not be replayed.
    copyFileSync(join(dir, "stale.log"), join(dir, "journal-3.log"));
    const second = await startTestEmulator({ dataDir: dir });
    try {
      expect(await titleOf(callAt(second.url), page.id)).toBe("New title");
      expect(readdirSync(dir).sort()).toEqual(["journal-2.log", "stale.log", "state.bin"]);
    } finally {
      await second.close();
    }
    expect(existsSync(join(dir, "journal-1.log"))).toBe(false);
  }, 120_000);
});

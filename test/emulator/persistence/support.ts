// Helpers for the persistence suites: a temporary data directory and a few writes through the
// emulator's HTTP API.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { DEMO_IDS } from "../../../src/emulator/index.js";
import { type Call, client } from "../client.js";

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "emulator-data-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Makes a fresh temporary data directory per call, removed after each test of the file. */
export function dataDirs(): () => string {
  const removals: (() => void)[] = [];
  afterEach(() => {
    for (const remove of removals.splice(0)) remove();
  });
  return () => {
    const temp = tempDataDir();
    removals.push(temp.remove);
    return temp.dir;
  };
}

export function callAt(url: string): Call {
  return client(url);
}

export async function createPage(call: Call, title: string): Promise<{ id: string }> {
  const reply = await call("/wiki/api/v2/pages", {
    method: "POST",
    body: {
      spaceId: DEMO_IDS.spaces.engineering.id,
      title,
      body: { representation: "storage", value: `<p>${title}</p>` },
    },
  });
  if (reply.status !== 200)
    throw new Error(`createPage ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string };
}

// Create Page's recovery after a lost answer judges "created by us" on the server's clock (its
// Date header, authorship.ts), not the client's: with the client's clock 5 minutes ahead or
// behind, a create that was applied but whose answer was lost is still found and returned, once.
// The emulator runs in its own process so that only this process's clock is moved.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { basicAuth, createConfluenceClient, createPageSafely } from "../../src/core/index.js";
import { DEFAULT_USER, DEMO_IDS } from "../../src/emulator/index.js";
import type { PageBulk } from "../../src/types/confluence.js";
import { type EmulatorProcess, startEmulatorProcess } from "../support/emulator-process.js";

let emulator: EmulatorProcess | undefined;
let url = "";

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  url = emulator.url;
}, 60_000);
afterAll(() => {
  vi.useRealTimers();
  emulator?.stop();
});

async function admin(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

it.each([
  ["ahead", 5],
  ["behind", -5],
])("recovers an applied create with the client's clock %s by 5 minutes", async (_, minutes) => {
  const title = `Clock ${minutes}`;
  const space = DEMO_IDS.spaces.engineering.id;
  // The create is applied, then its connection is reset: the answer is lost.
  await admin("POST", "/__emulator/faults", {
    rules: [{ method: "POST", path: "/wiki/api/v2/pages", resetAfter: { rate: 1 }, times: 1 }],
  });
  const client = createConfluenceClient({
    host: url,
    auth: basicAuth({ email: DEFAULT_USER.email, apiToken: DEFAULT_USER.apiToken }),
    allowLoopbackHttp: true,
  });
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + minutes * 60_000);
  try {
    const page = await createPageSafely(client, {
      body: {
        spaceId: space,
        status: "current",
        title,
        body: { representation: "storage", value: "<p>x</p>" },
      },
      settleMs: 0,
    });
    expect(page.data.title).toBe(title);
  } finally {
    vi.useRealTimers();
  }
  const found = await client.listPage<PageBulk>("/pages", {
    query: { "space-id": space, title, status: "current" },
  });
  expect(found.results.map((result) => result.title)).toEqual([title]);
  await client.close();
});

// A client clock off by ±5 minutes changes nothing: the triggers compare the server's own
// timestamps (its `Date` header and the content's dates), never the client's clock. The emulator
// runs in its own process so that only the test process's clock is moved (no conformance
// monitor sees these exchanges; the same requests are validated in triggers.test.ts).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { type EmulatorProcess, startEmulatorProcess } from "../support/emulator-process.js";
import { createPage, editPage, eventKey, pollingFlow } from "./trigger-support.js";

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

it.each([
  ["ahead", 5],
  ["behind", -5],
])("delivers every change once with the client's clock %s by 5 minutes", async (_, minutes) => {
  const flow = pollingFlow(url, "newAndUpdatedPages");
  const skew = (offset: number) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + offset);
  };
  skew(minutes * 60_000);
  try {
    await flow.poll();
    const delivered: string[] = [];
    const expected: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const created = await createPage(
        url,
        DEMO_IDS.spaces.engineering.id,
        `Skew ${minutes} ${round}`,
      );
      const edited = await editPage(url, DEMO_IDS.pages.runbooks);
      expected.push(`${created.id}@1`, `${edited.id}@${edited.version.number}`);
      delivered.push(...(await flow.poll()).events.map(eventKey));
    }
    expect(delivered.sort()).toEqual(expected.sort());
  } finally {
    vi.useRealTimers();
  }
});

// The whole state survives a restart that replays the journal: the demo scenario (every action
// once: pages, moves, versions, labels, properties, comments, attachments, blog posts, spaces
// created and deleted...) runs on an emulator with a data directory, then the state a restarted
// emulator exports must equal the one exported before the restart. A write whose changes the
// journal misses (a record changed without being reached through its collection) fails here.
import { testing } from "@prismatic-io/spectral";
import { afterEach, describe, expect, it } from "vitest";
import component from "../../../src/component/index.js";
import { runScenario } from "../../../src/demo/scenario.js";
import { decodeState } from "../../../src/emulator/persistence/snapshot-file.js";
import { INDEXES } from "../../../src/emulator/persistence/store-layout.js";
import { startTestEmulator } from "../../support/emulator.js";
import { tempDataDir } from "./support.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Captured {
  data: Record<string, unknown>;
  holders: Record<string, Captured>;
}

const isEmpty = (value: unknown) =>
  (value instanceof Map || value instanceof Set) && value.size === 0
    ? true
    : Array.isArray(value) && value.length === 0;

/**
 * The exported state, with the entries an index keeps after its last member went (an empty
 * list of children...) dropped: a rebuilt index never has them, and they hold nothing.
 */
async function exported(url: string): Promise<unknown> {
  const response = await fetch(`${url}/__emulator/export`);
  const state = decodeState(Buffer.from(await response.arrayBuffer()), "export") as {
    parts: Record<string, Captured>;
  };
  for (const site of [state.parts.site!, state.parts.secondSite!]) {
    for (const path of INDEXES) {
      const [holder, name] = path.startsWith("content.")
        ? [site.holders.content!.data, path.slice("content.".length)]
        : [site.data, path];
      const index = holder[name];
      if (!(index instanceof Map)) continue;
      for (const [key, value] of index) if (isEmpty(value)) index.delete(key);
    }
  }
  return state;
}

describe("restart after the demo scenario", () => {
  it("exports the same state before and after the journal is replayed", async () => {
    const temp = tempDataDir();
    cleanups.push(temp.remove);
    const first = await startTestEmulator({ dataDir: temp.dir });
    const harness = testing.createHarness(component);
    const connection = {
      key: "basic",
      configVarKey: "",
      fields: { ...first.credentials, host: first.url },
    };
    const quiet = { info() {}, warn() {}, error() {}, debug() {} };
    const failed: string[] = [];
    await runScenario(
      async (key, params) =>
        (
          (await harness.action(key, { connection, ...params }, { logger: quiet } as never)) as {
            data: unknown;
          }
        ).data,
      (outcome) => {
        if (!outcome.ok) failed.push(`${outcome.step.key}: ${String(outcome.error)}`);
      },
    );
    expect(failed).toEqual([]);
    const before = await exported(first.url);
    await first.close();

    const second = await startTestEmulator({ dataDir: temp.dir });
    try {
      expect(await exported(second.url)).toEqual(before);
    } finally {
      await second.close();
    }
    // About 80 actions and two start-ups on a loaded 2-core machine.
  }, 180_000);
});

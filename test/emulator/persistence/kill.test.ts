// A real `kill -9` of `confluence emulator --data DIR` in the middle of a stream of writes: on
// restart every acknowledged write is there and at most the in-flight ones are missing.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../../src/emulator/index.js";
import { startTestEmulator } from "../../support/emulator.js";
import { callAt, createPage, tempDataDir } from "./support.js";

const WRITERS = 3;
const ACKED_BEFORE_KILL = 40;

let child: ChildProcess | undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Starts the CLI in a child process and resolves with the URL from its banner. */
async function startChild(dir: string): Promise<{ process: ChildProcess; url: string }> {
  const started = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      'import("./src/cli/index.ts").then((cli) => cli.main(["node", "confluence", ...process.argv.slice(1)]))',
      "--",
      "emulator",
      "--port",
      "0",
      "--data",
      dir,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child = started;
  let output = "";
  started.stdout?.setEncoding("utf8");
  // Keeps reading to the end: a closed pipe would make the child's next banner line fail.
  const url = await new Promise<string>((resolve, reject) => {
    started.stdout?.on("data", (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    started.on("exit", () => reject(new Error(`the emulator did not start: ${output}`)));
  });
  return { process: started, url };
}

describe("kill -9 during a stream of writes", () => {
  it("keeps every acknowledged write and loses at most the in-flight ones", async () => {
    const temp = tempDataDir();
    cleanups.push(temp.remove);
    const { process: emulator, url } = await startChild(temp.dir);
    const call = callAt(url);
    const acked: string[] = [];
    let inFlight = 0;
    let killedWithInFlight = -1;
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        inFlight++;
        try {
          const page = await createPage(call, `stream ${w}-${i}`);
          acked.push(page.id);
        } catch {
          return; // the emulator is gone
        } finally {
          inFlight--;
        }
        if (acked.length >= ACKED_BEFORE_KILL && killedWithInFlight < 0) {
          killedWithInFlight = inFlight;
          emulator.kill("SIGKILL");
          stop = true;
        }
      }
    };
    const exited = once(emulator, "exit");
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await exited;
    expect(killedWithInFlight).toBeGreaterThanOrEqual(0);

    const restarted = await startTestEmulator({ dataDir: temp.dir });
    try {
      const again = callAt(restarted.url);
      const listed = await again(
        `/wiki/api/v2/spaces/${DEMO_IDS.spaces.engineering.id}/pages?limit=250`,
      );
      const kept = (listed.body.results as { id: string; title: string }[])
        .filter((page) => page.title.startsWith("stream "))
        .map((page) => page.id);
      for (const id of acked) expect(kept).toContain(id);
      expect(kept.length).toBeLessThanOrEqual(acked.length + killedWithInFlight);
      // The store is usable: writes go on with fresh ids.
      const after = await createPage(again, "after the crash");
      expect(kept).not.toContain(after.id);
    } finally {
      await restarted.close();
    }
  }, 180_000);
});

// The emulator for `npm run bench`, in its own process (pinned to its own core by run.ts when
// `taskset` exists) so that its CPU time never competes with the contenders'. Two sites: one
// with a 10,000-page space for the throughput and listing workloads, one with a 100,000-page
// space for the streaming-memory workload. The parent talks to it over IPC.
import { startEmulator } from "../src/emulator/index.js";
import type { EmulatorReady, EmulatorRequest } from "./protocol.js";

const tenK = Number(process.env.BENCH_PAGES ?? 10_000);
const hundredK = Number(process.env.BENCH_BIG_PAGES ?? 100_000);

const main = await startEmulator({ generate: { pages: tenK, spaceKey: "BENCH" } });
const big = await startEmulator({ seed: "empty", generate: { pages: hundredK, spaceKey: "BIG" } });

const send = (message: EmulatorReady | { type: "cpu"; userMicros: number; systemMicros: number }) =>
  process.send?.(message);

process.on("message", async (message: EmulatorRequest) => {
  if (message.type === "cpu") {
    const usage = process.cpuUsage();
    send({ type: "cpu", userMicros: usage.user, systemMicros: usage.system });
  } else if (message.type === "stop") {
    await Promise.all([main.close(), big.close()]);
    process.disconnect?.();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));

send({
  type: "ready",
  url: main.url,
  bigUrl: big.url,
  credentials: main.credentials,
  pid: process.pid,
});

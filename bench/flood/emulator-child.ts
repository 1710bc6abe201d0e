// The emulator under `npm run flood`, in its own process with its default options, so that its
// memory is measured alone. Answers `{ type: "usage" }` with its RSS and peak RSS over IPC.
import { resourceUsage } from "node:process";
import { startEmulator } from "../../src/emulator/index.js";

export interface ChildUsage {
  type: "usage";
  rssBytes: number;
  /** Peak resident set size since start (getrusage ru_maxrss). */
  maxRssBytes: number;
}

const emulator = await startEmulator({ port: 0 });
process.on("message", async (message: { type: string }) => {
  if (message.type === "usage") {
    const usage: ChildUsage = {
      type: "usage",
      rssBytes: process.memoryUsage.rss(),
      maxRssBytes: resourceUsage().maxRSS * 1024,
    };
    process.send?.(usage);
  } else if (message.type === "stop") {
    await emulator.close();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
process.send?.({ type: "ready", url: emulator.url, pid: process.pid });

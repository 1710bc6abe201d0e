// The machine the figures come from: CPU count and model, Node version, load.
import { availableParallelism, cpus, loadavg, platform, release } from "node:os";

export function machineDescription(): { markdown: string; load: string } {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
  const markdown = [
    `- CPU: ${availableParallelism()} × ${model}`,
    `- Node ${process.version} on ${platform()} ${release()}`,
    `- Date: ${new Date().toISOString()}`,
    `- Load average (1/5/15 min) at start: ${load} — other processes on the machine add noise; the alternation spreads it evenly`,
  ].join("\n");
  return { markdown, load };
}

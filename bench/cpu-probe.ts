// A quick CPU-per-request probe for profiling the client (not part of `npm run bench`):
// `node --import tsx bench/cpu-probe.ts [ours|undici] [seq|conc|writes] [n]`. Starts the bench emulator
// in its own process and prints the client's CPU µs per GET.
import { createContender, IN_FLIGHT } from "./contenders.js";
import { planPinning, startEmulatorProcess } from "./processes.js";
import { concurrentGets, sequentialGets, writePairs } from "./workloads.js";

const [name = "ours", mode = "seq", count = "3000"] = process.argv.slice(2);
const n = Number(count);
const emulator = await startEmulatorProcess(planPinning(), { BENCH_BIG_PAGES: "10" });
const site = { url: emulator.url, credentials: emulator.credentials };
const contender = await createContender(name === "undici" ? "undici" : "ours", site);
const ids = ["1", "2", "3"];
const probe = (await fetch(`${site.url}/wiki/api/v2/pages?limit=50`, {
  headers: {
    authorization: `Basic ${Buffer.from(`${site.credentials.email}:${site.credentials.apiToken}`).toString("base64")}`,
  },
}).then((r) => r.json())) as { results: { id: string }[] };
ids.splice(0, ids.length, ...probe.results.map((p) => p.id));
const auth = `Basic ${Buffer.from(`${site.credentials.email}:${site.credentials.apiToken}`).toString("base64")}`;
const spaces = (await fetch(`${site.url}/wiki/api/v2/spaces?keys=BENCH`, {
  headers: { authorization: auth },
}).then((r) => r.json())) as { results: { id: string }[] };
const run = () => {
  if (mode === "writes") return writePairs(contender, spaces.results[0]!.id, n);
  if (mode === "seq") return sequentialGets(contender, ids, n);
  return concurrentGets(contender, ids, n, IN_FLIGHT);
};
await run(); // warm-up
for (let i = 0; i < 3; i++) {
  const cpu0 = process.cpuUsage();
  const rate = await run();
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    `${name} ${mode}: ${rate.toFixed(0)} req/s, ${((cpu.user + cpu.system) / n).toFixed(1)} µs CPU/req\n`,
  );
}
await contender.close();
await emulator.stop();

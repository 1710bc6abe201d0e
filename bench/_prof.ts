import { planPinning, startEmulatorProcess } from "./processes.js";
import { createContender } from "./contenders.js";
import { sequentialGets, concurrentGets } from "./workloads.js";
const pin = planPinning();
const emu = await startEmulatorProcess(pin, { BENCH_BIG_PAGES: "10" });
const site = { url: emu.url, credentials: emu.credentials };
const ids = ["1000010","1000011","1000012"];
for (const name of ["ours", "undici", "ours", "undici"] as const) {
const c = await createContender(name, site);
await sequentialGets(c, ids, 500);
const a = process.cpuUsage(); await sequentialGets(c, ids, 3000); const b = process.cpuUsage(a);
const d = process.cpuUsage(); await concurrentGets(c, ids, 3000, 16); const e = process.cpuUsage(d);
console.log(name, "seq µs/op", ((b.user+b.system)/3000).toFixed(0), "conc µs/op", ((e.user+e.system)/3000).toFixed(0));
await c.close();
}
await emu.stop();

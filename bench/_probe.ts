import { spawn } from "node:child_process";
import { createContender, CONTENDERS } from "./contenders.js";
import { sequentialGets, concurrentGets, writePairs } from "./workloads.js";
const child = spawn("taskset", ["-c","1",process.execPath,"--import","tsx","bench/emulator-process.ts"], { stdio: ["ignore","inherit","inherit","ipc"], env: {...process.env, BENCH_BIG_PAGES: "10"} });
const m: any = await new Promise((r) => child.once("message", r));
const auth = `Basic ${Buffer.from(`${m.credentials.email}:${m.credentials.apiToken}`).toString("base64")}`;
const sp = await (await fetch(`${m.url}/wiki/api/v2/spaces?keys=BENCH`, { headers: { authorization: auth } })).json() as any;
const spaceId = sp.results[0].id;
const list = await (await fetch(`${m.url}/wiki/api/v2/spaces/${spaceId}/pages?limit=100`, { headers: { authorization: auth } })).json() as any;
const ids = list.results.map((p: any) => p.id);
const cpu = () => new Promise<any>((r) => { child.once("message", r); child.send({ type: "cpu" }); });
for (const name of CONTENDERS) {
  const c = await createContender(name, m);
  await sequentialGets(c, ids, 300);
  for (let k = 0; k < 2; k++) {
    const c0 = await cpu(); const t0 = performance.now();
    const s = await sequentialGets(c, ids, 2000);
    const c1 = await cpu(); const t1 = performance.now();
    const cc = await concurrentGets(c, ids, 4000, 16);
    const c2 = await cpu(); const t2 = performance.now();
    const w = await writePairs(c, spaceId, 300);
    const l0 = performance.now(); const l = await c.listSpace(spaceId, true); const l1 = performance.now();
    const emu = (a: any, b: any, ms: number) => (((b.userMicros + b.systemMicros) - (a.userMicros + a.systemMicros)) / 1000 / ms * 100).toFixed(0);
    console.log(name, "seq", s.toFixed(0), "emu%", emu(c0, c1, t1 - t0), "conc", cc.toFixed(0), "emu%", emu(c1, c2, t2 - t1), "write", w.toFixed(0), "list", l.items, (l1 - l0).toFixed(0), "ms");
  }
  await c.close();
}
child.send({ type: "stop" });

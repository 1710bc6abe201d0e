// `npm run flood`: the emulator in its own process, flooded as in issue 12 (items 7 and 10), on
// loopback only, with bounded request counts and time. Reports its peak RSS, whether it kept
// answering, and the worst fault-rule match time. Not part of `npm test`.
//
//   FLOOD_BODIES=300       5 MB JSON POSTs: half unauthenticated to a missing route, half
//                          authenticated to POST /pages (parsed, refused, logged) (max 2000)
//   FLOOD_SLOW=1500        connections trickling a body, 1 byte every 5 s (max 5000)
//   FLOOD_SECONDS=90       time cap of each phase (max 600)
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Agent, request } from "undici";
import type { ChildUsage } from "./emulator-child.js";
import { startProbe } from "./probe.js";
import { openSlowConnections } from "./slow.js";
import { worstMatchTimes } from "./worst-match.js";

const bounded = (name: string, fallback: number, max: number) =>
  Math.min(max, Math.max(1, Number(process.env[name] ?? fallback) || fallback));
const BODIES = bounded("FLOOD_BODIES", 300, 2000);
const SLOW = bounded("FLOOD_SLOW", 1500, 5000);
const PHASE_MS = bounded("FLOOD_SECONDS", 90, 600) * 1000;
const MB = 1024 * 1024;
const AUTH = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;

interface Emulator {
  url: string;
  child: ChildProcess;
  usage(): Promise<ChildUsage>;
}

async function startChild(): Promise<Emulator> {
  const script = fileURLToPath(new URL("./emulator-child.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { url: string }));
    child.once("exit", (code) => reject(new Error(`the emulator process exited (${code})`)));
  });
  const host = new URL(ready.url).hostname;
  if (host !== "127.0.0.1" && host !== "[::1]") throw new Error(`not loopback: ${ready.url}`);
  let queue = Promise.resolve() as Promise<unknown>;
  const usage = () => {
    const next = queue.then(
      () =>
        new Promise<ChildUsage>((resolve) => {
          child.once("message", (message) => resolve(message as ChildUsage));
          child.send({ type: "usage" });
        }),
    );
    queue = next;
    return next;
  };
  return { url: ready.url, child, usage };
}

/** Samples the child's RSS every 200 ms until stopped; returns the peak seen. */
function sampleRss(emulator: Emulator) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, (await emulator.usage()).rssBytes);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

/** A JSON array of small numbers just under the 5 MiB body limit (the costliest shape parsed). */
function bigBody(): Buffer {
  const count = Math.floor((5 * MB - 1024) / 2);
  return Buffer.from(`[${"1,".repeat(count - 1)}1]`);
}

async function bodyFlood(url: string) {
  const body = bigBody();
  const agent = new Agent({ connections: 4 });
  const deadline = Date.now() + PHASE_MS;
  let sent = 0;
  const statuses = new Map<number, number>();
  const worker = async () => {
    while (sent < BODIES && Date.now() < deadline) {
      sent++;
      try {
        // Half as in the issue (a missing route, no credentials), half parsed and logged (a
        // real route, authenticated, refused as not an object).
        const parsed = sent % 2 === 0;
        const response = await request(`${url}${parsed ? "/wiki/api/v2/pages" : "/nonexistent"}`, {
          dispatcher: agent,
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(parsed ? { authorization: AUTH } : {}),
          },
          body,
        });
        await response.body.dump();
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      } catch {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
      }
    }
  };
  const started = Date.now();
  await Promise.all([worker(), worker(), worker(), worker()]);
  await agent.close();
  const log = await request(`${url}/__emulator/requests`);
  const logText = await log.body.text();
  return {
    sent,
    seconds: (Date.now() - started) / 1000,
    statuses: Object.fromEntries(statuses),
    logStatus: log.statusCode,
    logBytes: Buffer.byteLength(logText),
  };
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

async function main() {
  console.log("Fault-rule path match, worst case (ms):");
  for (const { name, worstMs } of worstMatchTimes()) {
    console.log(`  ${name.padEnd(34)} ${worstMs.toFixed(2)}`);
  }

  const emulator = await startChild();
  try {
    const idle = await emulator.usage();
    console.log(`\nEmulator ${emulator.url}, RSS at start ${mb(idle.rssBytes)}`);

    console.log(
      `\nPhase 1: ${BODIES} ~5 MB JSON POSTs, 4 at a time: half unauthenticated to /nonexistent, half authenticated to /wiki/api/v2/pages`,
    );
    let stopRss = sampleRss(emulator);
    let probe = await startProbe(emulator.url);
    const flood = await bodyFlood(emulator.url);
    let probes = await probe.stop();
    let peak = await stopRss();
    console.log(
      `  sent ${flood.sent} in ${flood.seconds.toFixed(1)} s, statuses ${JSON.stringify(flood.statuses)}`,
    );
    console.log(`  GET /__emulator/requests: ${flood.logStatus}, ${mb(flood.logBytes)}`);
    console.log(
      `  peak RSS sampled ${mb(peak)}; ru_maxrss ${mb((await emulator.usage()).maxRssBytes)}`,
    );
    console.log(
      `  probes answered: kept-alive ${probes.keptAlive.answered}/${probes.keptAlive.sent} (worst ${probes.keptAlive.worstMs.toFixed(0)} ms), fresh ${probes.fresh.answered}/${probes.fresh.sent} (worst ${probes.fresh.worstMs.toFixed(0)} ms)`,
    );

    console.log(`\nPhase 2: ${SLOW} connections trickling a body (1 byte / 5 s)`);
    stopRss = sampleRss(emulator);
    probe = await startProbe(emulator.url);
    const slow = await openSlowConnections(emulator.url, SLOW, PHASE_MS);
    probes = await probe.stop();
    peak = await stopRss();
    console.log(
      `  connected ${slow.connected}; answered 408 ${slow.timedOut}; dropped at the connection cap ${slow.droppedAtCap}; other closes ${slow.otherCloses}; still open at the end ${slow.stillOpen}`,
    );
    console.log(
      `  all closed by the server after ${slow.allClosedAfterSeconds?.toFixed(1) ?? "(not within the phase)"} s`,
    );
    console.log(`  peak RSS sampled ${mb(peak)}`);
    console.log(
      `  probes answered: kept-alive ${probes.keptAlive.answered}/${probes.keptAlive.sent} (worst ${probes.keptAlive.worstMs.toFixed(0)} ms), fresh ${probes.fresh.answered}/${probes.fresh.sent} (worst ${probes.fresh.worstMs.toFixed(0)} ms)`,
    );

    const after = await request(`${emulator.url}/__emulator/requests?since=999999999`);
    await after.body.dump();
    console.log(
      `\nAfter the floods: admin answers ${after.statusCode}; ru_maxrss ${mb((await emulator.usage()).maxRssBytes)}`,
    );
  } finally {
    emulator.child.send({ type: "stop" });
  }
}

await main();

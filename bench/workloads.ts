// The timed in-process workloads. Each returns operations per second for one sample; the
// runner alternates contenders between samples.
import type { Contender } from "./contenders.js";

export async function sequentialGets(c: Contender, ids: readonly string[], n: number) {
  const started = performance.now();
  for (let i = 0; i < n; i++) await c.getPage(ids[i % ids.length]!);
  return n / ((performance.now() - started) / 1000);
}

/** `inFlight` workers share one counter, so exactly `n` requests are sent. */
export async function concurrentGets(
  c: Contender,
  ids: readonly string[],
  n: number,
  inFlight: number,
) {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      await c.getPage(ids[i % ids.length]!);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return n / ((performance.now() - started) / 1000);
}

let serial = 0;

/** Pairs per second of POST /pages + DELETE /pages/{id}. */
export async function writePairs(c: Contender, spaceId: string, n: number) {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    serial++;
    await c.createAndDelete(spaceId, `Bench ${c.name} ${process.pid} ${serial}`);
  }
  return n / ((performance.now() - started) / 1000);
}

// Shared single-flight work (endpoint resolution, a site lookup, a token refresh) runs under no
// caller's signal: if it were linked to the first caller's, that caller giving up would fail
// everybody waiting on the same promise. Each waiter instead races its own signal against the
// shared promise (through onAbort: no listener on the never-aborting stand-in, so many waiters
// cannot pile listeners onto one signal).
import { onAbort } from "./signals.js";

/** `work`'s outcome, or `aborted()` as soon as `signal` aborts (the work goes on). */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  aborted: () => Error,
): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) {
    // Another waiter (or nobody) takes the result; keep a late rejection from going unhandled.
    work.catch(() => {});
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    const detach = onAbort(signal, () => reject(aborted()));
    work.then(resolve, reject).finally(detach);
  });
}

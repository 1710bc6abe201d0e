// Shared single-flight work (a site lookup, a token refresh) runs under no caller's signal: if
// it were linked to the first caller's, that caller giving up would fail everybody waiting on
// the same promise. Each waiter instead races its own signal against the shared promise.
import { ConfluenceAbortError } from "../errors.js";

/** `work`'s outcome, or a ConfluenceAbortError as soon as `signal` aborts (work goes on). */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  what: string,
): Promise<T> {
  if (signal === undefined) return work;
  const aborted = () => new ConfluenceAbortError(`${what} was aborted`, { cause: signal.reason });
  if (signal.aborted) {
    // Another waiter (or nobody) takes the result; keep a late rejection from going unhandled.
    work.catch(() => {});
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

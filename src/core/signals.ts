// Every generic signal helper of the core: linking, combining, racing work against a signal,
// sleeping under one, and the error an aborted request ends with.
//
// Signal plumbing without AbortSignal.any: its listeners on long-lived signals (the client's)
// are only released by GC on some Node 20 releases, so we link and unlink explicitly.
//
// Node warns (MaxListenersExceededWarning) once a signal has more than 10 abort listeners,
// which users read as a leak. Every waiting request legitimately holds one listener on the
// signal it runs under, so: the never-aborting stand-in gets none at all, and the client's own
// signal is a private copy of the caller's with the limit lifted (its listeners are removed as
// each request ends; the caller's signal carries one listener per client).
import { setMaxListeners } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { ConfluenceAbortError } from "./errors.js";

const NOTHING_TO_DISPOSE = () => {};

export interface LinkedSignal {
  signal: AbortSignal;
  /** Detach from the parents; call when the operation is over. */
  dispose(): void;
}

export function linkSignals(parents: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const attached: { parent: AbortSignal; listener: () => void }[] = [];
  for (const parent of parents) {
    if (parent === undefined || parent === NEVER_ABORTED) continue;
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    const listener = () => controller.abort(parent.reason);
    parent.addEventListener("abort", listener, { once: true });
    attached.push({ parent, listener });
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const { parent, listener } of attached) parent.removeEventListener("abort", listener);
      attached.length = 0;
    },
  };
}

/** Stands in where an API needs a signal but the caller gave none; it never aborts. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * Calls `listener` once when `signal` aborts; returns the function that detaches it. A signal
 * that can never abort gets no listener.
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal === NEVER_ABORTED) return NOTHING_TO_DISPOSE;
  signal.addEventListener("abort", listener, { once: true });
  return () => signal.removeEventListener("abort", listener);
}

/**
 * A signal that follows `parent` and may carry one listener per request in flight without a
 * warning: the client runs every request under it. `dispose` detaches it from `parent`.
 */
export function shareableSignal(parent: AbortSignal): LinkedSignal {
  const linked = linkSignals([parent]);
  setMaxListeners(0, linked.signal);
  return linked;
}

/**
 * The client's and the request's signals as one. With at most one of them (the usual case) it
 * is returned as is: an AbortController costs microseconds, so one is only made for two.
 */
export function combineSignals(
  first: AbortSignal | undefined,
  second: AbortSignal | undefined,
): { signal: AbortSignal | undefined; dispose(): void } {
  if (first === undefined || second === undefined) {
    return { signal: first ?? second, dispose: NOTHING_TO_DISPOSE };
  }
  return linkSignals([first, second]);
}

/** Default sleep: resolves after `ms`, rejects with the signal's reason when aborted. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw signal.reason;
  if (ms <= 0) return;
  try {
    // No listener on the never-aborting stand-in (see the top of this file).
    await delay(ms, undefined, signal === NEVER_ABORTED ? undefined : { signal });
  } catch (error) {
    // node:timers/promises rejects with its own AbortError; callers expect the reason.
    throw signal.aborted ? signal.reason : error;
  }
}

/** The error a request cancelled by its (or the client's) signal ends with. */
export function abortError(signal: AbortSignal): ConfluenceAbortError {
  return new ConfluenceAbortError("The Confluence request was aborted", { cause: signal.reason });
}

// Shared single-flight work (endpoint resolution, a site lookup, a token refresh) runs under no
// caller's signal: if it were linked to the first caller's, that caller giving up would fail
// everybody waiting on the same promise. Each waiter instead races its own signal against the
// shared promise (through onAbort: no listener on the never-aborting stand-in, so many waiters
// cannot pile listeners onto one signal).

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

// Signal plumbing without AbortSignal.any: its listeners on long-lived signals (the client's)
// are only released by GC on some Node 20 releases, so we link and unlink explicitly.

export interface LinkedSignal {
  signal: AbortSignal;
  /** Detach from the parents; call when the operation is over. */
  dispose(): void;
}

export function linkSignals(parents: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const attached: { parent: AbortSignal; listener: () => void }[] = [];
  for (const parent of parents) {
    if (parent === undefined) continue;
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

const NOTHING_TO_DISPOSE = () => {};

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
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

// Per-client backpressure: at most `max` requests in flight. When Atlassian signals that the
// caller is close to its rate limit (X-RateLimit-NearLimit / X-Beta-RateLimit-NearLimit, see
// https://developer.atlassian.com/cloud/confluence/rate-limiting/) or answers 429, the allowed
// concurrency is halved; every calm response gives one slot back (AIMD, as TCP does), so the
// client slows down before it gets rejected and recovers once the pressure is gone. Like TCP's
// one decrease per window, the limit halves at most once per "epoch": answers to requests sent
// before the last decrease describe the load that decrease already reacted to, so a burst of
// near-limit answers to one round of requests halves the limit once, not once per answer.
import { abortError, onAbort } from "./signals.js";

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (error: unknown) => void;
  /** Detaches the waiter's abort listener. */
  detach: () => void;
}

export class ConcurrencyLimiter {
  private inFlight = 0;
  private allowed: number;
  private decreases = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    readonly max: number,
    private readonly onLimitChange: (limit: number) => void = () => {},
  ) {
    this.allowed = max;
  }

  get limit(): number {
    return this.allowed;
  }

  get active(): number {
    return this.inFlight;
  }

  /** Read when a request is sent; pass it back to `slowDown` with that request's answer. */
  get epoch(): number {
    return this.decreases;
  }

  /**
   * A release function when a slot is free right now, else undefined (then `acquire`). The hot
   * path of an unthrottled client takes a slot without allocating a promise.
   */
  tryAcquire(): (() => void) | undefined {
    if (this.inFlight < this.allowed && this.waiters.length === 0) {
      this.inFlight++;
      return this.releaser();
    }
    return undefined;
  }

  /** Resolves with a release function once a slot is free. */
  acquire(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(abortError(signal));
    const release = this.tryAcquire();
    if (release !== undefined) return Promise.resolve(release);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, detach: () => {} };
      waiter.detach = onAbort(signal, () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(abortError(signal));
      });
      this.waiters.push(waiter);
    });
  }

  /**
   * Multiplicative decrease: the server is near (or over) its limit. `sentInEpoch` is the epoch
   * in which the answered request was sent; an answer to a request older than the last decrease
   * is ignored.
   */
  slowDown(sentInEpoch: number): void {
    if (sentInEpoch < this.decreases) return;
    const next = Math.max(1, Math.floor(this.allowed / 2));
    this.decreases++;
    if (next !== this.allowed) {
      this.allowed = next;
      this.onLimitChange(next);
    }
  }

  /** Additive increase after a response without pressure signals. */
  recover(): void {
    if (this.allowed < this.max) {
      this.allowed++;
      this.onLimitChange(this.allowed);
      this.drain();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.drain();
    };
  }

  private drain(): void {
    while (this.inFlight < this.allowed && this.waiters.length > 0) {
      const waiter = this.waiters.shift() as Waiter;
      waiter.detach();
      this.inFlight++;
      waiter.resolve(this.releaser());
    }
  }
}

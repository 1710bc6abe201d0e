// Every timer a fault starts (latency, stalls, the pause before a truncating reset), so closing
// the emulator can cancel them: a request held by a 15 s latency fault used to keep the process
// alive 14.5 s after Ctrl-C printed "stopped" (issue 12, item 13).
export class FaultTimers {
  private readonly pending = new Set<NodeJS.Timeout>();

  /** Runs `fn` after `ms` unless cancelled first. */
  later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      fn();
    }, ms);
    this.pending.add(timer);
  }

  /** Resolves after `ms`; never resolves once cancelled (the connection is gone by then). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(resolve, ms));
  }

  cancelAll(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}

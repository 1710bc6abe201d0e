// Group commit for the state file: saves never overlap (each renames over the last), and a save
// asked for while one is running joins the next one, which captures the state when it starts,
// so it includes the asker's change. Concurrent writes then share one save instead of queueing
// one each.
export class Saver {
  private current: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  /** `save` captures the state synchronously, before its first await. */
  constructor(private readonly save: () => Promise<void>) {}

  /** Resolves once a save that captured the state after this call is on disk. */
  request(): Promise<void> {
    if (this.next !== undefined) return this.next;
    if (this.current === undefined) return this.start();
    const next = this.current
      .catch(() => {}) // that save's askers get its error; this one tries again
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    this.next = next;
    return next;
  }

  private start(): Promise<void> {
    const run = this.save().finally(() => {
      if (this.current === run) this.current = undefined;
    });
    this.current = run;
    return run;
  }
}

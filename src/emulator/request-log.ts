// Ring buffer of recent requests for GET /__emulator/requests. Entries hold redacted data only.
export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
  body: unknown;
  status: number;
}

export class RequestLog {
  private readonly entries: (LoggedRequest | undefined)[];
  private seq = 0;

  constructor(private readonly capacity = 1000) {
    this.entries = new Array(capacity);
  }

  add(entry: Omit<LoggedRequest, "seq">): void {
    this.seq += 1;
    this.entries[this.seq % this.capacity] = { seq: this.seq, ...entry };
  }

  /** Entries with a sequence number greater than `since`, oldest first. */
  since(since = 0): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    const first = Math.max(since + 1, this.seq - this.capacity + 1, 1);
    for (let s = first; s <= this.seq; s++) {
      const entry = this.entries[s % this.capacity];
      if (entry && entry.seq === s) out.push(entry);
    }
    return out;
  }

  get lastSeq(): number {
    return this.seq;
  }

  clear(): void {
    this.entries.fill(undefined);
  }
}

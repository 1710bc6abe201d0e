// Messages between the bench runner and its child processes (emulator and listing probes).

export interface EmulatorReady {
  type: "ready";
  /** Site with the 10,000-page space `BENCH` (plus the demo data). */
  url: string;
  /** Site with only the 100,000-page space `BIG`. */
  bigUrl: string;
  credentials: { email: string; apiToken: string };
  pid: number;
}

export interface CpuReport {
  type: "cpu";
  userMicros: number;
  systemMicros: number;
}

export type EmulatorRequest = { type: "cpu" } | { type: "stop" };

/** What a listing probe (listing-probe.ts) reports after one listing. */
export interface ListingReport {
  type: "listing";
  items: number;
  wallMs: number;
  /** Peak RSS during the listing minus RSS just before it, in bytes. */
  peakRssGrowth: number;
  requests: number;
}

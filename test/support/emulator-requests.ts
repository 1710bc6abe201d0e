// The emulator's request log (GET /__emulator/requests), for suites that check what was sent.
// Entries are the emulator's own redacted records (src/emulator/request-log.ts).
import type { LoggedRequest } from "../../src/emulator/request-log.js";

export type { LoggedRequest } from "../../src/emulator/request-log.js";

/** Sequence number of the last request the emulator logged (0 when none). */
export async function lastSeq(url: string): Promise<number> {
  const response = await fetch(`${url}/__emulator/requests`);
  return ((await response.json()) as { lastSeq: number }).lastSeq;
}

/** Requests the emulator logged after sequence number `since`. */
export async function requestsSince(url: string, since: number): Promise<LoggedRequest[]> {
  const response = await fetch(`${url}/__emulator/requests?since=${since}`);
  return ((await response.json()) as { requests: LoggedRequest[] }).requests;
}

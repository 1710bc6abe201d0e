// Recognising our own write when Confluence has no unique key to find it by (blog posts,
// comments, restored versions): after a lost answer, the object we are looking for was written
// by the connection's user, no earlier than our first send. Both facts come from Confluence:
// the user from v1 getCurrentUser, the time from the `Date` header of that same answer (the
// server's clock, RFC 9110 §6.6.1), minus the time elapsed on our side since the first send
// (a monotonic timer), so a client clock that is off changes nothing.
import type { CallOptions, ConfluenceClient } from "../types.js";

/**
 * Slack on the lower bound: `Date` has one-second resolution (it is truncated, so it only
 * moves the bound earlier), the probe's own trip, and timestamps taken on another node of the
 * site. Earlier is safe: the other checks (author, version 1, same content) still apply.
 */
export const AUTHORSHIP_SLACK_MS = 2_000;

/** Who wrote, and since when (server time, ms), for a write started at `startedAt`. */
export interface Authorship {
  accountId: string;
  /** Anything we created has a timestamp at or after this (server clock, ms). */
  since: number;
}

/** A monotonic start mark for `authorship` (performance.now(), never the wall clock). */
export function writeStarted(): number {
  return performance.now();
}

/** The connection's account id and the server-time lower bound of a write started at `startedAt`. */
export async function authorship(
  client: ConfluenceClient,
  call: CallOptions,
  startedAt: number,
): Promise<Authorship> {
  const elapsed = performance.now() - startedAt;
  const response = await client.request<{ accountId?: string }>({
    ...call,
    api: "v1",
    path: "/user/current",
  });
  const accountId = response.data.accountId;
  const serverNow = Date.parse(response.headers.date ?? "");
  if (typeof accountId !== "string" || accountId === "") {
    throw new Error("getCurrentUser answered without an accountId");
  }
  if (Number.isNaN(serverNow)) throw new Error("Confluence's answer had no usable Date header");
  return { accountId, since: serverNow - elapsed - AUTHORSHIP_SLACK_MS };
}

/** A version as v2 returns it on pages, blog posts and comments. */
export interface AuthoredVersion {
  number?: number;
  authorId?: string;
  createdAt?: string;
}

/** Whether `version` was saved by `who` no earlier than its write started. */
export function savedBy(version: AuthoredVersion | undefined, who: Authorship): boolean {
  const at = Date.parse(version?.createdAt ?? "");
  return version?.authorId === who.accountId && Number.isFinite(at) && at >= who.since;
}

/** Whether `version` was saved before the write started (so it cannot be the write's). */
export function savedBefore(version: AuthoredVersion | undefined, who: Authorship): boolean {
  const at = Date.parse(version?.createdAt ?? "");
  return Number.isFinite(at) && at < who.since;
}

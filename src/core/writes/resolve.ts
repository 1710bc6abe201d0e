// Resolving writes whose fate is unknown. When a create or update may or may not have reached
// Confluence (connection dropped after the request was sent, timeout, a 5xx from a proxy), we
// neither guess nor blindly repeat it: we ask Confluence (a "probe") whether the write took
// effect, relying on its own uniqueness rules (page titles within a space, property keys per
// owner, version numbers). Applied: return what was created. Absent: send it again (safe,
// because Confluence would reject a duplicate anyway). Anything else: ConfluenceOutcomeUnknownError
// naming what to check.
import {
  ConfluenceApiError,
  ConfluenceError,
  ConfluenceOutcomeUnknownError,
  ConfluenceTimeoutError,
} from "../errors.js";
import type { QueryParams } from "../query.js";
import { sleep } from "../signals.js";
import type { CallOptions, ConfluenceResponse } from "../types.js";

export type Verdict<T> =
  | { state: "applied"; response: ConfluenceResponse<T> }
  | { state: "absent" }
  | { state: "unknown"; reason: string };

/** How a write ended, for metrics and logs. */
export interface WriteResolution {
  /** e.g. "createPage". */
  operation: string;
  /** sent: first try answered; resent: a later try answered; found: a probe proved it applied. */
  outcome: "sent" | "resent" | "found";
  /** Requests of the write itself (excluding probes). */
  attempts: number;
  probes: number;
}

export interface SafeWriteOptions extends CallOptions {
  /** Sends of the write at most (default 3): a write that keeps failing ends as unknown. */
  maxAttempts?: number;
  onResolved?: (resolution: WriteResolution) => void;
  /**
   * After a timeout the request may still be running on Confluence's side; wait this long
   * (default 1000 ms) before checking, so that a slow write lands before the probe instead of
   * after a re-send (it could otherwise restore a page deleted since, or recreate a title).
   */
  settleMs?: number;
}

/** A create sent as a JSON body (and the operation's query): pages, blog posts, spaces. */
export interface SafeCreateRequest extends SafeWriteOptions {
  /** The operation's create request (PageCreateRequest, BlogPostCreateRequest, ...). */
  body: Record<string, unknown>;
  /** The operation's query (createPage: embedded, private, root-level; createBlogPost: private). */
  query?: QueryParams;
}

// Every CallOptions key: the Record type makes a key added to CallOptions a compile error
// here until it is listed, so a new per-call option cannot be silently dropped again.
const CALL_OPTION_KEYS: Record<keyof CallOptions, true> = {
  headers: true,
  timeoutMs: true,
  retry: true,
  signal: true,
  debug: true,
  logger: true,
  maxResponseBytes: true,
};

/**
 * The per-call options (headers, timeout, retry, signal, debug, logger, ...) of a safe write,
 * passed whole to the write and its probes. Picked by key, not by removing the resolver's own
 * options: the request objects also carry the write's body and path, which a probe must not send.
 */
export function callOptions(options: CallOptions): CallOptions {
  const call: Record<string, unknown> = {};
  for (const key of Object.keys(CALL_OPTION_KEYS) as (keyof CallOptions)[]) {
    if (options[key] !== undefined) call[key] = options[key];
  }
  return call as CallOptions;
}

/** A Confluence answer with one of these statuses. */
export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof ConfluenceApiError && statuses.includes(error.status);
}

export interface WritePlan<T> {
  operation: string;
  method: string;
  /** Path template for error messages (no values: they may be secrets in Raw Request). */
  path: string;
  /** What the caller should check, e.g. `whether space 123 has a page titled "X"`. */
  check: string;
  send(): Promise<ConfluenceResponse<T>>;
  probe(): Promise<Verdict<T>>;
  /**
   * A rejection that, after an earlier unknown attempt, may mean that attempt landed (a
   * duplicate title or key, a version conflict); on a first attempt it is the caller's error.
   */
  isCollision(error: unknown): boolean;
}

/**
 * Errors after which the write may or may not have been applied: a dropped connection after
 * sending, a timeout, a 2xx whose body was lost, a 5xx (a proxy may answer so after the site
 * processed the write; 503 with Retry-After was already retried by the client, so it ends here
 * only when the retry budget is spent, and a probe costs little). The client marks them all
 * with the one `outcomeUnknown` flag (errors.ts).
 */
export function fateUnknown(error: unknown): boolean {
  return error instanceof ConfluenceError && error.outcomeUnknown;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unknownOutcome<T>(plan: WritePlan<T>, reason: string, cause: unknown): ConfluenceError {
  return new ConfluenceOutcomeUnknownError(
    `${plan.operation}: the outcome of ${plan.method} ${plan.path} is unknown (${reason}). Check ${plan.check} before sending it again. Last error: ${describe(cause)}`,
    { method: plan.method, path: plan.path, code: "OUTCOME_UNRESOLVED", cause },
  );
}

export async function resolveWrite<T>(
  plan: WritePlan<T>,
  options: Pick<SafeWriteOptions, "maxAttempts" | "onResolved" | "settleMs" | "signal"> = {},
): Promise<ConfluenceResponse<T>> {
  const settleMs = Math.max(0, options.settleMs ?? 1000);
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
  let probes = 0;
  let uncertain = false;
  const report = (outcome: WriteResolution["outcome"], attempts: number) => {
    try {
      options.onResolved?.({ operation: plan.operation, outcome, attempts, probes });
    } catch {
      // Metrics must not change the outcome.
    }
  };

  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      const response = await plan.send();
      report(attempt === 1 ? "sent" : "resent", attempt);
      return response;
    } catch (error) {
      failure = error;
    }
    const collision = uncertain && plan.isCollision(failure);
    if (!fateUnknown(failure) && !collision) {
      // After an attempt of unknown fate, a clear rejection of the re-send says nothing about
      // that earlier attempt (a stalled request may still land): the outcome stays unknown.
      if (uncertain) throw unknownOutcome(plan, "a re-send was rejected", failure);
      throw failure;
    }
    uncertain = true;

    let verdict: Verdict<T>;
    try {
      if (failure instanceof ConfluenceTimeoutError && settleMs > 0) {
        await sleep(settleMs, options.signal ?? new AbortController().signal);
      }
      probes++;
      verdict = await plan.probe();
    } catch (probeError) {
      throw unknownOutcome(plan, `checking failed: ${describe(probeError)}`, failure);
    }
    if (verdict.state === "applied") {
      report("found", attempt);
      return verdict.response;
    }
    if (verdict.state === "unknown") throw unknownOutcome(plan, verdict.reason, failure);
    if (collision) {
      throw unknownOutcome(plan, "Confluence rejected a retry as a duplicate", failure);
    }
    if (attempt >= maxAttempts) {
      throw unknownOutcome(plan, `not applied yet after ${attempt} attempts`, failure);
    }
  }
}

// The attempt loop of one request: concurrency slot, auth header, send, then retry / refresh /
// throw according to the retry policy. Everything that leaves this function (errors, logs,
// events) has been redacted.
import type { Dispatcher } from "undici";
import { buildApiError } from "./api-error.js";
import { brokenBodyError, failureError, tooLargeError } from "./attempt-errors.js";
import type { AuthProvider } from "./auth.js";
import { type LoggedBody, logRequest, logResponse } from "./debug-log.js";
import { abortError, type ConcurrencyLimiter } from "./limiter.js";
import type { Redactor } from "./redact.js";
import { BROKEN_BODY, decodeBody } from "./response-body.js";
import {
  backoffDelayMs,
  networkErrorCode,
  type ResolvedRetry,
  type RetryReason,
  serverRetryDelayMs,
  statusRetryReason,
  surelyNotSent,
} from "./retry.js";
import { NEVER_ABORTED } from "./signals.js";
import { pathOf } from "./target.js";
import { type AttemptOutcome, sendAttempt } from "./transport.js";
import type { ClientEvent, Clock, Logger, ResponseType } from "./types.js";

export interface ExecutorContext {
  dispatcher: Dispatcher;
  auth: AuthProvider;
  limiter: ConcurrencyLimiter;
  redactor: Redactor;
  clock: Clock;
  random: () => number;
  /** Undefined without an `onEvent` hook: then no event object is even built. */
  emit: ((event: ClientEvent) => void) | undefined;
}

export interface Execution {
  method: string;
  url: string;
  /** Every header but Authorization, which is fetched per attempt (a token may be refreshed). */
  headers: Record<string, string>;
  payload: string | Uint8Array | undefined;
  logged: LoggedBody;
  idempotent: boolean;
  retry: ResolvedRetry;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Set only when this request is debug-logged. */
  logger: Logger | undefined;
  responseType: ResponseType;
  maxResponseBytes: number;
}

export interface ExecutionResult {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

const AUTH_FAILURE_STATUSES = new Set([401, 403, 404]);

function isNearLimit(headers: Readonly<Record<string, string>>): boolean {
  return (
    headers["x-ratelimit-nearlimit"]?.toLowerCase() === "true" ||
    headers["x-beta-ratelimit-nearlimit"]?.toLowerCase() === "true"
  );
}

export async function execute(ctx: ExecutorContext, run: Execution): Promise<ExecutionResult> {
  const { method, url, retry } = run;
  const signal = run.signal ?? NEVER_ABORTED;
  // Redacting the URL parses it and scans it once per secret: only events, logs and errors
  // need the redacted path, so a quiet successful request never computes it.
  let redactedPath: string | undefined;
  const path = () => {
    redactedPath ??= ctx.redactor.redactUrl(pathOf(url));
    return redactedPath;
  };
  const started = performance.now();
  let retries = 0;
  let totalDelay = 0;
  let authRefreshed = false;
  // Set once an attempt was cut off (timeout, dropped connection, garbled answer, gateway 5xx)
  // after it may have reached Confluence: a later 404/409 may be that attempt's doing.
  let uncertainAttempt = false;

  // Returns the delay to wait before retrying, or undefined when the budget is spent.
  const nextDelay = (serverDelay: number | undefined): number | undefined => {
    if (retries >= retry.maxRetries) return undefined;
    const delay = serverDelay ?? backoffDelayMs(retry, retries, ctx.random);
    if (delay > retry.maxDelayMs || totalDelay + delay > retry.maxTotalDelayMs) return undefined;
    return delay;
  };
  const wait = async (attempt: number, delay: number, reason: RetryReason, status?: number) => {
    ctx.emit?.({ type: "retry", method, path: path(), attempt, status, delayMs: delay, reason });
    retries++;
    totalDelay += delay;
    try {
      await ctx.clock.sleep(delay, signal);
    } catch {
      throw abortError(signal);
    }
  };
  const fail = (attempt: number, error: Error & { status?: number }): Error => {
    ctx.emit?.({
      type: "error",
      method,
      path: path(),
      attempt,
      status: error.status,
      errorName: error.name,
    });
    return error;
  };

  for (let attempt = 1; ; attempt++) {
    // A free slot is taken synchronously; only a throttled client waits on a promise.
    const release = ctx.limiter.tryAcquire() ?? (await ctx.limiter.acquire(signal));
    let outcome: AttemptOutcome;
    let authorization = "";
    const epoch = ctx.limiter.epoch;
    try {
      const pending = ctx.auth.authorization({ signal });
      authorization = typeof pending === "string" ? pending : await pending;
      const headers = { ...run.headers, authorization };
      if (run.logger !== undefined) {
        logRequest(run.logger, ctx.redactor, { method, url, headers, body: run.logged, attempt });
      }
      ctx.emit?.({ type: "request", method, path: path(), attempt });
      outcome = await sendAttempt({
        dispatcher: ctx.dispatcher,
        url,
        method,
        headers,
        body: run.payload,
        timeoutMs: run.timeoutMs,
        signal: run.signal,
        maxResponseBytes: run.maxResponseBytes,
      });
    } finally {
      release();
    }

    if (outcome.kind === "aborted") {
      throw fail(attempt, abortError(signal));
    }

    if (outcome.kind === "too-large") {
      // Not retried: the same oversized answer would come again.
      const { status, durationMs } = outcome;
      ctx.emit?.({ type: "response", method, path: path(), attempt, status, durationMs });
      throw fail(
        attempt,
        tooLargeError(status, method, path(), run.idempotent, run.maxResponseBytes, ctx.redactor),
      );
    }

    if (outcome.kind === "response") {
      const { status, headers, bytes, durationMs } = outcome;
      if (status === 429 || isNearLimit(headers)) ctx.limiter.slowDown(epoch);
      else ctx.limiter.recover();
      if (run.logger !== undefined) {
        logResponse(run.logger, ctx.redactor, { method, url, status, headers, bytes, durationMs });
      }
      ctx.emit?.({ type: "response", method, path: path(), attempt, status, durationMs });
      if (status >= 200 && status < 300) {
        const data = decodeBody(bytes, headers["content-type"], run.responseType);
        if (data !== BROKEN_BODY) return { status, headers, data };
        // The answer was lost on the way (cut short, garbled): like a dropped connection, a
        // repeatable request is sent again; a write may have happened and is not repeated.
        const delay = run.idempotent || retry.retryOnAllErrors ? nextDelay(undefined) : undefined;
        if (delay !== undefined) {
          uncertainAttempt = true;
          await wait(attempt, delay, "invalid-body", status);
          continue;
        }
        throw fail(attempt, brokenBodyError(status, method, path(), run.idempotent, ctx.redactor));
      }

      if (AUTH_FAILURE_STATUSES.has(status) && !authRefreshed && ctx.auth.onAuthFailure) {
        authRefreshed = true;
        const failure = { status, method, url, signal, headers, authorization };
        if (await ctx.auth.onAuthFailure(failure)) continue;
      }
      const serverDelay = serverRetryDelayMs(headers, ctx.clock.now());
      const reason = statusRetryReason(status, run.idempotent, serverDelay !== undefined, retry);
      const delay = reason === undefined ? undefined : nextDelay(serverDelay);
      if (reason !== undefined && delay !== undefined) {
        // 429 and 503 are load shedding (nothing applied); other 5xx may come from a gateway
        // after Confluence did the work.
        if (status >= 500 && status !== 503) uncertainAttempt = true;
        await wait(attempt, delay, reason, status);
        continue;
      }
      const error = buildApiError(
        {
          status,
          method,
          path: path(),
          headers,
          bytes,
          retryAfterMs: serverDelay,
          afterUncertainAttempt: uncertainAttempt,
        },
        ctx.redactor,
      );
      throw fail(attempt, error);
    }

    // Timeouts and network failures: the request may or may not have reached Confluence.
    const code = outcome.kind === "network" ? networkErrorCode(outcome.error) : undefined;
    const notSent = surelyNotSent(code);
    const repeatable = notSent || run.idempotent || retry.retryOnAllErrors;
    const delay = repeatable ? nextDelay(undefined) : undefined;
    if (delay !== undefined) {
      if (!notSent) uncertainAttempt = true;
      await wait(attempt, delay, outcome.kind === "timeout" ? "timeout" : "network");
      continue;
    }
    const error = failureError(
      outcome.kind,
      {
        method,
        path: path(),
        url,
        code,
        notSent,
        idempotent: run.idempotent,
        timeoutMs: run.timeoutMs,
        attempts: attempt,
        elapsedMs: performance.now() - started,
        cause: outcome.kind === "network" ? outcome.error : undefined,
      },
      ctx.redactor,
    );
    throw fail(attempt, error);
  }
}

// The attempt loop of one request: concurrency slot, auth header, send, then perform what
// decide() (decide.ts) says: return, retry after a delay, let the auth provider refresh, or
// throw. Everything that leaves this function (errors, logs,
// events) has been redacted.
import type { Dispatcher } from "undici";
import { buildApiError } from "./api-error.js";
import { brokenBodyError, failureError, tooLargeError } from "./attempt-errors.js";
import type { AuthProvider } from "./auth.js";
import { type LoggedBody, logRequest, logResponse } from "./debug-log.js";
import {
  afterRetry,
  type Decision,
  type DecisionPolicy,
  decide,
  type Failure,
  INITIAL_STATE,
  type Outcome,
} from "./decide.js";
import type { ConcurrencyLimiter } from "./limiter.js";
import type { Redactor } from "./redact.js";
import { BROKEN_BODY, decodeBody } from "./response-body.js";
import { networkErrorCode, type ResolvedRetry, serverRetryDelayMs } from "./retry.js";
import { abortError, NEVER_ABORTED } from "./signals.js";
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

function isNearLimit(headers: Readonly<Record<string, string>>): boolean {
  return (
    headers["x-ratelimit-nearlimit"]?.toLowerCase() === "true" ||
    headers["x-beta-ratelimit-nearlimit"]?.toLowerCase() === "true"
  );
}

/** What one attempt produced, beside the outcome decide() sees. */
interface Attempt {
  outcome: Outcome;
  /** Set for a 2xx whose body was decoded. */
  result?: ExecutionResult;
  status?: number;
  headers?: Record<string, string>;
  bytes?: Uint8Array;
  cause?: unknown;
  authorization: string;
}

export async function execute(ctx: ExecutorContext, run: Execution): Promise<ExecutionResult> {
  const { method, url } = run;
  const signal = run.signal ?? NEVER_ABORTED;
  // Redacting the URL parses it and scans it once per secret: only events, logs and errors
  // need the redacted path, so a quiet successful request never computes it.
  let redactedPath: string | undefined;
  const path = () => {
    redactedPath ??= ctx.redactor.redactUrl(pathOf(url));
    return redactedPath;
  };
  const started = performance.now();
  const policy: DecisionPolicy = {
    retry: run.retry,
    idempotent: run.idempotent,
    canRefreshAuth: ctx.auth.onAuthFailure !== undefined,
    random: ctx.random,
  };
  let state = INITIAL_STATE;

  for (let attempt = 1; ; attempt++) {
    const tried = await attemptOnce(ctx, run, attempt, signal, path);
    let decision: Decision = decide(tried.outcome, state, policy);
    if (decision.action === "refresh-auth") {
      state = { ...state, authRefreshed: true };
      const { status = 0, headers = {}, authorization } = tried;
      const failure = { status, method, url, signal, headers, authorization };
      if (await ctx.auth.onAuthFailure?.(failure)) continue;
      decision = decide(tried.outcome, state, policy);
    }
    switch (decision.action) {
      case "return":
        // attemptOnce sets `result` for every "ok" outcome.
        return tried.result!;
      case "retry":
        ctx.emit?.({
          type: "retry",
          method,
          path: path(),
          attempt,
          status: tried.status,
          delayMs: decision.delayMs,
          reason: decision.reason,
        });
        state = afterRetry(state, decision);
        try {
          await ctx.clock.sleep(decision.delayMs, signal);
        } catch {
          throw abortError(signal);
        }
        continue;
      case "refresh-auth":
        // decide() asks once; authRefreshed is set now.
        throw new Error("unreachable: auth refresh decided twice");
      case "fail": {
        const error = failureOf(ctx, run, decision, tried, { attempt, started, path: path() });
        ctx.emit?.({
          type: "error",
          method,
          path: path(),
          attempt,
          status: (error as { status?: number }).status,
          errorName: error.name,
        });
        throw error;
      }
    }
  }
}

/** One attempt: slot, auth header, send, log; the body of a 2xx is decoded here. */
async function attemptOnce(
  ctx: ExecutorContext,
  run: Execution,
  attempt: number,
  signal: AbortSignal,
  path: () => string,
): Promise<Attempt> {
  const { method, url } = run;
  // A free slot is taken synchronously; only a throttled client waits on a promise.
  const release = ctx.limiter.tryAcquire() ?? (await ctx.limiter.acquire(signal));
  let sent: AttemptOutcome;
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
    sent = await sendAttempt({
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

  switch (sent.kind) {
    case "aborted":
    case "timeout":
      return { outcome: { kind: sent.kind }, authorization };
    case "network":
      return {
        outcome: { kind: "network", code: networkErrorCode(sent.error) },
        cause: sent.error,
        authorization,
      };
    case "too-large": {
      const { status, durationMs } = sent;
      ctx.emit?.({ type: "response", method, path: path(), attempt, status, durationMs });
      return { outcome: { kind: "too-large" }, status, authorization };
    }
    case "response": {
      const { status, headers, bytes, durationMs } = sent;
      if (status === 429 || isNearLimit(headers)) ctx.limiter.slowDown(epoch);
      else ctx.limiter.recover();
      if (run.logger !== undefined) {
        logResponse(run.logger, ctx.redactor, { method, url, status, headers, bytes, durationMs });
      }
      ctx.emit?.({ type: "response", method, path: path(), attempt, status, durationMs });
      const seen = { status, headers, bytes, authorization };
      if (status >= 200 && status < 300) {
        const data = decodeBody(bytes, headers["content-type"], run.responseType);
        if (data === BROKEN_BODY) return { outcome: { kind: "broken-body" }, ...seen };
        return { outcome: { kind: "ok" }, result: { status, headers, data }, ...seen };
      }
      const serverDelayMs = serverRetryDelayMs(headers, ctx.clock.now());
      return { outcome: { kind: "status", status, serverDelayMs }, ...seen };
    }
  }
}

/** The redacted error for a decision to give up. */
function failureOf(
  ctx: ExecutorContext,
  run: Execution,
  failure: Failure,
  tried: Attempt,
  at: { attempt: number; started: number; path: string },
): Error {
  const { method, url, idempotent } = run;
  const { path } = at;
  const status = tried.status ?? 0;
  switch (failure.error) {
    case "aborted":
      return abortError(run.signal ?? NEVER_ABORTED);
    case "too-large":
      return tooLargeError(status, method, path, idempotent, run.maxResponseBytes, ctx.redactor);
    case "broken-body":
      return brokenBodyError(status, method, path, idempotent, ctx.redactor);
    case "api":
      return buildApiError(
        {
          status,
          method,
          path,
          headers: tried.headers ?? {},
          bytes: tried.bytes ?? new Uint8Array(),
          retryAfterMs: failure.retryAfterMs,
          afterUncertainAttempt: failure.afterUncertainAttempt,
        },
        ctx.redactor,
      );
    case "timeout":
    case "network":
      return failureError(
        failure.error,
        {
          method,
          path,
          url,
          code: failure.error === "network" ? failure.code : undefined,
          notSent: failure.error === "network" && failure.notSent,
          idempotent,
          timeoutMs: run.timeoutMs,
          attempts: at.attempt,
          elapsedMs: performance.now() - at.started,
          cause: tried.cause,
        },
        ctx.redactor,
      );
  }
}

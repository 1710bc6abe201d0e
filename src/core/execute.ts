// The attempt loop of one request: concurrency slot, auth header, send, then retry / refresh /
// throw according to the retry policy. Everything that leaves this function (errors, logs,
// events) has been redacted.
import type { Dispatcher } from "undici";
import { buildApiError } from "./api-error.js";
import type { AuthProvider } from "./auth.js";
import { type LoggedBody, logRequest, logResponse } from "./debug-log.js";
import {
  ConfluenceNetworkError,
  ConfluenceOutcomeUnknownError,
  ConfluenceTimeoutError,
} from "./errors.js";
import { abortError, type ConcurrencyLimiter } from "./limiter.js";
import type { Redactor } from "./redact.js";
import {
  backoffDelayMs,
  networkErrorCode,
  type ResolvedRetry,
  type RetryReason,
  serverRetryDelayMs,
  statusRetryReason,
  surelyNotSent,
} from "./retry.js";
import { pathOf } from "./target.js";
import { sendAttempt } from "./transport.js";
import type { ClientEvent, Clock, Logger } from "./types.js";
import { USER_AGENT } from "./version.js";

export interface ExecutorContext {
  dispatcher: Dispatcher;
  auth: AuthProvider;
  limiter: ConcurrencyLimiter;
  redactor: Redactor;
  clock: Clock;
  random: () => number;
  logger: Logger | undefined;
  emit: (event: ClientEvent) => void;
}

export interface Execution {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | Uint8Array | undefined;
  logged: LoggedBody;
  idempotent: boolean;
  retry: ResolvedRetry;
  timeoutMs: number;
  signal: AbortSignal;
  debug: boolean;
}

export interface RawResult {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

const AUTH_FAILURE_STATUSES = new Set([401, 403, 404]);

function isNearLimit(headers: Readonly<Record<string, string>>): boolean {
  return (
    headers["x-ratelimit-nearlimit"]?.toLowerCase() === "true" ||
    headers["x-beta-ratelimit-nearlimit"]?.toLowerCase() === "true"
  );
}

export async function execute(ctx: ExecutorContext, run: Execution): Promise<RawResult> {
  const { method, url, signal, retry } = run;
  const path = ctx.redactor.redactUrl(pathOf(url));
  let retries = 0;
  let totalDelay = 0;
  let authRefreshed = false;

  // Returns the delay to wait before retrying, or undefined when the budget is spent.
  const nextDelay = (serverDelay: number | undefined): number | undefined => {
    if (retries >= retry.maxRetries) return undefined;
    const delay = serverDelay ?? backoffDelayMs(retry, retries, ctx.random);
    if (delay > retry.maxDelayMs || totalDelay + delay > retry.maxTotalDelayMs) return undefined;
    return delay;
  };
  const wait = async (attempt: number, delay: number, reason: RetryReason, status?: number) => {
    ctx.emit({ type: "retry", method, path, attempt, status, delayMs: delay, reason });
    retries++;
    totalDelay += delay;
    try {
      await ctx.clock.sleep(delay, signal);
    } catch {
      throw abortError(signal);
    }
  };

  for (let attempt = 1; ; attempt++) {
    const release = await ctx.limiter.acquire(signal);
    let outcome: Awaited<ReturnType<typeof sendAttempt>>;
    let authorization = "";
    try {
      authorization = await ctx.auth.authorization({ signal });
      const headers = { "user-agent": USER_AGENT, ...run.headers, authorization };
      if (run.debug && ctx.logger !== undefined) {
        logRequest(ctx.logger, ctx.redactor, { method, url, headers, body: run.logged, attempt });
      }
      ctx.emit({ type: "request", method, path, attempt });
      outcome = await sendAttempt({
        dispatcher: ctx.dispatcher,
        url,
        method,
        headers,
        body: run.payload,
        timeoutMs: run.timeoutMs,
        signal,
      });
    } finally {
      release();
    }

    if (outcome.kind === "aborted") {
      ctx.emit({ type: "error", method, path, attempt, errorName: "ConfluenceAbortError" });
      throw abortError(signal);
    }

    if (outcome.kind === "response") {
      const { status, headers, bytes } = outcome;
      if (status === 429 || isNearLimit(headers)) ctx.limiter.slowDown();
      else ctx.limiter.recover();
      if (run.debug && ctx.logger !== undefined) {
        logResponse(ctx.logger, ctx.redactor, {
          method,
          url,
          status,
          headers,
          bytes,
          durationMs: outcome.durationMs,
        });
      }
      ctx.emit({ type: "response", method, path, attempt, status, durationMs: outcome.durationMs });
      if (status >= 200 && status < 300) return { status, headers, bytes };

      if (AUTH_FAILURE_STATUSES.has(status) && !authRefreshed && ctx.auth.onAuthFailure) {
        authRefreshed = true;
        const failure = { status, method, url, signal, headers, authorization };
        if (await ctx.auth.onAuthFailure(failure)) continue;
      }
      const serverDelay = serverRetryDelayMs(headers, ctx.clock.now());
      const reason = statusRetryReason(status, run.idempotent, serverDelay !== undefined, retry);
      const delay = reason === undefined ? undefined : nextDelay(serverDelay);
      if (reason !== undefined && delay !== undefined) {
        await wait(attempt, delay, reason, status);
        continue;
      }
      const error = buildApiError(
        { status, method, path, headers, bytes, retryAfterMs: serverDelay },
        ctx.redactor,
      );
      ctx.emit({ type: "error", method, path, attempt, status, errorName: error.name });
      throw error;
    }

    // Timeouts and network failures: the request may or may not have reached Confluence.
    const code = outcome.kind === "network" ? networkErrorCode(outcome.error) : undefined;
    const notSent = surelyNotSent(code);
    const repeatable = notSent || run.idempotent || retry.retryOnAllErrors;
    const delay = repeatable ? nextDelay(undefined) : undefined;
    if (delay !== undefined) {
      await wait(attempt, delay, outcome.kind === "timeout" ? "timeout" : "network");
      continue;
    }
    const error = failureError(
      outcome.kind,
      {
        method,
        path,
        code,
        notSent,
        run,
        cause: outcome.kind === "network" ? outcome.error : undefined,
      },
      ctx.redactor,
    );
    ctx.emit({ type: "error", method, path, attempt, errorName: error.name });
    throw error;
  }
}

function failureError(
  kind: "timeout" | "network",
  info: {
    method: string;
    path: string;
    code: string | undefined;
    notSent: boolean;
    run: Execution;
    cause: unknown;
  },
  redactor: Redactor,
): Error {
  const { method, path, code, run } = info;
  const target = `${method} ${path.split("?")[0]}`;
  if (kind === "timeout") {
    const unknown = !run.idempotent;
    const tail = unknown ? " It may have been processed; check before sending it again." : "";
    return new ConfluenceTimeoutError(
      redactor.redactString(
        `Confluence did not answer ${target} within ${run.timeoutMs} ms.${tail}`,
      ),
      method,
      path,
      run.timeoutMs,
      unknown,
    );
  }
  const causeMessage = info.cause instanceof Error ? info.cause.message : String(info.cause);
  const detail = redactor.redactString(`${code ?? "network error"}: ${causeMessage}`);
  // The cause is kept (non-enumerable) for debugging; undici errors carry no request headers.
  if (!info.notSent && !run.idempotent) {
    return new ConfluenceOutcomeUnknownError(
      `The connection failed during ${target} (${detail}); the request may have been processed by Confluence, so it was not repeated. Check before sending it again.`,
      method,
      path,
      code,
      { cause: info.cause },
    );
  }
  return new ConfluenceNetworkError(
    `Could not reach Confluence for ${target} (${detail})`,
    method,
    path,
    code,
    { cause: info.cause },
  );
}

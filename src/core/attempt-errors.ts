// The errors of a request whose attempts ended without a usable answer: a broken or oversized
// body, a timeout, a failed connection. Messages say what happened, how often it was tried and
// for how long, and whether the request may have been processed; all pass through the redactor.
import {
  ConfluenceNetworkError,
  ConfluenceOutcomeUnknownError,
  ConfluenceResponseError,
  ConfluenceResponseTooLargeError,
  ConfluenceTimeoutError,
} from "./errors.js";
import type { Redactor } from "./redact.js";
import { isSafeMethod, NOT_TLS_CODES } from "./retry.js";

const CHECK_FIRST = " The request was probably processed; check before sending it again.";

function targetOf(method: string, path: string): string {
  return `${method} ${path.split("?")[0]}`;
}

export function brokenBodyError(
  status: number,
  method: string,
  path: string,
  idempotent: boolean,
  redactor: Redactor,
): ConfluenceResponseError {
  const tail = idempotent ? "" : CHECK_FIRST;
  return new ConfluenceResponseError(
    redactor.redactString(
      `Confluence answered ${targetOf(method, path)} with ${status}, but the JSON body was broken or incomplete.${tail}`,
    ),
    { status, method, path, outcomeUnknown: !idempotent },
  );
}

export function tooLargeError(
  status: number,
  method: string,
  path: string,
  idempotent: boolean,
  limit: number,
  redactor: Redactor,
): ConfluenceResponseTooLargeError {
  const tail = idempotent ? "" : CHECK_FIRST;
  return new ConfluenceResponseTooLargeError(
    redactor.redactString(
      `Confluence answered ${targetOf(method, path)} with ${status}, but the body exceeded the limit of ${limit} bytes (maxResponseBytes), so it was not read.${tail}`,
    ),
    { status, method, path, outcomeUnknown: !idempotent, limitBytes: limit },
  );
}

export interface FailureInfo {
  method: string;
  /** Redacted path and query. */
  path: string;
  /** The URL requested (for the scheme only; never quoted). */
  url: string;
  code: string | undefined;
  notSent: boolean;
  idempotent: boolean;
  timeoutMs: number;
  /** Attempts made, the failed last one included. */
  attempts: number;
  /** From the first attempt to the last failure, retry waits included. */
  elapsedMs: number;
  cause: unknown;
}

/** " (5 attempts, 150.2 s in total)", or "" for a request tried once. */
function attemptsNote(info: FailureInfo): string {
  if (info.attempts <= 1) return "";
  return ` (${info.attempts} attempts, ${(info.elapsedMs / 1000).toFixed(1)} s in total)`;
}

/** Human words for the failure; OpenSSL's own text stays in `cause`. */
function describeCause(info: FailureInfo, redactor: Redactor): string {
  if (
    info.url.startsWith("https:") &&
    info.code !== undefined &&
    NOT_TLS_CODES.includes(info.code)
  ) {
    return `the server does not speak TLS; use http:// for a local emulator (${info.code})`;
  }
  const cause = info.cause instanceof Error ? info.cause.message : String(info.cause);
  return redactor.redactString(`${info.code ?? "network error"}: ${cause.trim()}`);
}

export function failureError(
  kind: "timeout" | "network",
  info: FailureInfo,
  redactor: Redactor,
): Error {
  const { method, path, code } = info;
  const target = targetOf(method, path);
  if (kind === "timeout") {
    const unknown = !info.idempotent;
    const tail = unknown ? " It may have been processed; check before sending it again." : "";
    return new ConfluenceTimeoutError(
      redactor.redactString(
        `Confluence did not answer ${target} within ${info.timeoutMs} ms${attemptsNote(info)}.${tail}`,
      ),
      {
        method,
        path,
        timeoutMs: info.timeoutMs,
        // Any write (PUT and DELETE too) may have been applied; the message's advice not to
        // simply repeat it stays with non-idempotent requests.
        outcomeUnknown: !isSafeMethod(method),
        attempts: info.attempts,
      },
    );
  }
  const detail = describeCause(info, redactor);
  // The cause is kept (non-enumerable) for debugging; undici errors carry no request headers.
  if (!info.notSent && !info.idempotent) {
    return new ConfluenceOutcomeUnknownError(
      `The connection failed during ${target}${attemptsNote(info)} (${detail}); the request may have been processed by Confluence, so it was not repeated. Check before sending it again.`,
      { method, path, code, cause: info.cause },
    );
  }
  return new ConfluenceNetworkError(
    `Could not reach Confluence for ${target}${attemptsNote(info)} (${detail})`,
    { method, path, code, cause: info.cause },
  );
}

// Turns a non-2xx response into a ConfluenceApiError whose message a person can act on, e.g.
// "Confluence returned 404 Not Found for GET /wiki/api/v2/pages/123: Page not found (trace id abc)".
// Bodies: v2 `{"errors":[{"status","code","title","detail"}]}` (components.schemas of
// confluence-v2.json), v1 `{"statusCode","message"}` (confluence-v1.json).
import { STATUS_CODES } from "node:http";
import type { V1ErrorBody, V2ErrorBody } from "../types/confluence.js";
import { ConfluenceApiError, type ConfluenceErrorBody } from "./errors.js";
import type { Redactor } from "./redact.js";
import { isSafeMethod } from "./retry.js";

const MAX_SUMMARY = 300;
const MAX_STORED_TEXT = 4096;

const HINTS: Record<number, string> = {
  401: "check the connection's email and API token (or that the OAuth token is still valid)",
  403: "the account (or OAuth scopes) lacks permission for this operation",
  429: "Confluence is rate limiting this account; retry later",
};

// Atlassian's API gateway (api.atlassian.com/ex/confluence/{cloudId}/...) is only reached with
// an OAuth 2.0 bearer token here, and it answers an EXPIRED token with 404 on v2 paths and 403
// on v1 paths instead of 401 (https://github.com/n8n-io/n8n/pull/37776; docs/oauth.md). Where
// the token cannot be refreshed (the Prismatic component: the platform owns refresh) that looks
// exactly like a missing page, so such messages say so.
const GATEWAY_PATH = /^\/ex\/confluence\/[^/]+\//;
const EXPIRED_TOKEN_HINT =
  "note: through Atlassian's API gateway an expired OAuth access token also produces this status; if the resource does exist, refresh or re-authorize the connection";

function gatewayHint(status: number, pathname: string): string | undefined {
  return (status === 404 || status === 403) && GATEWAY_PATH.test(pathname)
    ? EXPIRED_TOKEN_HINT
    : undefined;
}

function isV2ErrorBody(value: unknown): value is V2ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as { errors?: unknown }).errors)
  );
}

function isV1ErrorBody(value: unknown): value is V1ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The human part of an error body. */
export function summariseErrorBody(body: unknown): string | undefined {
  if (isV2ErrorBody(body)) {
    const parts = body.errors
      .map((error) => {
        if (typeof error !== "object" || error === null) return undefined;
        return error.detail ?? error.title ?? error.code;
      })
      .filter((part): part is string => typeof part === "string" && part !== "");
    // GraphQL-style `errors: [{ message }]` also lands here.
    const messages = body.errors
      .map((error) => (error as { message?: unknown }).message)
      .filter((m): m is string => typeof m === "string");
    const all = parts.length > 0 ? parts : messages;
    return all.length > 0 ? truncate(all.join("; "), MAX_SUMMARY) : undefined;
  }
  if (isV1ErrorBody(body)) return truncate(body.message, MAX_SUMMARY);
  if (typeof body === "object" && body !== null) {
    const oauth = body as { error_description?: unknown; error?: unknown };
    const text = oauth.error_description ?? oauth.error;
    return typeof text === "string" ? truncate(text, MAX_SUMMARY) : undefined;
  }
  if (typeof body === "string") {
    const text = body
      .replace(/<[^>]*>/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return text === "" ? undefined : truncate(text, MAX_SUMMARY);
  }
  return undefined;
}

export interface ErrorResponse {
  status: number;
  method: string;
  /** Path and query, without origin. */
  path: string;
  headers: Readonly<Record<string, string>>;
  bytes: Uint8Array;
  retryAfterMs?: number;
  afterUncertainAttempt?: boolean;
}

function parseBody(bytes: Uint8Array, redactor: Redactor): ConfluenceErrorBody | undefined {
  if (bytes.byteLength === 0) return undefined;
  const text = Buffer.from(bytes).toString("utf8");
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null) {
      return redactor.redactValue(parsed) as ConfluenceErrorBody;
    }
  } catch {
    // Not JSON (an HTML error page from a proxy, plain text): keep the text.
  }
  const stored = redactor.redactAndCut(text, MAX_STORED_TEXT);
  return stored.cut ? `${stored.text}…` : stored.text;
}

export function buildApiError(response: ErrorResponse, redactor: Redactor): ConfluenceApiError {
  const { status, method } = response;
  const statusText = STATUS_CODES[status] ?? "Unknown Status";
  const body = parseBody(response.bytes, redactor);
  const rawTraceId = response.headers["atl-traceid"];
  // A header is the server's text like the body: redacted before it becomes a field.
  const traceId = rawTraceId === undefined ? undefined : redactor.redactString(rawTraceId);
  const path = redactor.redactUrl(response.path);
  const pathname = path.split("?")[0] ?? path;
  const summary = summariseErrorBody(body) ?? HINTS[status];
  let message = `Confluence returned ${status} ${statusText} for ${method} ${pathname}`;
  if (summary !== undefined) message += `: ${summary}`;
  const expiredHint = gatewayHint(status, pathname);
  if (expiredHint !== undefined) message += ` (${expiredHint})`;
  if (response.retryAfterMs !== undefined && status === 429) {
    message += ` (retry after ${Math.ceil(response.retryAfterMs / 1000)} s)`;
  }
  if (response.afterUncertainAttempt) {
    message += " (this was a retry: an earlier attempt may already have been applied)";
  }
  if (traceId !== undefined) message += ` (trace id ${traceId})`;
  return new ConfluenceApiError({
    status,
    statusText,
    method,
    path,
    body,
    traceId,
    retryAfterMs: response.retryAfterMs,
    afterUncertainAttempt: response.afterUncertainAttempt,
    // A 5xx may come from a gateway after Confluence applied the write.
    outcomeUnknown: status >= 500 && !isSafeMethod(method),
    message: redactor.redactString(message),
  });
}

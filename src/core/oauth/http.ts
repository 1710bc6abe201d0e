// Small JSON-over-HTTP helper for the identity service and accessible-resources: these calls
// sit outside the Confluence attempt loop (they have no site yet), so they get their own
// timeout and never log or echo a body that may hold tokens.
import { request } from "undici";
import { ConfluenceAbortError, ConfluenceNetworkError, ConfluenceTimeoutError } from "../errors.js";
import { networkErrorCode } from "../retry.js";
import { linkSignals } from "../signals.js";

export const OAUTH_HTTP_TIMEOUT_MS = 30_000;

export interface JsonResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export async function jsonRequest(
  url: string,
  init: {
    method: "GET" | "POST";
    headers?: Record<string, string>;
    body?: unknown;
    signal?: AbortSignal;
  },
): Promise<JsonResponse> {
  const { pathname } = new URL(url);
  const timeout = AbortSignal.timeout(OAUTH_HTTP_TIMEOUT_MS);
  const linked = linkSignals([init.signal, timeout]);
  try {
    const response = await request(url, {
      method: init.method,
      headers: {
        accept: "application/json",
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: linked.signal,
    });
    const text = await response.body.text();
    let body: unknown = text;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      // Not JSON (a proxy's HTML page): keep the text; callers never echo it whole.
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (typeof value === "string") headers[name] = value;
    }
    return { status: response.statusCode, headers, body };
  } catch (error) {
    if (init.signal?.aborted)
      throw new ConfluenceAbortError(`${init.method} ${pathname} was aborted`);
    if (timeout.aborted) {
      throw new ConfluenceTimeoutError(
        `Atlassian did not answer ${init.method} ${pathname} within ${OAUTH_HTTP_TIMEOUT_MS} ms`,
        {
          method: init.method,
          path: pathname,
          timeoutMs: OAUTH_HTTP_TIMEOUT_MS,
          outcomeUnknown: false,
        },
      );
    }
    // undici may wrap the telling code (ECONNREFUSED: nothing was sent) in a cause.
    const code = networkErrorCode(error);
    // The cause is dropped on purpose: undici errors may carry the request (and its body).
    throw new ConfluenceNetworkError(
      `Could not reach Atlassian for ${init.method} ${pathname}${typeof code === "string" ? ` (${code})` : ""}`,
      { method: init.method, path: pathname, code: typeof code === "string" ? code : undefined },
    );
  } finally {
    linked.dispose();
  }
}

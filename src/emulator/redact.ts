// Secrets never leave the emulator: not in the request log, not in onExchange reports.
// These lists resemble src/core/redact.ts on purpose: the emulator shares no code with the client
// (docs/architecture.md), so a client bug cannot hide behind the emulator sharing it.
const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "x-atlassian-token-secret",
]);

const SECRET_FIELDS = new Set([
  "password",
  "apitoken",
  "api_token",
  "token",
  "access_token",
  "refresh_token",
  "client_secret",
  "code",
  "code_verifier",
]);

export const REDACTED = "[REDACTED]";

export function redactHeaders(
  headers: Record<string, string | string[] | number | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === "location" && typeof value === "string") {
      // The OAuth /authorize redirect carries the authorization code in its query.
      out[lower] = redactUrl(value);
    } else if (SECRET_HEADERS.has(lower)) {
      // Keep the scheme ("Basic", "Bearer"): useful for debugging, harmless.
      const scheme = typeof value === "string" ? /^(\w+)\s/.exec(value)?.[1] : undefined;
      out[lower] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
    } else {
      out[lower] = typeof value === "number" ? String(value) : value;
    }
  }
  return out;
}

/** Redacts secret-looking fields of a JSON body (OAuth token requests and the like). */
export function redactBody(body: unknown, depth = 0): unknown {
  if (depth > 8 || typeof body !== "object" || body === null) return body;
  if (Array.isArray(body)) return body.map((item) => redactBody(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    out[key] = SECRET_FIELDS.has(key.toLowerCase()) ? REDACTED : redactBody(value, depth + 1);
  }
  return out;
}

/** Replaces the values of secret-looking query parameters (`code`, `access_token`, ...). */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf("?");
  if (queryAt < 0) return url;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  let changed = false;
  for (const key of new Set(params.keys())) {
    if (SECRET_FIELDS.has(key.toLowerCase())) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, queryAt)}?${params.toString()}` : url;
}

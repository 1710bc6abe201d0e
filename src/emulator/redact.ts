// Secrets never leave the emulator: not in the request log, not in onExchange reports.
// Redaction is by name, at any depth: header names, query parameter names and JSON field names
// that look like credentials (issue 12, item 12: `?access_token=…`, fields nested deeper than
// 8 levels and `X-Auth-Token` used to pass through). The emulator shares no code with the
// client (docs/architecture.md), so a client bug cannot hide behind the emulator sharing it.

/** Exact names (compared lower-case, without `-`, `_` and `.`). */
const SECRET_NAMES = new Set([
  "code",
  "codeverifier",
  "pwd",
  "passphrase",
  "auth",
  "xauth",
  "signature",
  "sig",
  "jwt",
  "assertion",
  "privatekey",
  "sessionid",
]);

/** Any name containing one of these is a secret (`X-Auth-Token`, `clientSecret`, `apiKey`, ...). */
const SECRET_PARTS = [
  "token",
  "secret",
  "password",
  "passwd",
  "apikey",
  "credential",
  "authorization",
  "cookie",
];

/**
 * Known harmless: `X-Atlassian-Token: no-check` is the XSRF opt-out marker Confluence requires
 * on multipart uploads (OpenAPI v1 createAttachment: "you must submit a header of
 * X-Atlassian-Token: no-check"), not a credential.
 */
const NOT_SECRET = new Set(["xatlassiantoken"]);

export const REDACTED = "[REDACTED]";
/** Beyond this depth a value is dropped rather than walked (bodies are ≤ 1,000 levels anyway). */
const MAX_WALK_DEPTH = 1100;

export function isSecretName(name: string): boolean {
  const key = name.toLowerCase().replace(/[-_.\s]/g, "");
  if (NOT_SECRET.has(key)) return false;
  return SECRET_NAMES.has(key) || SECRET_PARTS.some((part) => key.includes(part));
}

// The copies below are made with Object.fromEntries or defined properties, never `out[key] =`:
// a client may send a field, parameter or header named `__proto__`, which an assignment would
// turn into the copy's prototype instead of a logged field (found by the request-log property
// test).
function ownProperty<T>(out: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

export function redactHeaders(
  headers: Record<string, string | string[] | number | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower === "location" && typeof value === "string") {
      // The OAuth /authorize redirect carries the authorization code in its query.
      ownProperty(out, lower, redactUrl(value));
    } else if (isSecretName(lower)) {
      // Keep the scheme ("Basic", "Bearer"): useful for debugging, harmless.
      const scheme = typeof value === "string" ? /^(\w+)\s/.exec(value)?.[1] : undefined;
      ownProperty(out, lower, scheme ? `${scheme} ${REDACTED}` : REDACTED);
    } else {
      ownProperty(out, lower, typeof value === "number" ? String(value) : value);
    }
  }
  return out;
}

/** Redacts secret-named fields of a JSON body at any depth. */
export function redactBody(body: unknown, depth = 0): unknown {
  if (typeof body !== "object" || body === null) return body;
  if (depth > MAX_WALK_DEPTH) return REDACTED;
  if (Array.isArray(body)) return body.map((item) => redactBody(item, depth + 1));
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      isSecretName(key) ? REDACTED : redactBody(value, depth + 1),
    ]),
  );
}

/** A parsed query (`?a=1&a=2` → `{ a: ["1", "2"] }`) with secret-named parameters redacted. */
export function redactQuery(
  query: Record<string, string | string[]>,
): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      isSecretName(key) ? REDACTED : Array.isArray(value) ? [...value] : value,
    ]),
  );
}

/** Replaces the values of secret-looking query parameters (`code`, `access_token`, ...). */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf("?");
  if (queryAt < 0) return url;
  const params = new URLSearchParams(url.slice(queryAt + 1));
  let changed = false;
  for (const key of new Set(params.keys())) {
    if (isSecretName(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, queryAt)}?${params.toString()}` : url;
}

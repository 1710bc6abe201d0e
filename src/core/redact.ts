// Redaction used by debug logging and error construction. Secrets are removed twice over:
// by name (headers/fields/query parameters that always hold credentials) and by value (the
// client knows its own secrets and scrubs them from any string it logs or throws, which also
// catches servers that echo a credential back in an error body).

export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "x-atlassian-token-secret",
]);

// Field names compared after lower-casing and dropping "-" / "_" (accessToken = access_token).
const SECRET_FIELDS = new Set([
  "authorization",
  "password",
  "passwd",
  "apitoken",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "clientsecret",
  "secret",
  "apikey",
  "privatekey",
  "cookie",
  "setcookie",
  "assertion",
  "authcode",
  "authorizationcode",
  "codeverifier",
]);

// `code` is the OAuth authorization code in a redirect's query string (`?code=...&state=...`),
// so it is a secret there. In JSON bodies it is Confluence's error identifier ("NOT_FOUND",
// "UNAUTHORIZED") and worth keeping; an authorization code never travels in a JSON body this
// client sends or receives, and any known secret is still scrubbed from it by value.
const SECRET_QUERY_PARAMETERS = new Set([...SECRET_FIELDS, "code"]);

// Secrets shorter than this are not scrubbed by value: replacing every "ab" would garble logs
// without protecting anything a real credential would be.
const MIN_SECRET_LENGTH = 4;

function normaliseFieldName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, "");
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

export function isSecretField(name: string): boolean {
  return SECRET_FIELDS.has(normaliseFieldName(name));
}

/** Query parameters that hold credentials: the JSON fields' names plus OAuth's `code`. */
export function isSecretQueryParameter(name: string): boolean {
  return SECRET_QUERY_PARAMETERS.has(normaliseFieldName(name));
}

/** Scrubs known secret values (and name-based secrets) from strings, headers and JSON values. */
export class Redactor {
  constructor(private readonly knownSecrets: () => readonly string[] = () => []) {}

  /** Replace every occurrence of a known secret (and its URL-encoded form) in `text`. */
  redactString(text: string): string {
    let out = text;
    for (const secret of this.secretsLongestFirst()) {
      out = out.split(secret).join(REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join(REDACTED);
    }
    return out;
  }

  /** Headers with credentials replaced, by name and by value. */
  redactHeaders(headers: Readonly<Record<string, string | string[] | undefined>>) {
    // Object.fromEntries, not `out[name] =`: a key `__proto__` stays a key (see redactAt).
    return Object.fromEntries(
      Object.entries(headers)
        .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
        .map(([name, value]) => {
          const joined = Array.isArray(value) ? value.join(", ") : value;
          return [name, isSecretHeader(name) ? REDACTED : this.redactString(joined)];
        }),
    );
  }

  /** A URL (absolute or path) with secret query parameters and known secrets replaced. */
  redactUrl(url: string): string {
    const queryStart = url.indexOf("?");
    if (queryStart < 0) return this.redactString(url);
    const base = url.slice(0, queryStart);
    const params = url
      .slice(queryStart + 1)
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        const rawName = eq < 0 ? pair : pair.slice(0, eq);
        let name = rawName;
        try {
          name = decodeURIComponent(rawName);
        } catch {
          // Malformed escapes: fall back to the raw name for the check.
        }
        return eq >= 0 && isSecretQueryParameter(name) ? `${rawName}=${REDACTED}` : pair;
      })
      .join("&");
    return this.redactString(`${base}?${params}`);
  }

  /** A deep copy of a JSON-like value with secret fields and known secret values replaced. */
  redactValue(value: unknown): unknown {
    return this.redactAt(value, 0);
  }

  private redactAt(value: unknown, depth: number): unknown {
    if (typeof value === "string") return this.redactString(value);
    if (value === null || typeof value !== "object") return value;
    // Cap recursion: logged values are for humans, and cycles must not hang the client.
    if (depth > 20) return "[Truncated]";
    if (Array.isArray(value)) return value.map((item) => this.redactAt(item, depth + 1));
    // Object.fromEntries, not `out[key] =`: a body field named `__proto__` (JSON.parse makes it
    // an own property) must stay a field, not become the copy's prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        isSecretField(key) ? REDACTED : this.redactAt(item, depth + 1),
      ]),
    );
  }

  /** Scrubs an error this client raised, in place: its message and stack. */
  redactError(error: Error): void {
    error.message = this.redactString(error.message);
    if (error.stack !== undefined) error.stack = this.redactString(error.stack);
  }

  /**
   * `text` redacted, then cut to at most `max` characters (`undefined` when it fits). Redacting
   * first matters: a secret straddling the cut would otherwise lose its tail and no longer match
   * by value. A cut that ends in the beginning of a secret (a server that echoed part of one)
   * has that beginning redacted too.
   */
  redactAndCut(text: string, max: number): { text: string; cut: boolean } {
    const redacted = this.redactString(text);
    if (redacted.length <= max) return { text: redacted, cut: false };
    return { text: this.redactTrailingPrefix(redacted.slice(0, max)), cut: true };
  }

  private redactTrailingPrefix(text: string): string {
    for (const secret of this.secretsLongestFirst()) {
      for (const form of new Set([secret, encodeURIComponent(secret)])) {
        for (let length = form.length - 1; length >= MIN_SECRET_LENGTH; length--) {
          if (text.endsWith(form.slice(0, length))) {
            return `${text.slice(0, text.length - length)}${REDACTED}`;
          }
        }
      }
    }
    return text;
  }

  private secretsLongestFirst(): string[] {
    // Longest first so a secret that contains another is replaced whole.
    return this.knownSecrets()
      .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
      .sort((a, b) => b.length - a.length);
  }
}

// Validation of caller-supplied headers (Raw Request "Header", GraphQL "Headers").
import { ConfluenceValidationError } from "./errors.js";

// RFC 9110 token characters.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, obs-text and spaces/tabs; no CR, LF, NUL or other controls.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

// The client owns these: auth is never taken from caller headers (credentials must come from
// the connection), and framing headers are computed by undici.
const RESERVED = new Set([
  "authorization",
  "proxy-authorization",
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
]);

// undici refuses an Expect header outright ("expect header not supported"), so it used to fail
// as a network error (or an "outcome unknown" for a POST) although nothing had been sent. The
// body is always sent at once; 100-continue (RFC 9110, 10.1.1) buys nothing here.
const UNSUPPORTED = new Set(["expect"]);

export type HeaderInput = Readonly<Record<string, string | number | boolean | undefined>>;

/** Why a caller-supplied header is refused; the catalog words the same rules per input. */
export type HeaderProblem = "invalid-name" | "reserved" | "unsupported" | "invalid-value";

export function headerProblem(name: string, value: string): HeaderProblem | undefined {
  if (!TOKEN.test(name)) return "invalid-name";
  if (RESERVED.has(name.toLowerCase())) return "reserved";
  if (UNSUPPORTED.has(name.toLowerCase())) return "unsupported";
  if (!FIELD_VALUE.test(value)) return "invalid-value";
  return undefined;
}

/** Lower-cased, validated copy of caller headers; undefined values are dropped. */
export function validateHeaders(headers: HeaderInput | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = String(raw);
    switch (headerProblem(name, value)) {
      case "invalid-name":
        throw new ConfluenceValidationError(
          `Invalid header name ${JSON.stringify(name)}: only token characters are allowed`,
        );
      case "reserved":
        throw new ConfluenceValidationError(
          `The header "${name}" is managed by the client and cannot be set by the caller`,
        );
      case "unsupported":
        throw new ConfluenceValidationError(
          `The header "${name}" is not supported: the client always sends the body at once`,
        );
      case "invalid-value":
        // The value is not echoed: it may be a credential the caller put in a custom header.
        throw new ConfluenceValidationError(
          `Invalid value for header "${name}": control characters (CR, LF, NUL) are not allowed`,
        );
    }
    out[name.toLowerCase()] = value.trim();
  }
  return out;
}

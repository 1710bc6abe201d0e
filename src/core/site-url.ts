// The one rule for "a URL on the connected site" typed by a user (Raw Request's URL) or sent by
// Confluence (next-page links): an already-encoded path such as `/wiki/api/v2/pages?limit=5`, or
// an absolute http(s) URL on the site's own origin. Credentials are attached to whatever URL we
// call, so anything that could leave the site or the intended API is refused: another origin,
// `//host`, userinfo, backslashes and whitespace (which URL parsers silently rewrite), dot
// segments (also as %2e) that climb out of the gateway's `/ex/confluence/{cloudId}` prefix, and
// fragments (never sent, so a path with one is not the path the user meant).
// Rejections quote the input with query values, fragment and userinfo hidden: a pasted URL may
// carry `?access_token=...`.
import { ConfluenceValidationError } from "./errors.js";
import { REDACTED } from "./redact.js";

/** A rejected site URL; `reason` reads after the input's name ("URL ..."). */
export class ConfluenceUrlError extends ConfluenceValidationError {
  override name = "ConfluenceUrlError";
  constructor(readonly reason: string) {
    super(`Invalid URL: ${reason}`);
  }
}

// pchar from RFC 3986 (unreserved, sub-delims, ":", "@") plus "/" and %XX escapes.
const SITE_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const QUERY_TEXT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
// Every character a URL may contain literally (RFC 3986 reserved and unreserved, "%").
const URL_TEXT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]%]*$/;
const ABSOLUTE = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;
const MAX_QUOTED = 100;

/** The input for an error message: userinfo, query values and fragment hidden, length capped. */
export function quoteUrl(input: string): string {
  let text = input.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${REDACTED}@`);
  const hash = text.indexOf("#");
  if (hash >= 0) text = `${text.slice(0, hash)}#${REDACTED}`;
  const queryStart = text.indexOf("?");
  if (queryStart >= 0) {
    const query = text
      .slice(queryStart + 1)
      .replace(/([^&;=]*)=[^&;#]*/g, (_match, name: string) => `${name}=${REDACTED}`);
    text = `${text.slice(0, queryStart)}?${query}`;
  }
  if (text.length > MAX_QUOTED) text = `${text.slice(0, MAX_QUOTED - 3)}...`;
  return JSON.stringify(text);
}

/**
 * Validate a site-relative path with optional query (`/wiki/api/v2/pages?limit=5`). It must
 * already be encoded. Returns the path and its (possibly empty) query without the "?".
 */
export function parseSitePath(input: string): { path: string; query: string } {
  const hash = input.indexOf("#");
  if (hash >= 0) {
    throw new ConfluenceUrlError(`${quoteUrl(input)} must not contain a "#" fragment`);
  }
  const queryStart = input.indexOf("?");
  const path = queryStart < 0 ? input : input.slice(0, queryStart);
  const query = queryStart < 0 ? "" : input.slice(queryStart + 1);
  if (!path.startsWith("/") || path.startsWith("//")) {
    throw new ConfluenceUrlError(
      `${quoteUrl(input)} must be a path on your Confluence site starting with a single "/", such as /wiki/api/v2/pages`,
    );
  }
  if (!SITE_PATH.test(path)) {
    throw new ConfluenceUrlError(
      `${quoteUrl(input)} contains characters that must be percent-encoded in a path (spaces, backslashes, quotes, "%" not followed by two hex digits, control or non-ASCII characters)`,
    );
  }
  if (!QUERY_TEXT.test(query)) {
    throw new ConfluenceUrlError(`the query string of ${quoteUrl(input)} is not properly encoded`);
  }
  for (const segment of path.split("/")) {
    // Only "." and its escape %2e can decode to a dot segment.
    const decoded = segment.replace(/%2e/gi, ".");
    if (decoded === "." || decoded === "..") {
      throw new ConfluenceUrlError(`${quoteUrl(input)} must not contain "." or ".." path segments`);
    }
  }
  return { path, query };
}

export interface SiteUrl {
  path: string;
  /** Without the "?"; may be empty. */
  query: string;
  /** True when the input was an absolute URL (on `siteOrigin`). */
  absolute: boolean;
}

/**
 * Parse a path on the site or an absolute URL on `siteOrigin` (e.g. `https://x.atlassian.net`).
 * Without a `siteOrigin` only paths are accepted. Throws ConfluenceUrlError.
 */
export function parseSiteUrl(input: string, siteOrigin: string | undefined): SiteUrl {
  if (!URL_TEXT.test(input)) {
    throw new ConfluenceUrlError(
      `${quoteUrl(input)} must not contain spaces, backslashes, quotes, control or non-ASCII characters (percent-encode them)`,
    );
  }
  const absolute = ABSOLUTE.exec(input);
  if (absolute === null) return { ...parseSitePath(input), absolute: false };
  const [, scheme = "", authority = "", rest = ""] = absolute;
  const onSite = `must be a path on your Confluence site such as /wiki/api/v2/pages; absolute URLs are only accepted on the connected site's own origin${siteOrigin === undefined ? "" : ` (${siteOrigin})`}`;
  if (!/^https?$/i.test(scheme)) throw new ConfluenceUrlError(`${quoteUrl(input)} ${onSite}`);
  if (authority.includes("@")) {
    throw new ConfluenceUrlError(`${quoteUrl(input)} must not contain credentials`);
  }
  let origin: string;
  try {
    origin = new URL(`${scheme}://${authority}`).origin;
  } catch {
    throw new ConfluenceUrlError(`${quoteUrl(input)} is not a valid URL`);
  }
  if (siteOrigin === undefined || origin !== siteOrigin) {
    throw new ConfluenceUrlError(
      `Refusing to send credentials to ${origin}: ${quoteUrl(input)} ${onSite}`,
    );
  }
  // The path is validated as typed, not as `new URL` normalises it (it would resolve dot
  // segments and turn backslashes into slashes before we could refuse them).
  const sitePath = rest === "" || rest.startsWith("?") ? `/${rest}` : rest;
  return { ...parseSitePath(sitePath), absolute: true };
}

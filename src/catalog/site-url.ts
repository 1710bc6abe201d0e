// Raw Request's "URL": a path on the connected site, or an absolute URL on that same origin.
// Credentials are attached to whatever URL we call, so anything that could leave the site
// (another origin, a protocol-relative `//host`, backslashes some parsers treat as `/`, dot
// segments that climb out of the API gateway's `/ex/confluence/{cloudId}` prefix) is refused.
import { InvalidValue, quote } from "./input-error.js";

/** Whitespace, backslashes, C0 control characters and DEL. */
function hasForbiddenChar(text: string): boolean {
  if (/[\s\\]/.test(text)) return true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Returns the site-relative path (with query) to request. `siteOrigin` is the connected site's
 * origin when known (Basic: the Host input); without it only paths are accepted.
 */
export function toSitePath(url: string, siteOrigin: string | undefined): string {
  const text = url.trim();
  if (hasForbiddenChar(text)) {
    throw new InvalidValue("must not contain spaces, backslashes or control characters");
  }
  let path: string;
  if (text.startsWith("/") && !text.startsWith("//")) {
    path = text;
  } else if (/^https?:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw new InvalidValue(`is not a valid URL: ${quote(text)}`);
    }
    if (siteOrigin === undefined || parsed.origin !== siteOrigin) {
      throw new InvalidValue(
        `must be a path on your Confluence site such as /wiki/api/v2/pages; absolute URLs are only accepted on the connected site's own origin${siteOrigin === undefined ? "" : ` (${siteOrigin})`}`,
      );
    }
    if (parsed.username !== "" || parsed.password !== "") {
      throw new InvalidValue("must not contain credentials");
    }
    path = `${parsed.pathname}${parsed.search}`;
  } else {
    throw new InvalidValue(
      `must be a path on your Confluence site starting with "/", such as /wiki/api/v2/pages; got ${quote(text)}`,
    );
  }
  const pathname = path.split(/[?#]/, 1)[0] ?? "";
  for (const segment of pathname.split("/")) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new InvalidValue(`has a malformed percent-encoding in ${quote(segment)}`);
    }
    if (decoded === "." || decoded === "..") {
      throw new InvalidValue('must not contain "." or ".." path segments');
    }
  }
  return path.split("#", 1)[0] ?? path;
}

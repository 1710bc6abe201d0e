// Raw Request's "URL": a path on the connected site, or an absolute URL on that same origin.
// The rule itself (what may leave the site, dot segments, encoding, fragments) lives in the core
// (`parseSiteUrl`), which the client applies again when it sends: one rule, so nothing the
// catalog accepts is later refused by the client without naming this input. Rejections quote
// the URL with query values hidden, since a pasted URL may carry a token.
import { ConfluenceUrlError, parseSiteUrl } from "../core/site-url.js";
import { InvalidValue } from "./input-error.js";

/**
 * Returns the site-relative path (with query) to request. `siteOrigin` is the connected site's
 * origin when known (Basic: the Host input); without it only paths are accepted.
 */
export function toSitePath(url: string, siteOrigin: string | undefined): string {
  try {
    const { path, query } = parseSiteUrl(url.trim(), siteOrigin);
    return query === "" ? path : `${path}?${query}`;
  } catch (error) {
    if (error instanceof ConfluenceUrlError) throw new InvalidValue(error.reason);
    throw error;
  }
}

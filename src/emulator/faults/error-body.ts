// Bodies of injected error answers, in the shape the faulted endpoint uses: Confluence error
// bodies on the sites, OAuth 2.0 error responses (RFC 6749 §5.2: `error`, `error_description`)
// on the identity endpoints (/oauth/token, /oauth/token/accessible-resources).
import { apiFamilyOf, errorBodyFor } from "../errors.js";

export function faultErrorBody(url: string, status: number, title?: string, code?: string) {
  if (url.startsWith("/oauth/")) {
    // RFC 6749 §4.1.2.1 names `temporarily_unavailable` for an overloaded or down server.
    return { error: "temporarily_unavailable", error_description: title ?? `HTTP ${status}` };
  }
  return errorBodyFor(apiFamilyOf(url), status, title, code);
}

// Authentication is a pluggable function: the default site uses Basic (email + API token, as
// Confluence Cloud does); OAuth sites under /ex/confluence/{cloudId}/ will plug in a Bearer
// authenticator with the same signature.
import type { IncomingHttpHeaders } from "node:http";
import type { UserRecord } from "./model.js";
import type { Store } from "./store.js";

export type Authenticator = (headers: IncomingHttpHeaders) => UserRecord | undefined;

/** The challenge sent with every 401 of a Basic-auth site. */
export const BASIC_CHALLENGE = 'Basic realm="Confluence"';

export function basicAuthenticator(getStore: () => Store): Authenticator {
  return (headers) => {
    const header = headers.authorization;
    if (typeof header !== "string" || !/^basic /i.test(header)) return undefined;
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    const user = getStore().usersByEmail.get(decoded.slice(0, colon));
    return user && user.apiToken === decoded.slice(colon + 1) ? user : undefined;
  };
}

// Normalisation of the "Host" connection input into a site origin.
// Accepted: `example.atlassian.net`, `https://example.atlassian.net`, optionally followed by
// `/` or `/wiki` (Confluence Cloud lives under /wiki on the site, which the client adds itself).
//
// Server-side request forgery: on a hosted integration runner, a connection pointing at this
// machine or at a cloud metadata service, plus Raw Request, would let whoever edits the
// connection read internal services. So link-local and metadata addresses are always refused,
// and loopback hosts (where the local emulator runs, over plain http) only when the process
// running the client allows them (`allowLoopbackHttp`; the connector's adapters set it from the
// CONFLUENCE_ALLOW_LOOPBACK_HTTP=1 environment variable, which is the runner operator's to set,
// never a connection's). Plain http is for such loopback hosts only, so real credentials are
// never sent in clear text.
import { classifyHost, isAtlassianHost } from "./address-class.js";
import { ConfluenceValidationError } from "./errors.js";

export interface NormalisedHost {
  /** e.g. `https://example.atlassian.net` (no trailing slash, default port dropped). */
  origin: string;
  hostname: string;
  isLoopback: boolean;
  /** Under atlassian.net / atlassian.com (else a custom domain or something else: warn). */
  isAtlassian: boolean;
}

export interface HostPolicy {
  /** Accept loopback hosts (localhost, 127.x, [::1]), over http or https. Default false. */
  allowLoopbackHttp?: boolean;
}

/** The environment variable with which the connector's adapters set `allowLoopbackHttp`. */
export const ALLOW_LOOPBACK_HTTP_ENV = "CONFLUENCE_ALLOW_LOOPBACK_HTTP";

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isLoopbackHostname(hostname: string): boolean {
  return classifyHost(hostname) === "loopback";
}

/** Hide user-info before echoing an input back in an error message. */
function describeInput(input: string): string {
  return JSON.stringify(input.replace(/\/\/[^/@]*@/, "//[REDACTED]@"));
}

function invalid(input: string, reason: string): ConfluenceValidationError {
  return new ConfluenceValidationError(
    `Invalid Confluence host ${describeInput(input)}: ${reason}. Expected a site such as "example.atlassian.net" or "https://example.atlassian.net".`,
  );
}

const LOOPBACK_REFUSED = `it points at this machine, which is refused unless the process running the connector allows a local emulator (${ALLOW_LOOPBACK_HTTP_ENV}=1 in its environment; the client option allowLoopbackHttp)`;
const LINK_LOCAL_REFUSED =
  "link-local and cloud metadata addresses (169.254.x.x, fe80::, metadata services) are never a Confluence site";

/** The parsed URL of a host input, before the address rules. */
function parseHostUrl(input: string): URL {
  if (typeof input !== "string" || input.trim() === "") {
    throw new ConfluenceValidationError(
      'Invalid Confluence host "": the host is empty. Expected a site such as "example.atlassian.net".',
    );
  }
  const trimmed = input.trim();
  if (/[\s\\]/.test(trimmed)) throw invalid(input, "it contains whitespace or a backslash");
  if (trimmed.includes("?") || trimmed.includes("#")) {
    throw invalid(input, "a query string or fragment is not allowed");
  }
  const withScheme = SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(input, "it is not a valid URL");
  }
  if (url.username !== "" || url.password !== "") {
    throw invalid(
      input,
      "credentials must not be part of the host; use the Email and API Token inputs",
    );
  }
  if (url.hostname === "") throw invalid(input, "the host name is empty");
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalid(
      input,
      `the scheme ${url.protocol.replace(":", "")} is not supported; use https://`,
    );
  }
  if (!/^\/(wiki\/?)?$/i.test(url.pathname)) {
    throw invalid(input, `the path ${JSON.stringify(url.pathname)} is not allowed (only "/wiki")`);
  }
  return url;
}

export function normaliseHost(input: string, policy: HostPolicy = {}): NormalisedHost {
  const url = parseHostUrl(input);
  const kind = classifyHost(url.hostname);
  if (kind === "link-local") throw invalid(input, LINK_LOCAL_REFUSED);
  const loopback = kind === "loopback";
  if (loopback && policy.allowLoopbackHttp !== true) throw invalid(input, LOOPBACK_REFUSED);
  if (url.protocol === "http:" && !loopback) {
    throw invalid(
      input,
      "http:// is only allowed for a local emulator on this machine; use https://",
    );
  }
  return {
    origin: url.origin,
    hostname: url.hostname,
    isLoopback: loopback,
    isAtlassian: isAtlassianHost(url.hostname),
  };
}

/** The warning for a host outside Atlassian's domains (a custom domain, or a mistake). */
export function hostWarning(host: NormalisedHost | undefined): string | undefined {
  if (host === undefined || host.isAtlassian || host.isLoopback) return undefined;
  return `The Confluence host ${host.origin} is not an Atlassian domain (*.atlassian.net). Confluence Cloud's REST API is served at the site's atlassian.net address even when the site has a custom domain; check that this host is the intended site before trusting it with credentials.`;
}

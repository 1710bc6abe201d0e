// Normalisation of the "Host" connection input into a site origin.
// Accepted: `example.atlassian.net`, `https://example.atlassian.net`, optionally followed by
// `/` or `/wiki` (Confluence Cloud lives under /wiki on the site, which the client adds
// itself). `http://` is allowed for loopback hosts only, so the local emulator works while real
// credentials are never sent in clear text.
import { ConfluenceValidationError } from "./errors.js";

export interface NormalisedHost {
  /** e.g. `https://example.atlassian.net` (no trailing slash, default port dropped). */
  origin: string;
  hostname: string;
  isLoopback: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === "localhost" || name === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
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

export function normaliseHost(input: string): NormalisedHost {
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
  const loopback = isLoopbackHostname(url.hostname);
  if (url.protocol === "http:") {
    if (!loopback) throw invalid(input, "http:// is only allowed for localhost; use https://");
  } else if (url.protocol !== "https:") {
    throw invalid(
      input,
      `the scheme ${url.protocol.replace(":", "")} is not supported; use https://`,
    );
  }
  if (!/^\/(wiki\/?)?$/i.test(url.pathname)) {
    throw invalid(input, `the path ${JSON.stringify(url.pathname)} is not allowed (only "/wiki")`);
  }
  return { origin: url.origin, hostname: url.hostname, isLoopback: loopback };
}

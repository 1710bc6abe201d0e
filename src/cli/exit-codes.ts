// Exit codes, so scripts can tell a mistake on the command line from a failure of Confluence or
// the network. Documented in `confluence --help` (EXIT_CODES_HELP) and the README.
import { ConfluenceError, ConfluenceValidationError } from "../core/errors.js";

export const EXIT_OK = 0;
/** Confluence answered with an error, or the request failed (network, timeout...). */
export const EXIT_FAILURE = 1;
/** Bad usage or input: nothing was sent. */
export const EXIT_USAGE = 2;

export const EXIT_CODES_HELP = [
  "Exit codes:",
  "  0  success",
  "  1  Confluence answered with an error, or the request failed (network, timeout)",
  "  2  usage or input error (unknown option, missing or invalid input, connection not set): nothing was sent",
].join("\n");

/** Problems with the command line or the environment, found before anything is sent. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    readonly problems: readonly string[],
    readonly hints: readonly string[] = [],
  ) {
    super(problems.join("\n"));
  }
}

/** Core and catalog errors are already redacted; a validation error means nothing was sent. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfluenceValidationError) return EXIT_USAGE;
  return EXIT_FAILURE;
}

const FIELD_HINTS: [RegExp, string][] = [
  [/Invalid Confluence host/, "the host comes from CONFLUENCE_HOST, e.g. your-site.atlassian.net"],
  [/API Site Override/, "the site comes from CONFLUENCE_SITE (a site name, URL or cloud id)"],
];

/** What to print for an error: its message, and for a 401 which setting to check. */
export function describeError(error: unknown, usingOAuth: boolean): string[] {
  if (error instanceof UsageError) {
    return [
      ...error.problems.map((problem) => `error: ${problem}`),
      ...error.hints.map((hint) => `hint: ${hint}`),
    ];
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const lines = [text];
  // Core messages name the connection's fields; on the command line they are variables.
  for (const [pattern, hint] of FIELD_HINTS) {
    if (error instanceof ConfluenceError && pattern.test(error.message))
      lines.push(`hint: ${hint}`);
  }
  // ConfluenceApiError (the site) and ConfluenceOAuthError (the site lookup) both carry it.
  if (error instanceof ConfluenceError && (error as { status?: unknown }).status === 401) {
    lines.push(
      usingOAuth
        ? "hint: Confluence refused the credentials: CONFLUENCE_ACCESS_TOKEN may have expired or lack the scope; get a fresh access token."
        : "hint: Confluence refused the credentials: check CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN (an API token from https://id.atlassian.com/manage-profile/security/api-tokens, for the account of that email).",
    );
  }
  return lines;
}

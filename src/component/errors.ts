// The component's error hook. The core's ConfluenceApiError already says what a person needs
// ("Confluence returned 404 Not Found for GET /wiki/api/v2/pages/1: Page not found (trace id
// ...)") and carries `status` and `traceId`; input errors name the bad input. Anything thrown
// that is not an Error (platforms sometimes throw strings) becomes one so it keeps a message.
export function toComponentError(error: unknown): unknown {
  if (error instanceof Error) return error;
  return new Error(typeof error === "string" ? error : "Unknown error");
}

// Cursor pagination of list endpoints. v2 lists return `{ results, _links: { next } }` and a
// `Link: <...>; rel="next"` header (MultiEntityResult in confluence-v2.json); the next URL is
// site-relative and carries the opaque `cursor`. `paginate` streams: it holds one page at a
// time and fetches the next one only when the consumer has taken every item of the current one.
import type { AuthEndpoints } from "./auth.js";
import { ConfluenceError, ConfluencePaginationError } from "./errors.js";
import { parseLinkHeader } from "./link-header.js";
import { resolveNextUrl } from "./target.js";
import type { ConfluenceResponse, ListOptions, ListPage, RequestOptions } from "./types.js";

export type Send = <T>(
  request: RequestOptions,
  url: string | undefined,
) => Promise<ConfluenceResponse<T>>;

/** Links remembered for loop detection; a cycle longer than this is not caught. */
const MAX_TRACKED_LINKS = 10_000;

function cursorOf(nextUrl: string): string | undefined {
  const query = nextUrl.split("?")[1];
  if (query === undefined) return undefined;
  return new URLSearchParams(query).get("cursor") ?? undefined;
}

function toListPage<T>(response: ConfluenceResponse<unknown>): ListPage<T> {
  const data = response.data as { results?: unknown; _links?: { next?: unknown } } | undefined;
  if (typeof data !== "object" || data === null || !Array.isArray(data.results)) {
    throw new ConfluenceError(
      `Expected a list response with "results" from ${new URL(response.url).pathname}`,
    );
  }
  const fromHeader = parseLinkHeader(response.headers.link).next;
  const fromBody = typeof data._links?.next === "string" ? data._links.next : undefined;
  const nextUrl = fromHeader ?? fromBody;
  const page: ListPage<T> = { results: data.results as T[], raw: data };
  if (nextUrl !== undefined && nextUrl !== "") {
    page.nextUrl = nextUrl;
    const cursor = cursorOf(nextUrl);
    if (cursor !== undefined) page.nextCursor = cursor;
  }
  return page;
}

function firstRequest(path: string, options: ListOptions): RequestOptions {
  return {
    method: "GET",
    api: options.api ?? "v2",
    path,
    pathParams: options.pathParams,
    query: { ...options.query, limit: options.limit, cursor: options.cursor },
    headers: options.headers,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    signal: options.signal,
    debug: options.debug,
    logger: options.logger,
  };
}

export async function listPageAt<T>(
  send: Send,
  path: string,
  options: ListOptions,
): Promise<ListPage<T>> {
  return toListPage<T>(await send(firstRequest(path, options), undefined));
}

export async function* paginateFrom<T>(
  send: Send,
  endpoints: (signal?: AbortSignal) => Promise<AuthEndpoints>,
  path: string,
  // `cursor` (optional) starts at that page, e.g. to resume a listing handed over earlier.
  options: ListOptions,
): AsyncGenerator<T> {
  const request = firstRequest(path, options);
  let page = toListPage<T>(await send(request, undefined));
  // Every link followed so far: a server sending A→B→A would otherwise loop forever. Bounded
  // (oldest forgotten first) so a very long export does not grow memory without limit.
  const seen = new Set<string>();
  let pages = 1;
  for (;;) {
    yield* page.results;
    if (page.nextUrl === undefined) return;
    const url = resolveNextUrl(page.nextUrl, await endpoints(options.signal));
    if (seen.has(url)) {
      const repeated = new URL(url).pathname;
      throw new ConfluencePaginationError(
        `Pagination did not advance: after ${pages} page(s) Confluence returned a next link of ${repeated} that was already followed`,
        { path: repeated, pages },
      );
    }
    if (seen.size >= MAX_TRACKED_LINKS) seen.delete(seen.values().next().value as string);
    seen.add(url);
    page = toListPage<T>(await send(request, url));
    pages++;
  }
}

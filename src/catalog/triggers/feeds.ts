// The feeds the triggers poll, newest first (see poller.ts):
// - content: CQL search, v1 `GET /wiki/rest/api/search` (Confluence has no v2 search;
//   https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/), ordered by
//   `lastmodified DESC` (changes) or `created DESC` (creations). No date literal is sent: CQL
//   dates have minute precision and are read in the user's time zone
//   (https://developer.atlassian.com/cloud/confluence/advanced-searching-using-cql/), so the
//   poller compares the results' own timestamps instead. `expand=content.version` gives the
//   version number (changes); `content.history` the creation date (creations).
// - spaces: v2 `GET /spaces?sort=-id` (spaces have no date sort; ids grow with creation),
//   stopping at `createdAt`.
import type { ConfluenceClient } from "../../core/index.js";
import type { Feed, FeedPage, Observed } from "./poller.js";

/** Search page size: Confluence caps search pages (the emulator at 100). */
export const SEARCH_PAGE_SIZE = 100;
/** v2 lists return at most 250 items a page. */
const SPACES_PAGE_SIZE = 250;

export type ContentEvent = "changed" | "created";

interface SearchResult {
  content?: {
    id?: string;
    version?: { number?: number };
    history?: { createdDate?: string };
  };
  lastModified?: string;
}

interface SearchResponse {
  results?: SearchResult[];
  totalSize?: number;
  _links?: { next?: string };
}

/** The server's clock, from the `Date` header every HTTP response carries (RFC 9110 §6.6.1). */
function serverTime(headers: Readonly<Record<string, string>>): number | undefined {
  const date = headers.date;
  const time = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isNaN(time) ? undefined : time;
}

function cursorOf(next: string | undefined): string | undefined {
  if (next === undefined) return undefined;
  return new URL(next, "http://next.invalid").searchParams.get("cursor") ?? undefined;
}

function observeContent(result: SearchResult, event: ContentEvent): Observed | undefined {
  const id = result.content?.id;
  const modified = Date.parse(result.lastModified ?? "");
  if (id === undefined || Number.isNaN(modified)) return undefined;
  if (event === "created") {
    const created = Date.parse(result.content?.history?.createdDate ?? "");
    // Without a creation date, the last change bounds it from above (never stops too early).
    return { id, key: id, time: Number.isNaN(created) ? modified : created, item: result };
  }
  const version = result.content?.version?.number;
  return { id, key: `${id}@${version ?? result.lastModified}`, time: modified, item: result };
}

/**
 * A CQL condition as a feed: `where` is the trigger's condition without ORDER BY. Newest first
 * has no date clause at all; oldest first (catching up after a burst) bounds the range with
 * `now("-Nm")`, which the server evaluates on its own clock.
 */
export function contentFeed(
  client: ConfluenceClient,
  where: string,
  event: ContentEvent,
  debug: boolean,
): Feed {
  const field = event === "created" ? "created" : "lastmodified";
  const expand = event === "created" ? "content.history" : "content.version";
  const fetchPage = async (cql: string, cursor: string | undefined): Promise<FeedPage> => {
    const response = await client.request<SearchResponse>({
      method: "GET",
      api: "v1",
      path: "/search",
      query: { cql, limit: SEARCH_PAGE_SIZE, expand, cursor },
      debug,
    });
    const body = response.data;
    const next = cursorOf(body._links?.next);
    return {
      items: (body.results ?? [])
        .map((result) => observeContent(result, event))
        .filter((item): item is Observed => item !== undefined),
      serverTime: serverTime(response.headers),
      total: body.totalSize,
      next: next === undefined ? undefined : () => fetchPage(cql, next),
    };
  };
  return {
    newest: () => fetchPage(`${where} ORDER BY ${field} DESC`, undefined),
    since: (minutes) =>
      fetchPage(`${where} AND ${field} >= now("-${minutes}m") ORDER BY ${field} ASC`, undefined),
  };
}

interface SpacesResponse {
  results?: { id?: string; createdAt?: string }[];
  _links?: { next?: string };
}

/** Spaces newest first (no oldest-first pass: a site's spaces are few). */
export function spacesFeed(client: ConfluenceClient, debug: boolean): Feed {
  const fetchPage = async (cursor: string | undefined): Promise<FeedPage> => {
    const response = await client.request<SpacesResponse>({
      method: "GET",
      path: "/spaces",
      query: { sort: "-id", limit: SPACES_PAGE_SIZE, cursor },
      debug,
    });
    const next = cursorOf(response.data._links?.next);
    const items: Observed[] = [];
    for (const space of response.data.results ?? []) {
      const time = Date.parse(space.createdAt ?? "");
      if (space.id !== undefined && !Number.isNaN(time)) {
        items.push({ id: space.id, key: space.id, time, item: space });
      }
    }
    return {
      items,
      serverTime: serverTime(response.headers),
      total: undefined,
      next: next === undefined ? undefined : () => fetchPage(next),
    };
  };
  return { newest: () => fetchPage(undefined) };
}

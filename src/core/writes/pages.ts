// Ambiguity-safe page writes (createPage, updatePage of confluence-v2.json).
// Create: Confluence keeps titles unique among the current pages of a space (createPage answers
// 400 "A page with this title already exists"), so a dropped create of a titled, current page is
// found by `GET /pages?space-id=&title=&status=current` (getPages). Drafts have no such rule and
// are reported as unknown rather than risking a duplicate.
// Update: updatePage requires `version.number` = current + 1 (409 otherwise), so after a dropped
// PUT with version N+1, getPageById tells: N+1 with our title/status/parent = applied, N = not.
// The body is never compared: Confluence rewrites storage XHTML on save (adds `ac:local-id`
// attributes, reorders attributes, normalises whitespace), so a write that landed would look
// "different" and end as unknown. Title, status, parent, space and version are stored as given.
import type { Page, PageBulk } from "../../types/confluence.js";
import type { CallOptions, ConfluenceClient, ConfluenceResponse } from "../types.js";
import { type Authorship, authorship, savedBy, writeStarted } from "./authorship.js";
import {
  callOptions,
  isStatus,
  resolveWrite,
  type SafeCreateRequest,
  type SafeWriteOptions,
  type Verdict,
} from "./resolve.js";
import { updateVersionedSafely, type VersionedKind } from "./versioned.js";

type Json = Record<string, unknown>;

/** Whether `page` (or a blog post) has the title, status, parent and space `body` asked for. */
export function pageMatches(page: Page, body: Json): boolean {
  if (typeof body.title === "string" && page.title !== body.title) return false;
  if (typeof body.status === "string" && page.status !== body.status) return false;
  if (typeof body.parentId === "string" && page.parentId !== body.parentId) return false;
  if (body.spaceId !== undefined && page.spaceId !== String(body.spaceId)) return false;
  return true;
}

/**
 * Whether `page` was created by one of our attempts: version 1 (nobody edited it since), saved
 * by the connection's user no earlier than our first send, on the server's clock
 * (authorship.ts): a client clock that is off neither hides our page nor claims another's.
 */
function createdByUs(page: Page, who: Authorship): boolean {
  return page.version?.number === 1 && savedBy(page.version, who);
}

async function fetchPage(
  client: ConfluenceClient,
  id: string,
  options: CallOptions,
): Promise<ConfluenceResponse<Page>> {
  return client.request<Page>({
    ...options,
    path: "/pages/{id}",
    pathParams: { id },
    query: { "body-format": "storage" },
  });
}

/** PageCreateRequest, with createPage's query. */
export type SafeCreatePage = SafeCreateRequest;

export function createPageSafely(
  client: ConfluenceClient,
  request: SafeCreatePage,
): Promise<ConfluenceResponse<Page>> {
  const { body } = request;
  const call = callOptions(request);
  const title = typeof body.title === "string" ? body.title : undefined;
  const spaceId = String(body.spaceId);
  const draft = body.status === "draft";
  const startedAt = writeStarted();
  const probe = async (): Promise<Verdict<Page>> => {
    if (draft || title === undefined || title === "") {
      return { state: "unknown", reason: "drafts and untitled pages have no unique title" };
    }
    const found = await client.listPage<PageBulk>("/pages", {
      ...call,
      query: { "space-id": spaceId, title, status: "current" },
    });
    const candidate = found.results.find((page) => page.title === title);
    if (candidate === undefined) return { state: "absent" };
    const page = await fetchPage(client, candidate.id, call);
    const who = await authorship(client, call, startedAt);
    // createPage's status defaults to "current" (PageCreateRequest), which the search required.
    if (pageMatches(page.data, { ...body, status: "current" }) && createdByUs(page.data, who)) {
      return { state: "applied", response: page };
    }
    return {
      state: "unknown",
      reason: `page ${candidate.id} has this title but another parent, version or creation time`,
    };
  };
  return resolveWrite(
    {
      operation: "createPage",
      method: "POST",
      path: "/wiki/api/v2/pages",
      check: `whether space ${spaceId} has a page titled ${JSON.stringify(title ?? "")}`,
      // Not idempotent: the client must never repeat it on its own; this resolver decides.
      send: () =>
        client.request<Page>({
          ...call,
          method: "POST",
          path: "/pages",
          query: request.query,
          body,
          idempotent: false,
        }),
      probe,
      // createPage answers a duplicate title with 400 (409 on some sites).
      isCollision: (error) => isStatus(error, 400, 409),
    },
    request,
  );
}

export interface SafeUpdatePage extends SafeWriteOptions {
  id: string;
  /** PageUpdateRequest, with `version.number` = current + 1. */
  body: Json;
}

/** updatePage as a versioned update: the page's title, status, parent and space identify it. */
const PAGE_UPDATE: VersionedKind<Page> = {
  operation: "updatePage",
  noun: "page",
  path: "/pages/{id}",
  probeQuery: { "body-format": "storage" },
  matches: pageMatches,
  matchedFields: "title, status and parent",
};

export function updatePageSafely(
  client: ConfluenceClient,
  request: SafeUpdatePage,
): Promise<ConfluenceResponse<Page>> {
  const { id, ...rest } = request;
  return updateVersionedSafely(client, PAGE_UPDATE, { ...rest, pathParams: { id } });
}

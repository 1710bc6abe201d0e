// Ambiguity-safe page retitling (updatePageTitle of confluence-v2.json, `PUT /pages/{id}/title`).
// A PUT, but not idempotent in effect: each retitle of the published page saves a new version, so
// a blind repeat adds an empty version and, after someone else's rename in between, undoes it.
// The current version number N is read first (one GET per retitle); after a lost answer the
// probe reads the page again: still at N = not applied (sent again); at N + 1 with our title,
// saved by the connection's user since the first send (authorship.ts) = applied; anything else:
// unknown. (Retitling a draft saves no version and is left to
// the client's ordinary retries.)
import type { Page } from "../../types/confluence.js";
import type { ConfluenceClient, ConfluenceResponse } from "../types.js";
import { authorship, savedBy, writeStarted } from "./authorship.js";
import { callOptions, resolveWrite, type SafeWriteOptions, type Verdict } from "./resolve.js";

export interface SafeUpdateTitle extends SafeWriteOptions {
  id: string;
  title: string;
}

export async function updatePageTitleSafely(
  client: ConfluenceClient,
  request: SafeUpdateTitle,
): Promise<ConfluenceResponse<Page>> {
  const { id, title } = request;
  const call = callOptions(request);
  const read = () => client.request<Page>({ ...call, path: "/pages/{id}", pathParams: { id } });
  // The version before: one read, so that "went up by one" is exact (a version the same user
  // saved seconds before is not taken for the retitle).
  const before = (await read()).data.version?.number;
  const startedAt = writeStarted();
  const probe = async (): Promise<Verdict<Page>> => {
    const page = await read();
    const version = page.data.version;
    if (before !== undefined && version?.number === before) return { state: "absent" };
    const who = await authorship(client, call, startedAt);
    if (
      before !== undefined &&
      version?.number === before + 1 &&
      page.data.title === title &&
      savedBy(version, who)
    ) {
      return { state: "applied", response: page };
    }
    return {
      state: "unknown",
      reason: `page ${id} went from version ${before ?? "?"} to ${version?.number ?? "?"}, which is not this retitle`,
    };
  };
  return resolveWrite(
    {
      operation: "updatePageTitle",
      method: "PUT",
      path: "/wiki/api/v2/pages/{id}/title",
      check: `whether page ${id} is titled ${JSON.stringify(title)} in a new version by you`,
      send: () =>
        client.request<Page>({
          ...call,
          method: "PUT",
          path: "/pages/{id}/title",
          pathParams: { id },
          body: { status: "current", title },
          idempotent: false,
        }),
      probe,
      // A retitle to the page's own title is allowed; nothing marks a repeat.
      isCollision: () => false,
    },
    request,
  );
}

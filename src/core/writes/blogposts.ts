// Ambiguity-safe blog post creation (createBlogPost of confluence-v2.json). Confluence locates a
// blog post by space, title and posting day (its Java API: ContentLocatorBuilder.BlogLocatorBuilder
// .bySpaceKeyTitleAndPostingDay,
// https://docs.atlassian.com/atlassian-confluence/6.3.3/com/atlassian/confluence/api/model/locator/ContentLocatorBuilder.BlogLocatorBuilder.html),
// so titles are unique per space and day, not per space as page titles are. The probe therefore
// does not rely on the title alone: a dropped create of a titled, current blog post is ours when
// `GET /blogposts?space-id=&title=&status=current` holds exactly one post with that title at
// version 1, saved by the connection's user since the first send (authorship.ts). None: not
// applied (sent again; a landed duplicate would be refused by the day rule). Drafts and untitled
// posts have no such rule and end as unknown rather than risking a duplicate.
import type { Page, PageBulk } from "../../types/confluence.js";
import type { ConfluenceClient, ConfluenceResponse } from "../types.js";
import { authorship, savedBy, writeStarted } from "./authorship.js";
import { pageMatches } from "./pages.js";
import {
  callOptions,
  isStatus,
  resolveWrite,
  type SafeCreateRequest,
  type Verdict,
} from "./resolve.js";

/** BlogPostCreateRequest, with createBlogPost's query. */
export type SafeCreateBlogPost = SafeCreateRequest;

export function createBlogPostSafely(
  client: ConfluenceClient,
  request: SafeCreateBlogPost,
): Promise<ConfluenceResponse<Page>> {
  const { body } = request;
  const call = callOptions(request);
  const title = typeof body.title === "string" ? body.title : "";
  const spaceId = String(body.spaceId);
  const startedAt = writeStarted();
  const probe = async (): Promise<Verdict<Page>> => {
    if (body.status === "draft" || title === "") {
      return { state: "unknown", reason: "drafts and untitled blog posts cannot be looked up" };
    }
    const who = await authorship(client, call, startedAt);
    const found = await client.listPage<PageBulk>("/blogposts", {
      ...call,
      query: { "space-id": spaceId, title, status: "current" },
    });
    const ours = found.results.filter(
      (post) => post.title === title && post.version?.number === 1 && savedBy(post.version, who),
    );
    if (ours.length === 0) return { state: "absent" };
    if (ours.length > 1) {
      return { state: "unknown", reason: `${ours.length} blog posts by you have this title` };
    }
    const post = await client.request<Page>({
      ...call,
      path: "/blogposts/{id}",
      pathParams: { id: ours[0]!.id },
      query: { "body-format": "storage" },
    });
    // createBlogPost's status defaults to "current", which the search required.
    return pageMatches(post.data, { ...body, status: "current" })
      ? { state: "applied", response: post }
      : { state: "unknown", reason: `blog post ${post.data.id} has this title but not our fields` };
  };
  return resolveWrite(
    {
      operation: "createBlogPost",
      method: "POST",
      path: "/wiki/api/v2/blogposts",
      check: `whether space ${spaceId} has a blog post titled ${JSON.stringify(title)} by you`,
      send: () =>
        client.request<Page>({
          ...call,
          method: "POST",
          path: "/blogposts",
          query: request.query,
          body,
          idempotent: false,
        }),
      probe,
      isCollision: (error) => isStatus(error, 400, 409),
    },
    request,
  );
}

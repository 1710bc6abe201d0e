// v2 operations the emulated site answers as a site without the feature does. Listed apart so
// the coverage report (npm run coverage:emulator) counts them as "unavailable", not implemented.
//
// Redaction (postRedactPage, postRedactBlog): "This endpoint requires Atlassian Guard Premium"
// (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-redactions/). The emulated
// site has no Guard Premium subscription, so the request is refused with 403 FORBIDDEN in the
// v2 error envelope after the content is found (a missing page is still a 404). Atlassian does
// not document the exact body of that refusal; the status is Confluence's for a caller lacking
// a product entitlement, and is listed as an exception in test/conformance/exceptions.ts.
import { ApiError, notFound } from "../errors.js";
import { params } from "../http.js";
import { WRITE_PAGE } from "../oauth/scopes-content.js";
import { pathId } from "../params.js";
import type { Route } from "../route.js";

const GUARD_PREMIUM = "This endpoint requires Atlassian Guard Premium";

export const UNAVAILABLE_ROUTES: readonly Route[] = (
  [
    ["pages", "page"],
    ["blogposts", "blogpost"],
  ] as const
).map(
  ([segment, type]): Route => ({
    method: "POST",
    path: `/wiki/api/v2/${segment}/:id/redact`,
    scopes: WRITE_PAGE,
    handler: async (ctx, request) => {
      const id = pathId(params(request).id!);
      if (!ctx.store.content.container(type, id)) throw notFound();
      throw new ApiError(403, GUARD_PREMIUM, "FORBIDDEN");
    },
  }),
);

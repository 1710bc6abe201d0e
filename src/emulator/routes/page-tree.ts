// The page tree and the title: GET /pages/{id}/children, /direct-children, /ancestors,
// /descendants and PUT /pages/{id}/title (getChildPages, getPageDirectChildren,
// getPageAncestors, getPageDescendants, updatePageTitle).
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-children/,
// .../api-group-ancestors/, .../api-group-descendants/, .../api-group-page/#api-pages-id-title-put

import { retitle } from "../domain/pages.js";
import { ancestorsOf, childrenOf, descendantsOf } from "../domain/tree.js";
import { badParameter, badRequest } from "../errors.js";
import { jsonObject, params, query, sendList } from "../http.js";
import { sendView } from "../list.js";
import type { PageRecord } from "../model.js";
import { READ_CONTENT_METADATA, READ_HIERARCHY, READ_PAGE, WRITE_PAGE } from "../oauth/scopes.js";
import { enumValue, integer, limit as limitParam } from "../params.js";
import type { Route } from "../route.js";
import { CHILD_PAGE_SORT_NAMES, CHILD_SORTS, CONTENT_SORT_NAMES } from "../sort-specs.js";
import { contentOf } from "./content-extras.js";
import { optionalString, written } from "./pages-write.js";

function childPage(page: PageRecord) {
  return {
    id: page.id,
    status: page.status as "current" | "archived",
    title: page.current.title,
    spaceId: page.spaceId,
    childPosition: page.position,
  };
}

function childrenRoute(
  path: string,
  scopes: Route["scopes"],
  sortNames: readonly string[],
  shape: (page: PageRecord) => unknown,
): Route {
  return {
    method: "GET",
    path,
    scopes,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const page = contentOf(ctx, "page", params(request).id!);
      // Children are listed by their position in the tree unless `sort` says otherwise.
      const sortName = enumValue(q, "sort", sortNames) ?? "child-position";
      return sendView(ctx, request, reply, {
        view: "children",
        filters: { id: page.id },
        candidates: () => childrenOf(ctx.store, page),
        sort: CHILD_SORTS[sortName]!,
        limit: limitParam(q),
        serialize: shape,
      });
    },
  };
}

export const PAGE_TREE_ROUTES: readonly Route[] = [
  childrenRoute("/wiki/api/v2/pages/:id/children", READ_PAGE, CHILD_PAGE_SORT_NAMES, childPage),
  // Direct children may be pages, whiteboards, databases, embeds or folders: each says its type.
  childrenRoute(
    "/wiki/api/v2/pages/:id/direct-children",
    READ_HIERARCHY,
    CONTENT_SORT_NAMES,
    (page) => ({ ...childPage(page), type: "page" }),
  ),

  {
    method: "GET",
    path: "/wiki/api/v2/pages/:id/ancestors",
    scopes: READ_CONTENT_METADATA,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const page = contentOf(ctx, "page", params(request).id!);
      const limit = limitParam(q);
      // No cursor: "If more results exist, call the endpoint with the highest ancestor's ID to
      // fetch the next set of results." So a limited answer holds the nearest ancestors.
      const chain = ancestorsOf(ctx.store, page).slice(-limit);
      return sendList(
        request,
        reply,
        chain.map((ancestor) => ({ id: ancestor.id, type: "page" as const })),
        undefined,
        limit,
      );
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/pages/:id/descendants",
    scopes: READ_HIERARCHY,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const page = contentOf(ctx, "page", params(request).id!);
      const depth = integer(q, "depth") ?? 2;
      if (depth < 1 || depth > 5) {
        throw badParameter("depth", String(depth), "integer between 1 and 5");
      }
      return sendView(ctx, request, reply, {
        view: "descendants",
        filters: { id: page.id, depth },
        candidates: (f) =>
          descendantsOf(ctx.store, page, f.depth).map((d, order) => ({ num: order, ...d })),
        // Keyset on the tree order computed above.
        sort: { name: "tree", key: (item) => item.num, descending: false },
        limit: limitParam(q),
        serialize: ({ page: child, depth: level }) => ({
          id: child.id,
          status: child.status,
          title: child.current.title,
          type: "page",
          parentId: child.parentId,
          depth: level,
          childPosition: child.position,
        }),
      });
    },
  },

  {
    method: "PUT",
    path: "/wiki/api/v2/pages/:id/title",
    scopes: WRITE_PAGE,
    handler: async (ctx, request) => {
      const page = contentOf(ctx, "page", params(request).id!);
      const body = jsonObject(request);
      const status = optionalString(body, "status");
      if (status !== "current" && status !== "draft") {
        throw badRequest("status must be current or draft");
      }
      const title = optionalString(body, "title");
      if (title === undefined || title.trim() === "") throw badRequest("title is required");
      const draft = retitle(ctx.store, page, {
        status,
        title,
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      });
      return written(ctx, page, request, draft && { revision: draft, status: "draft" });
    },
  },
];

// POST /gateway/api/graphql: a small real GraphQL schema over the emulator's own data. Errors
// follow GraphQL over HTTP: 200 with `errors` for query errors, 400 for an unusable request.
import { buildSchema, graphql } from "graphql";
import type { SiteContext } from "../context.js";
import { visibleTo } from "../domain/visibility.js";
import { badRequest } from "../errors.js";
import { jsonObject } from "../http.js";
import type { Route } from "../route.js";
import { pageNode, spaceNode } from "../serialize/graphql.js";

const schema = buildSchema(`
  type Query {
    confluence: ConfluenceQuery!
    customers(name: String): CustomerConnection!
  }
  type ConfluenceQuery {
    space(id: ID!): Space
    spaces(first: Int = 25, keys: [String!]): [Space!]!
    page(id: ID!): Page
    pages(spaceId: ID!, first: Int = 25): [Page!]!
  }
  type Space { id: ID! key: String! name: String! type: String! status: String! homepageId: ID }
  type Page {
    id: ID! title: String! status: String! spaceId: ID! parentId: ID
    version: Int! createdAt: String! body: String
  }
  type CustomerConnection { nodes: [Customer!]! }
  type Customer { id: ID! name: String! labels: [String!]! users: UserConnection! }
  type UserConnection { nodes: [User!]! }
  type User { id: ID! email: String! }
`);

const MAX_FIRST = 250;

// What the caller may not view is null / left out, as for any missing node (domain/visibility.ts).
function rootFor(ctx: SiteContext, visible: (item: unknown) => boolean) {
  return {
    confluence: () => ({
      space: ({ id }: { id: string }) => {
        const s = ctx.store.spaces.get(id);
        return s && visible(s) ? spaceNode(s) : null;
      },
      spaces: ({ first, keys }: { first: number; keys?: string[] }) =>
        [...ctx.store.spaces.values()]
          .filter((s) => visible(s) && (!keys || keys.includes(s.key)))
          .slice(0, Math.min(Math.max(first, 0), MAX_FIRST))
          .map(spaceNode),
      page: ({ id }: { id: string }) => {
        const p = ctx.store.pages.get(id);
        return p && p.status !== "draft" && visible(p) ? pageNode(p) : null;
      },
      pages: ({ spaceId, first }: { spaceId: string; first: number }) =>
        (ctx.store.pagesBySpace.get(spaceId) ?? [])
          .filter((p) => p.status === "current" && visible(p))
          .slice(0, Math.min(Math.max(first, 0), MAX_FIRST))
          .map(pageNode),
    }),
    // The shape of the connector's example query (Raw GraphQL Request default), over our users.
    customers: ({ name }: { name?: string }) => ({
      nodes: ctx.store.users
        .filter((u) => !name || u.displayName.toLowerCase().includes(name.toLowerCase()))
        .map((u) => ({
          id: u.accountId,
          name: u.displayName,
          labels: ["emulator"],
          users: { nodes: [{ id: u.accountId, email: u.email }] },
        })),
    }),
  };
}

/**
 * The GraphQL endpoint at `path`. Atlassian's API gateway serves the same GraphQL API at
 * /graphql (OAuth, src/emulator/oauth).
 */
export function graphqlRoute(path = "/gateway/api/graphql"): Route {
  return {
    method: "POST",
    path,
    scopes: "unchecked",
    handler: async (ctx, request) => {
      const body = jsonObject(request);
      if (typeof body.query !== "string") throw badRequest("Must provide query string.");
      const variables = body.variables;
      if (
        variables !== undefined &&
        variables !== null &&
        (typeof variables !== "object" || Array.isArray(variables))
      ) {
        throw badRequest("Variables must be an object.");
      }
      return graphql({
        schema,
        source: body.query,
        rootValue: rootFor(ctx, visibleTo(ctx.store, ctx.user(request))),
        variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
        operationName: typeof body.operationName === "string" ? body.operationName : undefined,
      });
    },
  };
}

// v1 createSpace, POST /wiki/rest/api/space (confluence-v1.json; 200 with the Space, 400 for a
// missing or taken key or name, https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-space/#api-wiki-rest-api-space-post).
// Unlike v2 createSpace, v1 requires the key ("key" and "name" are the required fields of
// SpaceCreate) and answers 200, not 201. The space and its homepage are created by the same
// domain rule as v2 (src/emulator/domain/spaces.ts).
import { createSpace } from "../domain/spaces.js";
import { badRequest } from "../errors.js";
import { jsonObject } from "../http.js";
import type { Route, ScopeAlternatives } from "../route.js";
import { v1Space } from "../serialize/v1.js";

/** createSpace's security table: the classic scope, or the granular (beta) set. */
const V1_CREATE_SPACE: ScopeAlternatives = [
  ["write:confluence-space"],
  ["read:space-details:confluence", "write:space:confluence", "write:space.permission:confluence"],
];

/** SpaceDescriptionCreate: `{ plain: { value, representation } }`; the plain value is kept. */
function description(body: Record<string, unknown>): string {
  const value = (body.description as { plain?: { value?: unknown } } | null | undefined)?.plain
    ?.value;
  if (body.description !== undefined && body.description !== null) {
    if (
      typeof body.description !== "object" ||
      (value !== undefined && typeof value !== "string")
    ) {
      throw badRequest("description.plain.value must be a string");
    }
  }
  return typeof value === "string" ? value : "";
}

export const V1_SPACE_CREATE_ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/wiki/rest/api/space",
    scopes: V1_CREATE_SPACE,
    handler: async (ctx, request) => {
      const body = jsonObject(request);
      if (typeof body.key !== "string" || body.key === "") throw badRequest("key is required");
      if (typeof body.name !== "string") throw badRequest("name is required");
      const space = createSpace(ctx.store, {
        name: body.name,
        key: body.key,
        description: description(body),
        isPrivate: false,
        authorId: ctx.user(request).accountId,
        now: new Date().toISOString(),
      });
      return v1Space(request, space);
    },
  },
];

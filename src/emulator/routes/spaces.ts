// GET /spaces, GET /spaces/{id} (getSpaces, getSpaceById).
import type { SpaceType } from "../../types/confluence.js";
import { notFound } from "../errors.js";
import { baseUrl, params, query, sendList } from "../http.js";
import type { SpaceRecord } from "../model.js";
import { READ_SPACE } from "../oauth/scopes.js";
import { bool, enumValue, idList, limit as limitParam, list, pathId, single } from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize.js";
import { SPACE_SORT_NAMES, SPACE_SORTS } from "../sort-specs.js";
import { sliceAfter, sortItems } from "../sorting.js";

const SPACE_TYPES: readonly SpaceType[] = [
  "global",
  "collaboration",
  "knowledge_base",
  "personal",
  "system",
  "onboarding",
  "xflow_sample_space",
];
const DESCRIPTION_FORMATS = ["plain", "view"] as const;

export const SPACES_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/spaces",
    scopes: READ_SPACE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const ids = idList(q, "ids");
      const keys = list(q, "keys");
      const type = enumValue(q, "type", SPACE_TYPES);
      const status = enumValue(q, "status", ["current", "archived"] as const);
      // "The results will be sorted by id ascending" unless `sort` says otherwise.
      const sortName = enumValue(q, "sort", SPACE_SORT_NAMES) ?? "id";
      const descriptionFormat = enumValue(q, "description-format", DESCRIPTION_FORMATS);
      bool(q, "include-icon", false);
      const limit = limitParam(q);
      const spec = SPACE_SORTS[sortName]!;
      const store = ctx.store;
      const viewKey = `spaces|${ids?.join(",") ?? ""}|${keys?.join(",") ?? ""}|${type ?? ""}|${status ?? ""}|${sortName}`;
      const sorted = ctx.views.get(viewKey, store.generation, () => {
        const candidates: SpaceRecord[] = ids
          ? ids.map((id) => store.spaces.get(id)).filter((s) => s !== undefined)
          : keys
            ? keys.map((key) => store.spacesByKey.get(key)).filter((s) => s !== undefined)
            : [...store.spaces.values()];
        const matches = candidates.filter(
          (space) =>
            (!keys || keys.includes(space.key)) &&
            (!type || space.type === type) &&
            (!status || space.status === status),
        );
        return sortItems(matches, spec);
      });
      const slice = sliceAfter(sorted, spec, single(q, "cursor"), limit);
      const results = slice.items.map((space) => serialize.space(space, descriptionFormat));
      return sendList(request, reply, results, slice.nextCursor, limit);
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id",
    scopes: READ_SPACE,
    handler: async (ctx, request) => {
      const q = query(request);
      const space = ctx.store.spaces.get(pathId(params(request).id!));
      if (!space) throw notFound();
      const result = serialize.space(
        space,
        enumValue(q, "description-format", DESCRIPTION_FORMATS),
      );
      for (const flag of [
        "include-icon",
        "include-operations",
        "include-properties",
        "include-permissions",
        "include-role-assignments",
        "include-labels",
      ]) {
        bool(q, flag, false);
      }
      result._links = { ...result._links, base: baseUrl(request) };
      return result;
    },
  },
];

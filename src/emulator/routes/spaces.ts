// GET /spaces, GET /spaces/{id} (getSpaces, getSpaceById).
import type { SpaceType } from "../../types/confluence.js";
import { notFound } from "../errors.js";
import { baseUrl, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { SpaceRecord } from "../model.js";
import { READ_SPACE } from "../oauth/scopes.js";
import { bool, enumValue, idList, limit as limitParam, list, pathId } from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";
import { SPACE_SORT_NAMES, SPACE_SORTS } from "../sort-specs.js";

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
      const store = ctx.store;
      return sendView(ctx, request, reply, {
        view: "spaces",
        filters: { ids, keys, type, status },
        candidates: (f) =>
          f.ids
            ? f.ids.map((id) => store.spaces.get(id)).filter((s) => s !== undefined)
            : f.keys
              ? f.keys.map((key) => store.spacesByKey.get(key)).filter((s) => s !== undefined)
              : store.spaces.values(),
        keep: (space: SpaceRecord, f) =>
          (!f.keys || f.keys.includes(space.key)) &&
          (!f.type || space.type === f.type) &&
          (!f.status || space.status === f.status),
        sort: SPACE_SORTS[sortName]!,
        limit,
        serialize: (space) => serialize.space(space, descriptionFormat),
      });
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

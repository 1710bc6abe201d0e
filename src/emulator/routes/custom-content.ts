// GET /custom-content, GET /custom-content/{id} (getCustomContentByType, getCustomContentById).
import { badRequest, notFound } from "../errors.js";
import { baseUrl, params, query } from "../http.js";
import { sendView } from "../list.js";
import type { CustomContentRecord } from "../model.js";
import { READ_CUSTOM_CONTENT } from "../oauth/scopes.js";
import { enumValue, idList, integer, limit as limitParam, pathId, single } from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";
import { CUSTOM_CONTENT_SORT_NAMES, CUSTOM_CONTENT_SORTS } from "../sort-specs.js";
import { applySingleIncludes } from "./single-includes.js";

const BULK_FORMATS = ["raw", "storage", "atlas_doc_format"] as const;
const SINGLE_FORMATS = [...BULK_FORMATS, "view", "export_view", "anonymous_export_view"] as const;

export const CUSTOM_CONTENT_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/custom-content",
    scopes: READ_CUSTOM_CONTENT,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const type = single(q, "type");
      if (!type) throw badRequest("The 'type' query parameter is required");
      const ids = idList(q, "id");
      const spaceIds = idList(q, "space-id", 100);
      const sortName = enumValue(q, "sort", CUSTOM_CONTENT_SORT_NAMES) ?? "id";
      const bodyFormat = enumValue(q, "body-format", BULK_FORMATS);
      const limit = limitParam(q);
      const store = ctx.store;
      // "404: Returned if the type of custom content is not found. Note, this is distinct from the
      // type being present, but no instances of the type, which would be a 200 with empty results."
      if (![...store.customContent.values()].some((c) => c.type === type)) throw notFound();
      return sendView(ctx, request, reply, {
        view: "custom-content",
        filters: { type, ids, spaceIds },
        candidates: () => store.customContent.values(),
        keep: (c: CustomContentRecord, f) =>
          c.type === f.type &&
          c.status === "current" &&
          (!f.ids || f.ids.includes(c.id)) &&
          (!f.spaceIds || f.spaceIds.includes(c.spaceId)),
        sort: CUSTOM_CONTENT_SORTS[sortName]!,
        limit,
        serialize: (c) =>
          serialize.customContent(c, store.spaces.get(c.spaceId)?.key ?? "", bodyFormat),
      });
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/custom-content/:id",
    scopes: READ_CUSTOM_CONTENT,
    handler: async (ctx, request) => {
      const q = query(request);
      const store = ctx.store;
      const record = store.customContent.get(pathId(params(request).id!));
      if (!record) throw notFound();
      const wanted = integer(q, "version");
      if (wanted !== undefined && wanted !== record.version.number) throw notFound();
      const bodyFormat = enumValue(q, "body-format", SINGLE_FORMATS);
      const spaceKey = store.spaces.get(record.spaceId)?.key ?? "";
      return applySingleIncludes(ctx, q, serialize.customContent(record, spaceKey, bodyFormat), {
        self: `/wiki/api/v2/custom-content/${record.id}`,
        ownerKind: "customContent",
        id: record.id,
        targetType: "custom_content",
        operations: ["read", "update", "delete"],
        version: record.version,
        base: baseUrl(request),
      });
    },
  },
];

// Label reads of the v2 API: GET /labels, /labels/{id}/pages, /labels/{id}/blogposts,
// /labels/{id}/attachments, /attachments/{id}/labels, /spaces/{id}/labels,
// /spaces/{id}/content/labels (getLabels, getLabelPages, getLabelBlogPosts,
// getLabelAttachments, getAttachmentLabels, getSpaceLabels, getSpaceContentLabels).
// https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-label/
import type { Label } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import { notFound } from "../errors.js";
import { params, query } from "../http.js";
import { sendView } from "../list.js";
import type { ContentKind } from "../model.js";
import { READ_ATTACHMENT, READ_LABEL, READ_PAGE, READ_SPACE } from "../oauth/scopes.js";
import { attachmentId, enumValue, idList, limit as limitParam, list, pathId } from "../params.js";
import type { Route } from "../route.js";
import * as serialize from "../serialize/v2.js";
import {
  ATTACHMENT_SORTS,
  LABEL_SORT_NAMES,
  LABEL_SORTS,
  type LabelItem,
  PAGE_SORTS,
} from "../sort-specs.js";
import { labelsHandler } from "./content-extras.js";

const BULK_FORMATS = ["storage", "atlas_doc_format"] as const;
/** getSpaceLabels / getSpaceContentLabels accept only these prefixes. */
const SPACE_LABEL_PREFIXES = ["my", "team"] as const;

function labelOf(ctx: SiteContext, raw: string): Label {
  const label = ctx.store.labels.get(pathId(raw));
  if (!label) throw notFound();
  return label;
}

/** The records of one kind carrying that label (from the store's label index). */
function labelled<T>(ctx: SiteContext, labelId: string, byId: ReadonlyMap<string, T>): T[] {
  const out: T[] = [];
  for (const id of ctx.store.labelledWith(labelId)) {
    const record = byId.get(id);
    if (record !== undefined) out.push(record);
  }
  return out;
}

function labelledContentRoute(kind: ContentKind, segment: string): Route {
  return {
    method: "GET",
    path: `/wiki/api/v2/labels/:id/${segment}`,
    scopes: READ_PAGE,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const label = labelOf(ctx, params(request).id!);
      const spaceIds = idList(q, "space-id", 100);
      const bodyFormat = enumValue(q, "body-format", BULK_FORMATS);
      const sortNames =
        kind === "page"
          ? Object.keys(PAGE_SORTS)
          : ["id", "-id", "created-date", "-created-date", "modified-date", "-modified-date"];
      const sortName = enumValue(q, "sort", sortNames) ?? "id";
      const { byId } = ctx.store.contentOf(kind);
      return sendView(ctx, request, reply, {
        view: `labelled:${kind}`,
        filters: { label: label.id, spaceIds },
        // The store's label index: the work is the labelled content's size, not the site's.
        candidates: (f) => labelled(ctx, f.label, byId),
        keep: (record, f) =>
          record.status === "current" && (!f.spaceIds || f.spaceIds.includes(record.spaceId)),
        sort: PAGE_SORTS[sortName]!,
        limit: limitParam(q),
        serialize: (record) =>
          serialize.content(record, ctx.store.spaces.get(record.spaceId)?.key ?? "", bodyFormat),
      });
    },
  };
}

export const LABELS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/api/v2/labels",
    scopes: READ_LABEL,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const ids = idList(q, "label-id");
      const prefixes = list(q, "prefix");
      const sortName = enumValue(q, "sort", LABEL_SORT_NAMES) ?? "id";
      return sendView(ctx, request, reply, {
        view: "labels",
        filters: { ids, prefixes },
        candidates: (f) =>
          (f.ids
            ? f.ids.map((id) => ctx.store.labels.get(id)).filter((l) => l !== undefined)
            : [...ctx.store.labels.values()]
          ).map((label): LabelItem => ({ num: Number(label.id), label })),
        keep: (item, f) => !f.prefixes || f.prefixes.includes(item.label.prefix),
        sort: LABEL_SORTS[sortName]!,
        limit: limitParam(q),
        serialize: (item) => item.label,
      });
    },
  },

  labelledContentRoute("page", "pages"),
  labelledContentRoute("blogpost", "blogposts"),

  {
    method: "GET",
    path: "/wiki/api/v2/labels/:id/attachments",
    scopes: READ_ATTACHMENT,
    handler: async (ctx, request, reply) => {
      const q = query(request);
      const label = labelOf(ctx, params(request).id!);
      const sortName =
        enumValue(q, "sort", [
          "created-date",
          "-created-date",
          "modified-date",
          "-modified-date",
        ]) ?? "created-date";
      return sendView(ctx, request, reply, {
        view: "labelled:attachment",
        filters: { label: label.id },
        candidates: (f) => labelled(ctx, f.label, ctx.store.attachments),
        keep: (attachment) => attachment.status === "current",
        sort: ATTACHMENT_SORTS[sortName]!,
        limit: limitParam(q),
        serialize: serialize.attachment,
      });
    },
  },

  {
    method: "GET",
    path: "/wiki/api/v2/attachments/:id/labels",
    scopes: READ_ATTACHMENT,
    handler: labelsHandler(
      "attachment",
      (ctx, id) => ctx.store.attachments.get(attachmentId(id)),
      (attachment) => attachment.labels,
    ),
  },

  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/labels",
    scopes: READ_SPACE,
    handler: labelsHandler(
      "space",
      (ctx, id) => ctx.store.spaces.get(pathId(id)),
      (space) => space.labels,
      SPACE_LABEL_PREFIXES,
    ),
  },

  // "Returns the labels of space content (pages, databases, and folders) in a space."
  {
    method: "GET",
    path: "/wiki/api/v2/spaces/:id/content/labels",
    scopes: READ_SPACE,
    handler: labelsHandler(
      "space-content",
      (ctx, id) => ctx.store.spaces.get(pathId(id)),
      (space, ctx) => {
        const seen = new Map<string, Label>();
        for (const kind of ["page", "blogpost"] as const) {
          for (const record of ctx.store.contentOf(kind).bySpace.get(space.id) ?? []) {
            for (const label of record.labels) seen.set(label.id, label);
          }
        }
        return [...seen.values()];
      },
      SPACE_LABEL_PREFIXES,
    ),
  },
];

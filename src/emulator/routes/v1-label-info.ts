// v1 label information: GET /wiki/rest/api/label?name= (getAllLabelContent, "Returns label
// information and a list of contents associated with the label"), the only operation that finds
// a label's id from its name (v2 GET /labels filters by id and prefix only).
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-label-info/#api-wiki-rest-api-label-get
import type { Label } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import { badParameter, badRequest, notFound } from "../errors.js";
import { query } from "../http.js";
import type { ContentKind } from "../model.js";
import { V1_LABEL_INFO } from "../oauth/scopes.js";
import { enumValue, integer, single } from "../params.js";
import type { Route } from "../route.js";

const TYPES = ["page", "blogpost", "attachment", "page_template"] as const;

/** The label with this name; a bare name is a global label, `my:name` / `team:name` prefixed. */
function labelNamed(ctx: SiteContext, raw: string): Label {
  const [prefix, name] = raw.includes(":") ? raw.split(":", 2) : ["global", raw];
  const label = ctx.store.labelsByName.get(`${prefix}:${(name ?? "").toLowerCase()}`);
  if (label === undefined) throw notFound();
  return label;
}

/** LabeledContent items: current pages, blog posts and attachments carrying the label. */
function contentsWith(ctx: SiteContext, label: Label, type: string | undefined) {
  const items: { contentType: string; contentId: number; title: string }[] = [];
  for (const kind of ["page", "blogpost"] as const satisfies readonly ContentKind[]) {
    if (type !== undefined && type !== kind) continue;
    for (const record of ctx.store.contentOf(kind).byId.values()) {
      if (record.status === "current" && record.labels.some((held) => held.id === label.id)) {
        items.push({
          contentType: kind,
          contentId: Number(record.id),
          title: record.current.title,
        });
      }
    }
  }
  if (type === undefined || type === "attachment") {
    for (const attachment of ctx.store.attachments.values()) {
      if (attachment.status === "current" && attachment.labels.some((h) => h.id === label.id)) {
        const contentId = Number(attachment.id.replace(/^att/, ""));
        items.push({ contentType: "attachment", contentId, title: attachment.title });
      }
    }
  }
  return items;
}

export const V1_LABEL_INFO_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/rest/api/label",
    scopes: V1_LABEL_INFO,
    handler: async (ctx, request) => {
      const q = query(request);
      const name = single(q, "name");
      if (name === undefined || name.trim() === "") throw badRequest("name is required");
      const type = enumValue(q, "type", TYPES);
      const start = integer(q, "start") ?? 0;
      const limit = integer(q, "limit") ?? 200;
      if (start < 0) throw badParameter("start", String(start), "non-negative int");
      if (limit < 0) throw badParameter("limit", String(limit), "non-negative int");
      const label = labelNamed(ctx, name.trim());
      const results = contentsWith(ctx, label, type).slice(start, start + limit);
      return {
        label: { ...label, label: label.name },
        associatedContents: { results, start, limit, size: results.length },
      };
    },
  },
];

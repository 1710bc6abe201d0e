// v1 content labels — the only label writes Confluence Cloud has (the v2 API reads labels only):
// GET/POST /wiki/rest/api/content/{id}/label, DELETE /wiki/rest/api/content/{id}/label?name=,
// DELETE /wiki/rest/api/content/{id}/label/{label} (getLabelsForContent, addLabelsToContent,
// removeLabelFromContentUsingQueryParameter, removeLabelFromContent).
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-labels/
import type { FastifyRequest } from "fastify";
import type { Label } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import { addLabels, type Labelled, labelName, labelPrefix, removeLabel } from "../domain/labels.js";
import { ApiError, badParameter, badRequest, notFound } from "../errors.js";
import { params, query } from "../http.js";
import { V1_ADD_LABELS, V1_READ_LABELS, V1_REMOVE_LABEL } from "../oauth/scopes.js";
import { enumValue, integer, single } from "../params.js";
import type { Route } from "../route.js";
import { links } from "../serialize/v1.js";

/** The labelled content a v1 content id names: a page, a blog post or an attachment. */
function contentFor(ctx: SiteContext, raw: string): Labelled {
  // Any id the v2 format allows (int64, up to 19 digits) is looked up: removeLabel declares no 400.
  if (!/^(att)?[0-9]{1,19}$/.test(raw)) throw new ApiError(400, "The content id is invalid");
  const store = ctx.store;
  const content =
    store.pages.get(raw) ??
    store.blogposts.get(raw) ??
    store.attachments.get(raw.startsWith("att") ? raw : `att${raw}`);
  if (!content) throw notFound();
  return content;
}

/** v1 Label: the v2 fields plus `label` (the name again). */
const v1Label = (label: Label) => ({ ...label, label: label.name });

function labelArray(
  request: FastifyRequest,
  id: string,
  labels: readonly Label[],
  start: number,
  limit: number,
) {
  const page = labels.slice(start, start + limit);
  return {
    results: page.map(v1Label),
    start,
    limit,
    size: page.length,
    _links: links(request, `/rest/api/content/${id}/label`),
  };
}

/** LabelCreate or LabelCreateArray: `{prefix, name}` or a list of them. */
function labelsToAdd(body: unknown): { prefix: string; name: string }[] {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) throw badRequest("At least one label is required");
  return items.map((item) => {
    if (typeof item !== "object" || item === null) throw badRequest("A label must be an object");
    const { prefix, name } = item as Record<string, unknown>;
    return { prefix: labelPrefix(prefix), name: labelName(name) };
  });
}

export const V1_LABELS_ROUTES: readonly Route[] = [
  {
    method: "GET",
    path: "/wiki/rest/api/content/:id/label",
    scopes: V1_READ_LABELS,
    handler: async (ctx, request) => {
      const q = query(request);
      const id = params(request).id!;
      const content = contentFor(ctx, id);
      const prefix = enumValue(q, "prefix", ["global", "my", "team"] as const);
      const start = integer(q, "start") ?? 0;
      // getLabelsForContent: limit defaults to 200.
      const limit = integer(q, "limit") ?? 200;
      if (start < 0) throw badParameter("start", String(start), "non-negative int");
      if (limit < 0) throw badParameter("limit", String(limit), "non-negative int");
      const labels = content.labels.filter((l) => prefix === undefined || l.prefix === prefix);
      return labelArray(request, id, labels, start, limit);
    },
  },

  {
    method: "POST",
    path: "/wiki/rest/api/content/:id/label",
    scopes: V1_ADD_LABELS,
    handler: async (ctx, request) => {
      const id = params(request).id!;
      const content = contentFor(ctx, id);
      addLabels(ctx.store, content, labelsToAdd(request.body));
      // Answers with the content's labels after the addition.
      return labelArray(request, id, content.labels, 0, 200);
    },
  },

  // For names containing "/", which cannot be a path segment.
  {
    method: "DELETE",
    path: "/wiki/rest/api/content/:id/label",
    scopes: V1_REMOVE_LABEL,
    handler: async (ctx, request, reply) => {
      const content = contentFor(ctx, params(request).id!);
      const name = single(query(request), "name");
      if (name === undefined || name === "") throw badRequest("name is required");
      removeLabel(ctx.store, content, name);
      return reply.code(204).send();
    },
  },

  {
    method: "DELETE",
    path: "/wiki/rest/api/content/:id/label/:label",
    scopes: V1_REMOVE_LABEL,
    handler: async (ctx, request, reply) => {
      const content = contentFor(ctx, params(request).id!);
      removeLabel(ctx.store, content, params(request).label!);
      return reply.code(204).send();
    },
  },
];

// Content properties of comments (getCommentContentProperties ... deleteCommentPropertyById) and
// of the tree content types (folders, whiteboards, databases, smart links): the same five rows
// as pages' (properties.ts), one owner each.
import { pathId } from "../params.js";
import type { Route } from "../route.js";
import { type OwnerRoute, ownerRoutes } from "./properties.js";
import { TREE_TYPES } from "./tree-types.js";

const OWNERS: OwnerRoute[] = [
  {
    kind: "comment",
    segment: "comments",
    noun: "comment",
    parseId: (raw) => pathId(raw, "comment-id"),
    exists: (ctx, id) => ctx.store.content.comments.has(id),
  },
  ...TREE_TYPES.map(
    (t): OwnerRoute => ({
      kind: t.type,
      segment: t.segment,
      noun: t.noun,
      parseId: (raw) => pathId(raw, `${t.type}-id`),
      exists: (ctx, id) => ctx.store.content.tree.get(id)?.type === t.type,
    }),
  ),
];

export const CONTENT_PROPERTIES_ROUTES: readonly Route[] = OWNERS.flatMap(ownerRoutes);

// Records → the nodes of the emulator's small GraphQL schema (src/emulator/routes/graphql.ts).
import type { PageRecord, SpaceRecord } from "../model.js";

export function spaceNode(s: SpaceRecord) {
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    type: s.type,
    status: s.status,
    homepageId: s.homepageId,
  };
}

export function pageNode(p: PageRecord) {
  return {
    id: p.id,
    title: p.current.title,
    status: p.status,
    spaceId: p.spaceId,
    parentId: p.parentId ?? null,
    version: p.current.version.number,
    createdAt: p.createdAt,
    body: p.current.body ?? "",
  };
}

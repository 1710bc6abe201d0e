// Tree content records → FolderSingle, WhiteboardSingle, DatabaseSingle, SmartLinkSingle.
import type { TreeContentRecord } from "../model-content.js";
import { version } from "./v2.js";

/** The web UI path segment of each type, as Confluence links them. */
const WEBUI: Record<TreeContentRecord["type"], string> = {
  folder: "folder",
  whiteboard: "whiteboard",
  database: "database",
  embed: "embed",
};

export function treeContent(record: TreeContentRecord, spaceKey: string) {
  const webui = `/spaces/${encodeURIComponent(spaceKey)}/${WEBUI[record.type]}/${record.id}`;
  return {
    id: record.id,
    type: record.type,
    status: record.status,
    title: record.title,
    ...(record.parentId !== undefined
      ? { parentId: record.parentId, parentType: record.parentType }
      : {}),
    position: null,
    authorId: record.authorId,
    ownerId: record.ownerId,
    createdAt: record.createdAt,
    ...(record.type === "embed" ? { embedUrl: record.embedUrl } : {}),
    spaceId: record.spaceId,
    version: version(record.version),
    _links: record.type === "whiteboard" ? { webui, editui: webui } : { webui },
  };
}

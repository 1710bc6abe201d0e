// Sort orders of the v2 list endpoints (PageSortOrder, SpaceSortOrder, AttachmentSortOrder,
// ContentPropertySortOrder, CustomContentSortOrder). Without `sort`, Confluence lists by id.
import type { Label } from "../types/confluence.js";
import type {
  AttachmentRecord,
  CustomContentRecord,
  PageRecord,
  PropertyRecord,
  Revision,
  SpaceRecord,
} from "./model.js";
import type { SortSpec } from "./sorting.js";

type Keyed<T> = Record<string, (item: T) => string | number>;

function specs<T extends { num: number }>(keys: Keyed<T>): Record<string, SortSpec<T>> {
  const out: Record<string, SortSpec<T>> = {};
  for (const [name, key] of Object.entries(keys)) {
    out[name] = { name, key, descending: false };
    out[`-${name}`] = { name: `-${name}`, key, descending: true };
  }
  return out;
}

export const PAGE_SORTS = specs<PageRecord>({
  id: (p) => p.num,
  "created-date": (p) => p.createdAt,
  "modified-date": (p) => p.current.version.createdAt,
  title: (p) => p.current.title,
});

export const SPACE_SORTS = specs<SpaceRecord>({
  id: (s) => s.num,
  key: (s) => s.key,
  name: (s) => s.name,
});

export const ATTACHMENT_SORTS = specs<AttachmentRecord>({
  id: (a) => a.num,
  "created-date": (a) => a.createdAt,
  "modified-date": (a) => a.version.createdAt,
});

export const CUSTOM_CONTENT_SORTS = specs<CustomContentRecord>({
  id: (c) => c.num,
  "created-date": (c) => c.createdAt,
  "modified-date": (c) => c.version.createdAt,
  title: (c) => c.title,
});

export const PROPERTY_SORTS = specs<PropertyRecord>({
  id: (p) => p.num,
  key: (p) => p.key,
});

/** The names a client may send (the OpenAPI enum); `id` for attachments/properties is ours. */
export const PAGE_SORT_NAMES = Object.keys(PAGE_SORTS);
export const SPACE_SORT_NAMES = Object.keys(SPACE_SORTS);
export const ATTACHMENT_SORT_NAMES = [
  "created-date",
  "-created-date",
  "modified-date",
  "-modified-date",
];
export const CUSTOM_CONTENT_SORT_NAMES = Object.keys(CUSTOM_CONTENT_SORTS);
export const PROPERTY_SORT_NAMES = ["key", "-key"];

// --- emu1: versions, labels, child pages (VersionSortOrder, LabelSortOrder, ChildPageSortOrder,
// ContentSortOrder) ---

/** A version of a page or blog post in a list; `num` is the version number. */
export interface VersionItem {
  num: number;
  revision: Revision;
}

export const VERSION_SORTS = specs<VersionItem>({
  "modified-date": (v) => v.revision.version.createdAt,
});
export const VERSION_SORT_NAMES = Object.keys(VERSION_SORTS);

/** A label in a list; `num` is its numeric id. */
export interface LabelItem {
  num: number;
  label: Label;
}

export const LABEL_SORTS = specs<LabelItem>({
  id: (l) => l.num,
  // Label ids grow with creation, so creation order is id order.
  "created-date": (l) => l.num,
  name: (l) => l.label.name,
});
export const LABEL_SORT_NAMES = Object.keys(LABEL_SORTS);

export const CHILD_SORTS = specs<PageRecord>({
  id: (p) => p.num,
  "created-date": (p) => p.createdAt,
  "modified-date": (p) => p.current.version.createdAt,
  "child-position": (p) => p.position,
  title: (p) => p.current.title,
});
export const CHILD_PAGE_SORT_NAMES = Object.keys(CHILD_SORTS).filter((n) => !n.endsWith("title"));
export const CONTENT_SORT_NAMES = Object.keys(CHILD_SORTS);

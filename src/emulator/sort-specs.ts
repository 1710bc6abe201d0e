// Sort orders of the v2 list endpoints (PageSortOrder, SpaceSortOrder, AttachmentSortOrder,
// ContentPropertySortOrder, CustomContentSortOrder). Without `sort`, Confluence lists by id.
import type {
  AttachmentRecord,
  CustomContentRecord,
  PageRecord,
  PropertyRecord,
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

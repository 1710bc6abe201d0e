// Confluence Cloud wire types, shared by the core client and the emulator.
// Names and fields follow the component schemas of Atlassian's REST API v2 OpenAPI document
// (confluence-v2.json: PageBulk, PageSingle, SpaceBulk, AttachmentBulk, ContentProperty, ...)
// and, for the few v1 endpoints we touch, confluence-v1.json. Optional fields are optional
// because Confluence omits them depending on query flags (include-*, body-format).

/** ContentStatus (v2). */
export type ContentStatus =
  | "current"
  | "draft"
  | "archived"
  | "historical"
  | "trashed"
  | "deleted"
  | "any";

/** ParentContentType (v2). */
export type ParentContentType = "page" | "whiteboard" | "database" | "embed" | "folder";

/** SpaceType (v2). */
export type SpaceType =
  | "global"
  | "collaboration"
  | "knowledge_base"
  | "personal"
  | "system"
  | "onboarding"
  | "xflow_sample_space";

/** SpaceStatus (v2). */
export type SpaceStatus = "current" | "archived";

/** PageSortOrder (v2). */
export type PageSortOrder =
  | "id"
  | "-id"
  | "created-date"
  | "-created-date"
  | "modified-date"
  | "-modified-date"
  | "title"
  | "-title";

/** SpaceSortOrder (v2). */
export type SpaceSortOrder = "id" | "-id" | "key" | "-key" | "name" | "-name";

/** AttachmentSortOrder (v2). */
export type AttachmentSortOrder =
  | "created-date"
  | "-created-date"
  | "modified-date"
  | "-modified-date";

/** ContentPropertySortOrder (v2). */
export type ContentPropertySortOrder = "key" | "-key";

/** CustomContentSortOrder (v2). */
export type CustomContentSortOrder = PageSortOrder;

/** PrimaryBodyRepresentation (v2, list endpoints). */
export type PrimaryBodyRepresentation = "storage" | "atlas_doc_format";

/** PrimaryBodyRepresentationSingle (v2, get-by-id endpoints). */
export type PrimaryBodyRepresentationSingle =
  | PrimaryBodyRepresentation
  | "view"
  | "export_view"
  | "anonymous_export_view"
  | "styled_view"
  | "editor";

/** Version (v2). */
export interface Version {
  createdAt: string;
  message: string;
  number: number;
  minorEdit: boolean;
  authorId: string;
}

/** BodyType (v2). */
export interface BodyType {
  representation: string;
  value: string;
}

/** BodyBulk / BodySingle (v2): only the requested representation is present. */
export interface Body {
  storage?: BodyType;
  atlas_doc_format?: BodyType;
  view?: BodyType;
}

/** CustomContentBodyBulk (v2). */
export interface CustomContentBody {
  raw?: BodyType;
  storage?: BodyType;
  atlas_doc_format?: BodyType;
}

/** AbstractPageLinks (v2). */
export interface PageLinks {
  webui?: string;
  editui?: string;
  tinyui?: string;
  /** Present on single-entity responses (getPageById, createPage, updatePage). */
  base?: string;
}

/** Label (v2). */
export interface Label {
  id: string;
  name: string;
  prefix: string;
}

/** Operation (v2). */
export interface Operation {
  operation: string;
  targetType: string;
}

/** Like (v2). */
export interface Like {
  accountId: string;
}

/** OptionalFieldMeta (v2). */
export interface OptionalFieldMeta {
  hasMore: boolean;
  cursor?: string;
}

/** OptionalFieldLinks (v2). */
export interface OptionalFieldLinks {
  self?: string;
}

/** The `{ results, meta, _links }` wrapper of include-* fields on single entities. */
export interface OptionalField<T> {
  results: T[];
  meta: OptionalFieldMeta;
  _links: OptionalFieldLinks;
}

/** PageBulk (v2). */
export interface PageBulk {
  id: string;
  status: ContentStatus;
  title: string;
  spaceId: string;
  parentId?: string;
  parentType?: ParentContentType;
  position?: number | null;
  authorId: string;
  ownerId?: string | null;
  lastOwnerId?: string | null;
  subtype?: string | null;
  createdAt: string;
  version?: Version;
  body?: Body;
  _links: PageLinks;
}

/** PageSingle (v2), as returned by getPageById / createPage / updatePage. */
export interface Page extends PageBulk {
  labels?: OptionalField<Label>;
  properties?: OptionalField<ContentProperty>;
  operations?: OptionalField<Operation>;
  likes?: OptionalField<Like>;
  versions?: OptionalField<Version>;
  isFavoritedByCurrentUser?: boolean;
}

/** SpaceDescription (v2). */
export interface SpaceDescription {
  plain?: BodyType;
  view?: BodyType;
}

/** SpaceIcon (v2). */
export interface SpaceIcon {
  path: string;
  apiDownloadLink?: string;
}

/** SpaceLinks (v2); `base` only on getSpaceById. */
export interface SpaceLinks {
  webui?: string;
  base?: string;
}

/** SpaceBulk / SpaceSingle (v2). */
export interface Space {
  id: string;
  key: string;
  name: string;
  type: SpaceType;
  status: SpaceStatus;
  authorId: string;
  createdAt: string;
  homepageId: string;
  currentActiveAlias?: string;
  description?: SpaceDescription | null;
  icon?: SpaceIcon | null;
  _links: SpaceLinks;
}

/** AttachmentLinks (v2). */
export interface AttachmentLinks {
  webui?: string;
  download?: string;
  base?: string;
}

/** AttachmentBulk / AttachmentSingle (v2). */
export interface Attachment {
  id: string;
  status: ContentStatus;
  title: string;
  createdAt: string;
  pageId?: string;
  blogPostId?: string;
  customContentId?: string;
  mediaType: string;
  mediaTypeDescription?: string;
  comment?: string;
  fileId: string;
  fileSize: number;
  webuiLink: string;
  downloadLink: string;
  version?: Version;
  labels?: OptionalField<Label>;
  properties?: OptionalField<ContentProperty>;
  operations?: OptionalField<Operation>;
  versions?: OptionalField<Version>;
  _links: AttachmentLinks;
}

/** CustomContentLinks (v2). */
export interface CustomContentLinks {
  webui?: string;
  base?: string;
}

/** CustomContentBulk / CustomContentSingle (v2). */
export interface CustomContent {
  id: string;
  type: string;
  status: ContentStatus;
  title: string;
  spaceId?: string;
  pageId?: string;
  blogPostId?: string;
  customContentId?: string;
  authorId: string;
  createdAt: string;
  version?: Version;
  body?: CustomContentBody;
  labels?: OptionalField<Label>;
  properties?: OptionalField<ContentProperty>;
  operations?: OptionalField<Operation>;
  versions?: OptionalField<Version>;
  _links: CustomContentLinks;
}

/** Any JSON value: content property values are arbitrary JSON. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** ContentProperty (v2). */
export interface ContentProperty {
  id: string;
  key: string;
  value: JsonValue;
  version: Version;
}

/** ContentPropertyCreateRequest (v2). */
export interface ContentPropertyCreateRequest {
  key: string;
  value: JsonValue;
}

/** ContentPropertyUpdateRequest (v2): `version.number` must be the current number + 1. */
export interface ContentPropertyUpdateRequest {
  key: string;
  value: JsonValue;
  version: { number: number; message?: string };
}

/** PageBodyWrite (v2). */
export interface PageBodyWrite {
  representation: "storage" | "atlas_doc_format" | "wiki";
  value: string;
}

/** createPage request body (v2). */
export interface PageCreateRequest {
  spaceId: string;
  status?: "current" | "draft";
  title?: string;
  parentId?: string;
  body?: PageBodyWrite;
  subtype?: "live";
}

/** updatePage request body (v2): `version.number` must be the current number + 1. */
export interface PageUpdateRequest {
  id: string;
  status: "current" | "draft";
  title: string;
  spaceId?: string;
  parentId?: string;
  ownerId?: string;
  body: PageBodyWrite;
  version: { number: number; message?: string };
}

/** MultiEntityLinks (v2): `next` is a relative URL carrying the opaque cursor. */
export interface MultiEntityLinks {
  next?: string;
  base?: string;
}

/** MultiEntityResult<T> (v2): every list endpoint. */
export interface MultiEntityResult<T> {
  results: T[];
  _links: MultiEntityLinks;
}

/** One entry of the v2 error envelope. */
export interface V2Error {
  status: number;
  code: string;
  title: string;
  detail: string | null;
}

/** Error body of the v2 REST API: `{ errors: [{ status, code, title, detail }] }`. */
export interface V2ErrorBody {
  errors: V2Error[];
}

/** Error body of the v1 REST API. */
export interface V1ErrorBody {
  statusCode: number;
  message: string;
  data?: { authorized: boolean; valid: boolean; errors: unknown[]; successful: boolean };
}

/** GenericLinks (v1). */
export interface V1Links {
  self?: string;
  base?: string;
  context?: string;
  webui?: string;
  [name: string]: string | undefined;
}

/** Space (v1): numeric id. */
export interface V1Space {
  id: number;
  key: string;
  name: string;
  type: string;
  status: string;
  _expandable: Record<string, string>;
  _links: V1Links;
}

/** SpaceArray (v1): offset paginated. */
export interface V1SpaceArray {
  results: V1Space[];
  start: number;
  limit: number;
  size: number;
  _links: V1Links;
}

/** Version (v1). */
export interface V1Version {
  when: string;
  number: number;
  minorEdit: boolean;
  message?: string;
  _expandable?: Record<string, string>;
  _links?: V1Links;
}

/** Content (v1). */
export interface V1Content {
  id: string;
  type: string;
  status: string;
  title?: string;
  version?: V1Version;
  extensions?: Record<string, unknown>;
  _expandable?: Record<string, string>;
  _links?: V1Links;
}

/** ContentArray (v1). */
export interface V1ContentArray {
  results: V1Content[];
  start?: number;
  limit?: number;
  size: number;
  _links: V1Links;
}

/** User (v1), as returned by getCurrentUser. */
export interface V1User {
  type: "known" | "unknown" | "anonymous" | "user";
  accountId?: string;
  accountType?: string;
  email?: string;
  publicName?: string;
  displayName?: string;
  profilePicture?: { path: string; width: number; height: number; isDefault: boolean };
  _expandable?: Record<string, string>;
  _links?: V1Links;
}

/** A GraphQL response envelope. */
export interface GraphQLResponse<T = unknown> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

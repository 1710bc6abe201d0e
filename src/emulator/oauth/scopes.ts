// Which OAuth 2.0 scopes each emulated operation needs, hand-copied from the `security`
// (`oAuthDefinitions`) and `x-atlassian-oauth2-scopes` of each operation in Atlassian's OpenAPI
// documents (confluence-v2.json, confluence-v1.json; operation ids in the comments). Each entry
// lists alternatives: a token satisfies the operation when it holds every scope of one of them
// (v1 accepts either the classic scope or the granular set).

export interface ScopeRule {
  method: string;
  /** Site path (after any `/ex/confluence/{cloudId}` prefix), without the query. */
  path: RegExp;
  alternatives: readonly (readonly string[])[];
}

const ID = "[^/]+";
const v2 = (path: string) => new RegExp(`^/wiki/api/v2${path.replaceAll("{id}", ID)}/?$`);
const v1 = (path: string) => new RegExp(`^/wiki/rest/api${path.replaceAll("{id}", ID)}/?$`);

const READ_PAGE = ["read:page:confluence"];
const READ_ATTACHMENT = ["read:attachment:confluence"];
const READ_CUSTOM = ["read:custom-content:confluence"];

export const SCOPE_RULES: readonly ScopeRule[] = [
  // getSpaces, getSpaceById
  { method: "GET", path: v2("/spaces"), alternatives: [["read:space:confluence"]] },
  { method: "GET", path: v2("/spaces/{id}"), alternatives: [["read:space:confluence"]] },
  // getPages, getPagesInSpace, getPageById
  { method: "GET", path: v2("/pages"), alternatives: [READ_PAGE] },
  { method: "GET", path: v2("/spaces/{id}/pages"), alternatives: [READ_PAGE] },
  { method: "GET", path: v2("/pages/{id}"), alternatives: [READ_PAGE] },
  // createPage, updatePage, deletePage
  { method: "POST", path: v2("/pages"), alternatives: [["write:page:confluence"]] },
  { method: "PUT", path: v2("/pages/{id}"), alternatives: [["write:page:confluence"]] },
  { method: "DELETE", path: v2("/pages/{id}"), alternatives: [["delete:page:confluence"]] },
  // getAttachments, getPageAttachments, getAttachmentById, deleteAttachment
  { method: "GET", path: v2("/attachments"), alternatives: [READ_ATTACHMENT] },
  { method: "GET", path: v2("/pages/{id}/attachments"), alternatives: [READ_ATTACHMENT] },
  { method: "GET", path: v2("/attachments/{id}"), alternatives: [READ_ATTACHMENT] },
  {
    method: "DELETE",
    path: v2("/attachments/{id}"),
    alternatives: [["delete:attachment:confluence"]],
  },
  // getCustomContentByType, getCustomContentById
  { method: "GET", path: v2("/custom-content"), alternatives: [READ_CUSTOM] },
  { method: "GET", path: v2("/custom-content/{id}"), alternatives: [READ_CUSTOM] },
  // get/create/update/delete{Page,Attachment,CustomContent}Property(ById): reads need the
  // owner's read scope, writes and deletes its read and write scopes.
  ...propertyRules("pages", "page"),
  ...propertyRules("attachments", "attachment"),
  ...propertyRules("custom-content", "custom-content"),
  // v1 searchByCQL, searchContentByCQL (classic search:confluence; granular: the docs list
  // read:content-details:confluence, confluence-v1.json x-atlassian-oauth2-scopes). Before
  // getContentById, whose `/content/{id}` also matches `/content/search`.
  ...["/search", "/content/search"].map((path) => ({
    method: "GET",
    path: v1(path),
    alternatives: [["search:confluence"], ["read:content-details:confluence"]],
  })),
  // v1 getSpaces, getContentById, createAttachment, getCurrentUser
  {
    method: "GET",
    path: v1("/space"),
    alternatives: [["read:confluence-space.summary"], ["read:content-details:confluence"]],
  },
  {
    method: "GET",
    path: v1("/content/{id}"),
    alternatives: [["read:confluence-content.summary"], ["read:content-details:confluence"]],
  },
  {
    method: "POST",
    path: v1("/content/{id}/child/attachment"),
    alternatives: [
      ["write:confluence-file"],
      ["read:content-details:confluence", "write:attachment:confluence"],
    ],
  },
  {
    method: "GET",
    path: v1("/user/current"),
    alternatives: [["read:confluence-user"], ["read:content-details:confluence"]],
  },
];

function propertyRules(segment: string, noun: string): ScopeRule[] {
  const read = [`read:${noun}:confluence`];
  const write = [`read:${noun}:confluence`, `write:${noun}:confluence`];
  const list = v2(`/${segment}/{id}/properties`);
  const one = v2(`/${segment}/{id}/properties/{id}`);
  return [
    { method: "GET", path: list, alternatives: [read] },
    { method: "POST", path: list, alternatives: [write] },
    { method: "GET", path: one, alternatives: [read] },
    { method: "PUT", path: one, alternatives: [write] },
    { method: "DELETE", path: one, alternatives: [write] },
  ];
}

/** The alternatives an operation needs, or undefined when it is not in the table (no check). */
export function requiredScopes(
  method: string,
  sitePath: string,
): readonly (readonly string[])[] | undefined {
  const upper = method.toUpperCase();
  return SCOPE_RULES.find((rule) => rule.method === upper && rule.path.test(sitePath))
    ?.alternatives;
}

export function scopesSatisfy(
  granted: readonly string[],
  alternatives: readonly (readonly string[])[],
): boolean {
  return alternatives.some((set) => set.every((scope) => granted.includes(scope)));
}

// The OAuth 2.0 scope sets the emulated operations need, hand-copied from the `security`
// (`oAuthDefinitions`) and `x-atlassian-oauth2-scopes` of each operation in Atlassian's OpenAPI
// documents (confluence-v2.json, confluence-v1.json; operation ids in the comments). Each route
// row (src/emulator/route.ts) names one of these in its `scopes`; the gateway checks the row of
// the matched route. Each value lists alternatives: a token satisfies the operation when it
// holds every scope of one of them (v1 accepts either the classic scope or the granular set).
import type { ScopeAlternatives } from "../route.js";

const one = (scope: string): ScopeAlternatives => [[scope]];
/** A single-scope requirement, for route modules naming a scope used once. */
export const oneScope = one;

/** getSpaces, getSpaceById. */
export const READ_SPACE = one("read:space:confluence");
/** getPages, getPagesInSpace, getPageById. */
export const READ_PAGE = one("read:page:confluence");
/** createPage, updatePage. */
export const WRITE_PAGE = one("write:page:confluence");
/** deletePage. */
export const DELETE_PAGE = one("delete:page:confluence");
/** getAttachments, getPageAttachments, getAttachmentById. */
export const READ_ATTACHMENT = one("read:attachment:confluence");
/** deleteAttachment. */
export const DELETE_ATTACHMENT = one("delete:attachment:confluence");
/** getCustomContentByType, getCustomContentById. */
export const READ_CUSTOM_CONTENT = one("read:custom-content:confluence");

/**
 * get/create/update/delete{Page,Attachment,CustomContent}Property(ById): reads need the owner's
 * read scope, writes and deletes its read and write scopes.
 */
export function propertyScopes(noun: string): {
  read: ScopeAlternatives;
  write: ScopeAlternatives;
} {
  return {
    read: [[`read:${noun}:confluence`]],
    write: [[`read:${noun}:confluence`, `write:${noun}:confluence`]],
  };
}

/**
 * v1 searchByCQL, searchContentByCQL (classic search:confluence; granular: the docs list
 * read:content-details:confluence, confluence-v1.json x-atlassian-oauth2-scopes).
 */
export const V1_SEARCH: ScopeAlternatives = [
  ["search:confluence"],
  ["read:content-details:confluence"],
];
/** v1 getSpaces. */
export const V1_READ_SPACE: ScopeAlternatives = [
  ["read:confluence-space.summary"],
  ["read:content-details:confluence"],
];
/** v1 getContentById. */
export const V1_READ_CONTENT: ScopeAlternatives = [
  ["read:confluence-content.summary"],
  ["read:content-details:confluence"],
];
/** v1 createAttachment. */
export const V1_CREATE_ATTACHMENT: ScopeAlternatives = [
  ["write:confluence-file"],
  ["read:content-details:confluence", "write:attachment:confluence"],
];
/** v1 getCurrentUser. */
export const V1_CURRENT_USER: ScopeAlternatives = [
  ["read:confluence-user"],
  ["read:content-details:confluence"],
];

// --- emu1: spaces, blog posts, labels, the page tree, v1 labels/spaces/long tasks ---
/** createSpace; space property writes (with read:space). */
export const WRITE_SPACE = one("write:space:confluence");
export const SPACE_PROPERTY_WRITE: ScopeAlternatives = [
  ["read:space:confluence", "write:space:confluence"],
];
/** getSpacePermissionsAssignments is read:space; the permission/role catalogues need this. */
export const READ_SPACE_PERMISSION = one("read:space.permission:confluence");
/** getLabels. */
export const READ_LABEL = one("read:label:confluence");
/** getPageDirectChildren, getPageDescendants. */
export const READ_HIERARCHY = one("read:hierarchical-content:confluence");
/** getPageAncestors. */
export const READ_CONTENT_METADATA = one("read:content.metadata:confluence");
/** v1 getLabelsForContent. */
export const V1_READ_LABELS: ScopeAlternatives = [
  ["read:confluence-content.summary"],
  ["read:label:confluence"],
];
/** v1 addLabelsToContent. */
export const V1_ADD_LABELS: ScopeAlternatives = [
  ["write:confluence-content"],
  ["read:label:confluence", "write:label:confluence"],
];
/** v1 removeLabelFromContent(UsingQueryParameter). */
export const V1_REMOVE_LABEL: ScopeAlternatives = [
  ["write:confluence-content"],
  ["write:label:confluence"],
];
/** v1 deleteSpace. */
export const V1_DELETE_SPACE: ScopeAlternatives = [
  ["write:confluence-space"],
  ["read:content.metadata:confluence", "delete:space:confluence"],
];
/** v1 getTasks. */
export const V1_READ_TASKS = one("read:content.metadata:confluence");
/** v1 getTask. */
export const V1_READ_TASK: ScopeAlternatives = [
  ["read:confluence-space.summary"],
  ["read:content.metadata:confluence"],
];
// --- end emu1 ---

export function scopesSatisfy(
  granted: readonly string[],
  alternatives: ScopeAlternatives,
): boolean {
  return alternatives.some((set) => set.every((scope) => granted.includes(scope)));
}

/** getAllLabelContent (GET /wiki/rest/api/label): current scope, or the granular pair. */
export const V1_LABEL_INFO: ScopeAlternatives = [
  ["read:confluence-content.summary"],
  ["read:label:confluence", "read:content:confluence"],
];
// --- actA: v1 movePage and restoreContentVersion (confluence-v1.json x-atlassian-oauth2-scopes) ---
/** v1 movePage. */
export const V1_MOVE_PAGE: ScopeAlternatives = [
  ["write:confluence-content"],
  ["write:page:confluence"],
];
/** v1 restoreContentVersion. */
export const V1_RESTORE_VERSION: ScopeAlternatives = [
  ["write:confluence-content"],
  ["read:content-details:confluence", "write:content:confluence"],
];

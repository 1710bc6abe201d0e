// The OAuth 2.0 scope sets the emulated operations need, hand-copied from the `security`
// (`oAuthDefinitions`) and `x-atlassian-oauth2-scopes` of each operation in Atlassian's OpenAPI
// documents (confluence-v2.json, confluence-v1.json; operation ids in the comments). Each route
// row (src/emulator/route.ts) names one of these in its `scopes`; the gateway checks the row of
// the matched route. Each value lists alternatives: a token satisfies the operation when it
// holds every scope of one of them (v1 accepts either the classic scope or the granular set).
import type { ScopeAlternatives } from "../route.js";

const one = (scope: string): ScopeAlternatives => [[scope]];

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

export function scopesSatisfy(
  granted: readonly string[],
  alternatives: ScopeAlternatives,
): boolean {
  return alternatives.some((set) => set.every((scope) => granted.includes(scope)));
}

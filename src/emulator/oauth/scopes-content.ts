// OAuth 2.0 scopes of the comment, custom content, tree content, task, user and site-settings
// operations, copied from each operation's `security` (oAuthDefinitions) in Atlassian's
// confluence-v2.json (operation ids in the comments). See scopes.ts for the shape.
import type { ScopeAlternatives } from "../route.js";

const one = (...scopes: string[]): ScopeAlternatives => [scopes];

/** get*Comment*, get{Page,BlogPost}{Footer,Inline}Comments, getAttachmentComments... */
export const READ_COMMENT = one("read:comment:confluence");
/** createFooterComment, updateFooterComment, createInlineComment, updateInlineComment. */
export const WRITE_COMMENT = one("write:comment:confluence");
/** deleteFooterComment, deleteInlineComment. */
export const DELETE_COMMENT = one("delete:comment:confluence");
/** createCustomContent, updateCustomContent. */
export const WRITE_CUSTOM_CONTENT = one("write:custom-content:confluence");
/** deleteCustomContent. */
export const DELETE_CUSTOM_CONTENT = one("delete:custom-content:confluence");
/** getCustomContentByTypeInPage/InBlogPost/InSpace, getCustomContentLabels, versions... */
export const READ_CUSTOM_CONTENT = one("read:custom-content:confluence");
/** getPageAttachments-like listings of custom content attachments. */
export const READ_ATTACHMENT = one("read:attachment:confluence");
/** get{Folder,Whiteboard,Database,SmartLink}{DirectChildren,Descendants}. */
export const READ_HIERARCHY = one("read:hierarchical-content:confluence");
/** get*Ancestors, convertContentIdsToContentTypes. */
export const READ_CONTENT_METADATA = one("read:content.metadata:confluence");
/** getTasks, getTaskById. */
export const READ_TASK = one("read:task:confluence");
/** updateTask. */
export const WRITE_TASK = one("write:task:confluence");
/** createBulkUserLookup. */
export const READ_USER = one("read:user:confluence");
/** checkAccessByEmail, inviteByEmail, getDataPolicyMetadata, getClassificationLevels. */
export const READ_CONFIGURATION = one("read:configuration:confluence");
/** getDataPolicySpaces, getSpaceDefaultClassificationLevel. */
export const READ_SPACE = one("read:space:confluence");
/** put/deleteSpaceDefaultClassificationLevel. */
export const WRITE_SPACE = one("read:space:confluence", "write:space:confluence");
/** getAvailableSpacePermissions. */
export const READ_SPACE_PERMISSION = one("read:space.permission:confluence");
/** getForgeAppProperties, getForgeAppProperty. */
export const READ_APP_DATA = one("read:app-data:confluence");
/** putForgeAppProperty, deleteForgeAppProperty. */
export const WRITE_APP_DATA = one("write:app-data:confluence");
/** getPageClassificationLevel, getBlogPostClassificationLevel. */
export const READ_WRITE_PAGE = one("read:page:confluence", "write:page:confluence");
/** put/postPageClassificationLevel, put/postBlogPostClassificationLevel. */
export const WRITE_PAGE = one("write:page:confluence");

/** The read / write / delete scopes of a tree content type (folder, whiteboard...). */
export function contentTypeScopes(noun: string) {
  return {
    read: one(`read:${noun}:confluence`),
    write: one(`write:${noun}:confluence`),
    delete: one(`delete:${noun}:confluence`),
  };
}

/**
 * The admin key operations declare no OAuth scope: "Forge and OAuth2 apps cannot access this
 * REST resource" (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-admin-key/).
 * A scope no token can be granted makes the gateway refuse every OAuth call, as Atlassian does.
 */
export const ADMIN_KEY = one("admin-key:no-oauth-access");

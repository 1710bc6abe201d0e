// Every action: the specification's, in its order, then those beyond it. Kept apart from the runner (src/catalog/run.ts) and
// the client factory: importing the definitions loads no HTTP client (undici) and no GraphQL
// parser, only the core's errors, header rules and safe-write helpers, so the CLI can build its
// help from them in a few milliseconds and load the rest only when an action runs.
import type { ActionDef } from "../types.js";
import * as attachmentFiles from "./attachment-files.js";
import * as attachments from "./attachments.js";
import * as blogposts from "./blogposts.js";
import * as comments from "./comments.js";
import * as labels from "./labels.js";
import * as tree from "./page-tree.js";
import * as pages from "./pages.js";
import { propertyActions } from "./properties.js";
import * as raw from "./raw.js";
import * as search from "./search.js";
import * as spaces from "./spaces.js";
import * as spacesUsers from "./spaces-users.js";

const all: readonly ActionDef[] = [
  pages.createPage,
  pages.getPage,
  pages.updatePage,
  pages.deletePage,
  pages.listPages,
  pages.listPagesInSpace,
  spaces.listSpaces,
  spaces.getSpace,
  attachments.listAttachments,
  attachments.getAttachment,
  attachments.deleteAttachment,
  attachments.getPageAttachment,
  ...propertyActions,
  raw.rawRequest,
  raw.graphqlRequest,
  // Beyond the specification (documented in a section of their own).
  search.searchContent,
  search.getPageByTitle,
  labels.listContentLabels,
  labels.addLabels,
  labels.removeLabel,
  labels.listPagesWithLabel,
  attachmentFiles.uploadAttachment,
  attachmentFiles.downloadAttachment,
  spacesUsers.createSpace,
  spacesUsers.deleteSpace,
  spacesUsers.getSpaceByKey,
  spacesUsers.getCurrentUser,
  spacesUsers.getUsersByAccountIds,
  // Page tree and history, comments, blog posts (issue 13 items 2, 3, 5).
  tree.listPageChildren,
  tree.listPageDescendants,
  tree.listPageAncestors,
  tree.movePage,
  tree.updatePageTitle,
  tree.listPageVersions,
  tree.getPageVersion,
  tree.restorePageVersion,
  comments.listPageFooterComments,
  comments.listBlogPostFooterComments,
  comments.listCommentReplies,
  comments.createFooterComment,
  comments.replyToFooterComment,
  comments.updateFooterComment,
  comments.deleteFooterComment,
  comments.listPageInlineComments,
  comments.listBlogPostInlineComments,
  comments.createInlineComment,
  comments.resolveInlineComment,
  blogposts.createBlogPost,
  blogposts.getBlogPost,
  blogposts.listBlogPostsInSpace,
  blogposts.updateBlogPost,
  blogposts.deleteBlogPost,
] as ActionDef[];

/** Every action by key. */
export const actions: Readonly<Record<string, ActionDef>> = Object.fromEntries(
  all.map((action) => [action.key, action]),
);

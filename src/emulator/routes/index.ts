// The route table of one emulated site: every v1/v2/GraphQL endpoint, one row each
// (src/emulator/route.ts). A new endpoint is a row in its module's table; its scopes ride along.
import type { Route } from "../route.js";
import { ATTACHMENT_VERSIONS_ROUTES } from "./attachment-versions.js";
import { ATTACHMENTS_ROUTES } from "./attachments.js";
import { BLOGPOSTS_ROUTES } from "./blogposts.js";
import { CLASSIFICATION_ROUTES } from "./classification.js";
import { COMMENT_LISTINGS_ROUTES } from "./comment-listings.js";
import { COMMENTS_ROUTES } from "./comments.js";
import { CONTENT_EXTRAS_ROUTES } from "./content-extras.js";
import { CONTENT_PROPERTIES_ROUTES } from "./content-properties.js";
import { CUSTOM_CONTENT_ROUTES } from "./custom-content.js";
import { CUSTOM_CONTENT_RELATED_ROUTES } from "./custom-content-related.js";
import { CUSTOM_CONTENT_WRITE_ROUTES } from "./custom-content-write.js";
import { DOWNLOADS_ROUTES } from "./download.js";
import { graphqlRoute } from "./graphql.js";
import { LABELS_ROUTES } from "./labels.js";
import { PAGE_TREE_ROUTES } from "./page-tree.js";
import { PAGE_READS_ROUTES } from "./pages-read.js";
import { PAGE_WRITES_ROUTES } from "./pages-write.js";
import { PROPERTIES_ROUTES } from "./properties.js";
import { SEARCH_ROUTES } from "./search.js";
import { SITE_SETTINGS_ROUTES } from "./site-settings.js";
import { SPACE_PERMISSIONS_ROUTES } from "./space-permissions.js";
import { SPACES_ROUTES } from "./spaces.js";
import { TASKS_ROUTES } from "./tasks.js";
import { TREE_CONTENT_ROUTES } from "./tree-content.js";
import { UNAVAILABLE_ROUTES } from "./unavailable.js";
import { USERS_ACCESS_ROUTES } from "./users-access.js";
import { V1_ROUTES } from "./v1.js";
import { V1_ATTACHMENT_DOWNLOAD_ROUTES } from "./v1-attachment-download.js";
import { V1_ATTACHMENTS_ROUTES } from "./v1-attachments.js";
import { V1_CONTENT_TREE_ROUTES } from "./v1-content-tree.js";
import { V1_LABEL_INFO_ROUTES } from "./v1-label-info.js";
import { V1_LABELS_ROUTES } from "./v1-labels.js";
import { V1_RESTRICTIONS_ROUTES } from "./v1-restrictions.js";
import { V1_SPACE_CREATE_ROUTES } from "./v1-space-create.js";
import { V1_SPACES_ROUTES } from "./v1-spaces.js";

export const SITE_ROUTES: readonly Route[] = [
  ...SPACES_ROUTES,
  ...PAGE_READS_ROUTES,
  ...PAGE_WRITES_ROUTES,
  ...ATTACHMENTS_ROUTES,
  ...ATTACHMENT_VERSIONS_ROUTES,
  ...CUSTOM_CONTENT_ROUTES,
  ...PROPERTIES_ROUTES,
  ...V1_ROUTES,
  ...COMMENTS_ROUTES,
  ...COMMENT_LISTINGS_ROUTES,
  ...CONTENT_PROPERTIES_ROUTES,
  ...TREE_CONTENT_ROUTES,
  ...CUSTOM_CONTENT_WRITE_ROUTES,
  ...CUSTOM_CONTENT_RELATED_ROUTES,
  ...TASKS_ROUTES,
  ...USERS_ACCESS_ROUTES,
  ...SITE_SETTINGS_ROUTES,
  ...CLASSIFICATION_ROUTES,
  ...UNAVAILABLE_ROUTES,
  // emu1: blog posts, shared page/blog-post extras, the page tree, labels, space permissions,
  // v1 labels, spaces and long tasks.
  ...BLOGPOSTS_ROUTES,
  ...CONTENT_EXTRAS_ROUTES,
  ...PAGE_TREE_ROUTES,
  ...LABELS_ROUTES,
  ...SPACE_PERMISSIONS_ROUTES,
  ...V1_LABELS_ROUTES,
  ...V1_SPACES_ROUTES,
  ...V1_SPACE_CREATE_ROUTES,
  ...SEARCH_ROUTES,
  ...DOWNLOADS_ROUTES,
  // actB: label lookup by name, attachment uploads by file name.
  ...V1_LABEL_INFO_ROUTES,
  ...V1_ATTACHMENTS_ROUTES,
  // actA: v1 move and version restore.
  ...V1_CONTENT_TREE_ROUTES,
  // v1-fidelity: v1 attachment download (any version), content restrictions.
  ...V1_ATTACHMENT_DOWNLOAD_ROUTES,
  ...V1_RESTRICTIONS_ROUTES,
  graphqlRoute(),
];

// The OAuth scopes an endpoint needs, to say which one is missing when Atlassian answers
// "401 Unauthorized; scope does not match" (its body never names the scope). Derived from the
// `security`/`x-atlassian-oauth2-scopes` of confluence-v2.json and confluence-v1.json:
// v2 operations follow one pattern — `<verb>:<resource>:confluence` with read for GET, write
// for POST/PUT, delete for DELETE (e.g. getPageById read:page, createPage write:page,
// deletePage delete:page) — except content properties, whose writes and deletes need the
// owner's read and write scopes (createPageProperty, deletePagePropertyById), blog posts, which
// use the page scopes (getBlogPosts read:page, createBlogPost write:page, deleteBlogPost
// delete:page), and the operations listed in V2_RULES. v1 operations accept a classic scope or a
// granular set, listed below per operation.

export type ScopeAlternatives = readonly (readonly string[])[];

// Resource segment of /wiki/api/v2/<segment>/... → scope noun.
const V2_NOUNS: Record<string, string> = {
  spaces: "space",
  pages: "page",
  blogposts: "page",
  attachments: "attachment",
  "custom-content": "custom-content",
  comments: "comment",
  "footer-comments": "comment",
  "inline-comments": "comment",
  labels: "label",
  tasks: "task",
  whiteboards: "whiteboard",
  databases: "database",
  folders: "folder",
  embeds: "embed",
};

const one = (...scopes: string[]): ScopeAlternatives => [scopes];

// v2 operations outside the pattern, by path under /wiki/api/v2 (first match wins); from the same
// OpenAPI `security` entries (operation ids in the comments).
const V2_RULES: readonly { method: string; path: RegExp; scopes: ScopeAlternatives }[] = [
  // get{Page,BlogPost}{Footer,Inline}Comments, getAttachmentComments, getCustomContentComments
  {
    method: "GET",
    path: /^\/[^/]+\/[^/]+\/(footer|inline)-comments\/?$/,
    scopes: one("read:comment:confluence"),
  },
  // getCustomContentByTypeIn{Page,BlogPost,Space}
  {
    method: "GET",
    path: /^\/[^/]+\/[^/]+\/custom-content\/?$/,
    scopes: one("read:custom-content:confluence"),
  },
  // get*DirectChildren, get*Descendants
  {
    method: "GET",
    path: /^\/[^/]+\/[^/]+\/(direct-children|descendants)\/?$/,
    scopes: one("read:hierarchical-content:confluence"),
  },
  // get*Ancestors
  {
    method: "GET",
    path: /^\/[^/]+\/[^/]+\/ancestors\/?$/,
    scopes: one("read:content.metadata:confluence"),
  },
  // get{Page,BlogPost}ClassificationLevel
  {
    method: "GET",
    path: /^\/(pages|blogposts)\/[^/]+\/classification-level\/?$/,
    scopes: one("read:page:confluence", "write:page:confluence"),
  },
  // put/post{Page,BlogPost}ClassificationLevel
  {
    method: "*",
    path: /^\/(pages|blogposts)\/[^/]+\/classification-level(\/reset)?\/?$/,
    scopes: one("write:page:confluence"),
  },
  // getSpaceDefaultClassificationLevel; put/deleteSpaceDefaultClassificationLevel
  {
    method: "GET",
    path: /^\/spaces\/[^/]+\/classification-level\/default\/?$/,
    scopes: one("read:space:confluence"),
  },
  {
    method: "*",
    path: /^\/spaces\/[^/]+\/classification-level\/default\/?$/,
    scopes: one("read:space:confluence", "write:space:confluence"),
  },
  // postRedactPage, postRedactBlog
  {
    method: "POST",
    path: /^\/(pages|blogposts)\/[^/]+\/redact\/?$/,
    scopes: one("write:page:confluence"),
  },
  { method: "POST", path: /^\/users-bulk\/?$/, scopes: one("read:user:confluence") }, // createBulkUserLookup
  // checkAccessByEmail, inviteByEmail, getDataPolicyMetadata, getClassificationLevels
  { method: "POST", path: /^\/user\/access\//, scopes: one("read:configuration:confluence") },
  {
    method: "GET",
    path: /^\/data-policies\/metadata\/?$/,
    scopes: one("read:configuration:confluence"),
  },
  {
    method: "GET",
    path: /^\/classification-levels\/?$/,
    scopes: one("read:configuration:confluence"),
  },
  { method: "GET", path: /^\/data-policies\/spaces\/?$/, scopes: one("read:space:confluence") }, // getDataPolicySpaces
  // convertContentIdsToContentTypes
  {
    method: "POST",
    path: /^\/content\/convert-ids-to-types\/?$/,
    scopes: one("read:content.metadata:confluence"),
  },
  {
    method: "GET",
    path: /^\/space-permissions\/?$/,
    scopes: one("read:space.permission:confluence"),
  },
  // getForgeAppProperties, getForgeAppProperty; putForgeAppProperty, deleteForgeAppProperty
  { method: "GET", path: /^\/app\/properties(\/|$)/, scopes: one("read:app-data:confluence") },
  { method: "*", path: /^\/app\/properties(\/|$)/, scopes: one("write:app-data:confluence") },
  // The admin key declares no OAuth scope: "Forge and OAuth2 apps cannot access this REST
  // resource"; no scope can make the call succeed.
  { method: "*", path: /^\/admin-key\/?$/, scopes: one("admin-key:no-oauth-access") }, // getSpaceRoleAssignments, setSpaceRoleAssignments
  {
    method: "GET",
    path: /^\/spaces\/[^/]+\/role-assignments\/?$/,
    scopes: one("read:space.permission:confluence"),
  },
  {
    method: "POST",
    path: /^\/spaces\/[^/]+\/role-assignments\/?$/,
    scopes: one("write:space.permission:confluence"),
  },
  // getAvailableSpaceRoles, getSpaceRolesById
  {
    method: "GET",
    path: /^\/space-roles(\/[^/]+)?\/?$/,
    scopes: one("read:space.permission:confluence"),
  },
  // createSpaceRole, updateSpaceRole, deleteSpaceRole
  {
    method: "*",
    path: /^\/space-roles(\/[^/]+)?\/?$/,
    scopes: one("write:configuration:confluence"),
  },
  // getSpaceRoleMode
  { method: "GET", path: /^\/space-role-mode\/?$/, scopes: one("read:configuration:confluence") },
];

const VERBS: Record<string, string> = {
  GET: "read",
  POST: "write",
  PUT: "write",
  DELETE: "delete",
};

const V1_RULES: readonly { method: string; path: RegExp; scopes: ScopeAlternatives }[] = [
  {
    method: "PUT",
    path: /^\/content\/[^/]+\/move\/[^/]+\/[^/]+\/?$/, // movePage
    scopes: [["write:confluence-content"], ["write:page:confluence"]],
  },
  {
    method: "POST",
    path: /^\/content\/[^/]+\/version\/?$/, // restoreContentVersion
    scopes: [
      ["write:confluence-content"],
      ["read:content-details:confluence", "write:content:confluence"],
    ],
  },
  {
    method: "POST",
    path: /^\/space\/?$/, // createSpace
    scopes: [
      ["write:confluence-space"],
      [
        "read:space-details:confluence",
        "write:space:confluence",
        "write:space.permission:confluence",
      ],
    ],
  },
  {
    method: "GET",
    path: /^\/space\/?$/, // getSpaces
    scopes: [["read:confluence-space.summary"], ["read:content-details:confluence"]],
  },
  {
    method: "GET",
    // searchByCQL, searchContentByCQL; before getContentById, which also matches /content/search
    path: /^\/(content\/)?search\/?$/,
    scopes: [["search:confluence"], ["read:content-details:confluence"]],
  },
  {
    method: "GET",
    path: /^\/content\/[^/]+\/?$/, // getContentById
    scopes: [["read:confluence-content.summary"], ["read:content-details:confluence"]],
  },
  {
    method: "POST",
    path: /^\/content\/[^/]+\/child\/attachment\/?$/, // createAttachment
    scopes: [
      ["write:confluence-file"],
      ["read:content-details:confluence", "write:attachment:confluence"],
    ],
  },
  {
    method: "PUT",
    path: /^\/content\/[^/]+\/child\/attachment\/?$/, // createOrUpdateAttachments
    scopes: [
      ["write:confluence-file"],
      ["read:content-details:confluence", "write:attachment:confluence"],
    ],
  },
  {
    method: "GET",
    // getCurrentUser, getUser (by account id), getBulkUserLookup
    path: /^\/user(\/current|\/bulk)?\/?$/,
    scopes: [["read:confluence-user"], ["read:content-details:confluence"]],
  },
  {
    method: "GET",
    path: /^\/content\/[^/]+\/label\/?$/, // getLabelsForContent
    scopes: [["read:confluence-content.summary"], ["read:label:confluence"]],
  },
  {
    method: "GET",
    path: /^\/label\/?$/, // getAllLabelContent
    scopes: [
      ["read:confluence-content.summary"],
      ["read:label:confluence", "read:content:confluence"],
    ],
  },
  {
    method: "POST",
    path: /^\/content\/[^/]+\/label\/?$/, // addLabelsToContent
    scopes: [["write:confluence-content"], ["read:label:confluence", "write:label:confluence"]],
  },
  {
    method: "DELETE",
    path: /^\/content\/[^/]+\/label(\/[^/]+)?\/?$/, // removeLabelFromContent(UsingQueryParameter)
    scopes: [["write:confluence-content"], ["write:label:confluence"]],
  },
  {
    method: "GET",
    path: /^\/space\/[^/]+\/?$/, // getSpace
    scopes: [["read:confluence-space.summary"], ["read:content-details:confluence"]],
  },
  {
    method: "DELETE",
    path: /^\/space\/[^/]+\/?$/, // deleteSpace
    scopes: [
      ["write:confluence-space"],
      ["read:content.metadata:confluence", "delete:space:confluence"],
    ],
  },
  {
    method: "GET",
    path: /^\/longtask\/?$/, // getTasks
    scopes: [["read:content.metadata:confluence"]],
  },
  {
    method: "GET",
    path: /^\/longtask\/[^/]+\/?$/, // getTask
    scopes: [["read:confluence-space.summary"], ["read:content.metadata:confluence"]],
  },
  {
    method: "GET",
    path: /^\/content\/[^/]+\/child\/attachment\/[^/]+\/download\/?$/, // downloadAttatchment
    scopes: [["readonly:content.attachment:confluence"], ["read:attachment:confluence"]],
  },
  {
    method: "GET",
    path: /^\/content\/[^/]+\/restriction\/byOperation\/[^/]+\/user\/?$/, // getContentRestrictionStatusForUser
    scopes: [["read:confluence-content.all"], ["read:content.restriction:confluence"]],
  },
  {
    method: "PUT",
    path: /^\/content\/[^/]+\/restriction\/byOperation\/[^/]+\/user\/?$/, // addUserToContentRestriction
    scopes: [["write:confluence-content"], ["write:content.restriction:confluence"]],
  },
  {
    method: "DELETE",
    path: /^\/content\/[^/]+\/restriction\/byOperation\/[^/]+\/user\/?$/, // removeUserFromContentRestriction
    scopes: [["write:confluence-content"], ["write:content.restriction:confluence"]],
  },
  {
    method: "GET",
    // getRestrictions, getRestrictionsByOperation, getRestrictionsForOperation
    path: /^\/content\/[^/]+\/restriction(\/byOperation(\/[^/]+)?)?\/?$/,
    scopes: [["read:confluence-content.all"], ["read:content-details:confluence"]],
  },
];

/** Scopes `method path` needs; `path` may carry a gateway prefix and a query. */
export function scopesForRequest(method: string, url: string): ScopeAlternatives | undefined {
  const upper = method.toUpperCase();
  let path: string;
  try {
    path = new URL(url, "http://x").pathname;
  } catch {
    return undefined;
  }
  const v1 = /\/wiki\/rest\/api(\/.*)$/.exec(path);
  if (v1) return V1_RULES.find((rule) => rule.method === upper && rule.path.test(v1[1]!))?.scopes;
  const v2Path = /\/wiki\/api\/v2(\/.*)$/.exec(path)?.[1];
  const rule =
    v2Path === undefined
      ? undefined
      : V2_RULES.find((r) => (r.method === upper || r.method === "*") && r.path.test(v2Path));
  if (rule) return rule.scopes;
  const v2 = /\/wiki\/api\/v2\/([^/]+)(?:\/[^/]+(?:\/([^/]+))?)?/.exec(path);
  if (!v2) return undefined;
  const noun = V2_NOUNS[v2[1]!];
  const verb = VERBS[upper];
  if (noun === undefined || verb === undefined) return undefined;
  if (v2[2] === "properties") {
    const read = `read:${noun}:confluence`;
    return upper === "GET" ? [[read]] : [[read, `write:${noun}:confluence`]];
  }
  if (v2[2] === "attachments" && upper === "GET") return [["read:attachment:confluence"]];
  // getPagesInSpace, getBlogPostsInSpace, getLabelPages, getLabelBlogPosts
  if ((v2[2] === "pages" || v2[2] === "blogposts") && upper === "GET") {
    return [["read:page:confluence"]];
  }
  return [[`${verb}:${noun}:confluence`]];
}

export function describeScopes(alternatives: ScopeAlternatives): string {
  return alternatives.map((set) => set.join(" + ")).join(" or ");
}

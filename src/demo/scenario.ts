// The demo scenario: every action once, in the order a person would use them,
// with the fact worth printing for each. Shared by `npm start` (src/demo.ts, through the built
// component), the OAuth suite and the conformance suite (through the source component), so the
// three always exercise the same flow.
import { DEMO_IDS } from "../emulator/index.js";

export type ScenarioData = Record<string, unknown> & {
  results?: unknown[];
  id?: string;
  title?: string;
};

export interface ScenarioState {
  pageId: string;
  /** Set by the steps beyond the specification. */
  commentId?: string;
  inlineCommentId?: string;
  blogPostId?: string;
  propertyIds: Record<string, string>;
  /** Set by the steps that create them (Upload Attachment, Get Current User, Create Space). */
  attachmentId?: string;
  accountId?: string;
  spaceKey?: string;
}

export interface ScenarioStep {
  /** The catalog/component action key. */
  key: string;
  params: (state: ScenarioState) => Record<string, unknown>;
  /** A short readable fact about the result; may record ids in the state for later steps. */
  fact: (data: ScenarioData, state: ScenarioState) => string;
}

/** Runs one action with the given inputs (the connection is the runner's business). */
export type PerformAction = (key: string, params: Record<string, unknown>) => Promise<unknown>;

export type StepOutcome =
  | { ok: true; step: ScenarioStep; data: ScenarioData; fact: string }
  | { ok: false; step: ScenarioStep; error: unknown };

const ENG = DEMO_IDS.spaces.engineering.id;
const count = (noun: string) => (data: ScenarioData) => `${data.results?.length ?? 0} ${noun}`;
const titled = (data: ScenarioData) => `${data.id} "${data.title}"`;
const markdownOf = (data: ScenarioData) =>
  (data.body as { markdown?: { value?: string } } | undefined)?.markdown?.value?.trim();
const version = (data: ScenarioData) => (data.version as { number?: number } | undefined)?.number;
const storage = (value: string) => JSON.stringify({ representation: "storage", value });

const owners = [
  { suffix: "Page", listSuffix: "Page", idKey: "pageId", id: (s: ScenarioState) => s.pageId },
  {
    suffix: "Attachment",
    listSuffix: "Attachments",
    idKey: "attachmentId",
    id: () => DEMO_IDS.attachments.diagramPng,
  },
  {
    suffix: "CustomContent",
    listSuffix: "CustomContent",
    idKey: "customContentId",
    id: () => DEMO_IDS.customContent.checklist,
  },
] as const;

function propertySteps(owner: (typeof owners)[number]): ScenarioStep[] {
  const owned = (s: ScenarioState) => ({ [owner.idKey]: owner.id(s) });
  const key = `demo-${owner.suffix.toLowerCase()}`;
  const propertyId = (s: ScenarioState) => s.propertyIds[owner.suffix] ?? "";
  return [
    {
      key: `createContentPropertyFor${owner.suffix}`,
      params: (s) => ({ ...owned(s), bodyData: JSON.stringify({ key, value: { step: 1 } }) }),
      fact: (data, s) => {
        s.propertyIds[owner.suffix] = String(data.id);
        return `property ${data.id} "${key}"`;
      },
    },
    {
      key: `getContentPropertiesFor${owner.listSuffix}`,
      params: (s) => ({ ...owned(s), propertyId: propertyId(s) }),
      fact: (data) => `value ${JSON.stringify(data.value)}`,
    },
    {
      key: `listContentPropertiesFor${owner.listSuffix}`,
      params: owned,
      fact: count("properties"),
    },
    {
      key: `updateContentPropertyFor${owner.suffix}`,
      params: (s) => ({
        ...owned(s),
        propertyId: propertyId(s),
        bodyData: JSON.stringify({ key, value: { step: 2 }, version: { number: 2 } }),
      }),
      fact: (data) => `version ${(data.version as { number?: number } | undefined)?.number}`,
    },
    {
      key: `deleteContentPropertyFor${owner.suffix}`,
      params: (s) => ({ ...owned(s), propertyId: propertyId(s) }),
      fact: (data) => `deleted ${data.id}`,
    },
  ];
}

const labelNames = (data: ScenarioData) =>
  (data.results as { name?: string }[] | undefined)?.map((label) => label.name).join(", ") ?? "";

/** Labels and files on the demo page (issue 13 items 4 and 6). */
const labelAndFileSteps: readonly ScenarioStep[] = [
  {
    key: "addLabels",
    params: (s) => ({ contentId: s.pageId, labels: "demo,release-notes" }),
    fact: (d) => `labels ${labelNames(d)}`,
  },
  {
    key: "listContentLabels",
    params: (s) => ({ contentId: s.pageId }),
    fact: count("labels on the demo page"),
  },
  {
    key: "listPagesWithLabel",
    params: () => ({ labelName: "demo" }),
    fact: count('pages labelled "demo"'),
  },
  {
    key: "removeLabel",
    params: (s) => ({ contentId: s.pageId, label: "release-notes" }),
    fact: (d) => `removed ${d.label}`,
  },
  {
    key: "uploadAttachment",
    params: (s) => ({
      contentId: s.pageId,
      file: "Hello from the demo",
      fileName: "demo.txt",
      contentType: "text/plain",
      comment: "Uploaded by the demo",
    }),
    fact: (data, s) => {
      const [attachment] = (data.results ?? []) as { id?: string; title?: string }[];
      s.attachmentId = attachment?.id ?? "";
      return `${attachment?.id} "${attachment?.title}"`;
    },
  },
  {
    key: "downloadAttachment",
    params: (s) => ({ attachmentId: s.attachmentId ?? "" }),
    // Bytes through the component; the text itself through MCP (a text/plain file).
    fact: (data) => {
      const value = data as unknown;
      return value instanceof Uint8Array ? `${value.byteLength} bytes` : `"${String(value)}"`;
    },
  },
];

/** A space created and deleted again, and the users (issue 13 item 7). */
const spaceAndUserSteps: readonly ScenarioStep[] = [
  {
    key: "getCurrentUser",
    params: () => ({}),
    fact: (data, s) => {
      s.accountId = String(data.accountId);
      return `${data.displayName} (${data.accountId})`;
    },
  },
  {
    key: "getUsersByAccountIds",
    params: (s) => ({ accountIds: s.accountId ?? "" }),
    fact: count("users"),
  },
  {
    key: "createSpace",
    // Letters and digits only; unique per run so the demo can run again on the same site.
    params: () => ({
      name: "Demo space",
      key: `DEMO${Date.now().toString(36).toUpperCase()}`,
      description: "Created by the demo",
    }),
    fact: (data, s) => {
      s.spaceKey = String(data.key);
      return `${data.key} "${data.name}"`;
    },
  },
  {
    key: "getSpaceByKey",
    params: (s) => ({ spaceKey: s.spaceKey ?? "" }),
    fact: (d) => `${d.key} is space ${d.id}`,
  },
  {
    key: "deleteSpace",
    params: (s) => ({ spaceKey: s.spaceKey ?? "" }),
    fact: (d) => `deletion task ${d.id}`,
  },
];

export const scenarioSteps: readonly ScenarioStep[] = [
  { key: "listSpaces", params: () => ({}), fact: count("spaces") },
  { key: "getSpace", params: () => ({ spaceId: ENG }), fact: (d) => `${d.key} "${d.name}"` },
  { key: "listPages", params: () => ({ spaceId: ENG, limit: "250" }), fact: count("pages in ENG") },
  {
    key: "createPage",
    params: () => ({
      spaceId: ENG,
      status: "current",
      title: `Demo page ${new Date().toISOString()}`,
      parentId: DEMO_IDS.pages.engineeringHome,
      body: JSON.stringify({ representation: "storage", value: "<p>Hello from the demo</p>" }),
    }),
    fact: (data, s) => {
      s.pageId = String(data.id);
      return titled(data);
    },
  },
  {
    key: "getPage",
    // The body as Markdown (the connector's own format: storage read, then converted).
    params: (s) => ({ pageId: s.pageId, bodyFormat: "markdown" }),
    fact: (data) => `${titled(data)}: ${JSON.stringify(markdownOf(data))}`,
  },
  {
    key: "searchContent",
    params: () => ({
      cql: "type = page ORDER BY created DESC",
      text: "hello demo",
      spaceKey: DEMO_IDS.spaces.engineering.key,
    }),
    fact: count('search results for "hello demo" in ENG'),
  },
  {
    key: "getPageByTitle",
    params: () => ({ spaceKey: DEMO_IDS.spaces.engineering.key, title: "Architecture" }),
    fact: titled,
  },
  ...owners.flatMap(propertySteps),
  {
    key: "getAttachment",
    params: () => ({ attachmentId: DEMO_IDS.attachments.architecturePdf }),
    fact: titled,
  },
  { key: "listAttachments", params: () => ({ fetchAll: "true" }), fact: count("attachments") },
  {
    key: "getPageAttachment",
    params: () => ({ pageId: DEMO_IDS.pages.architecture }),
    fact: count("attachments on Architecture"),
  },
  {
    key: "updatePage",
    params: (s) => ({
      pageId: s.pageId,
      status: "current",
      title: "Demo page (updated)",
      // Written as Markdown, sent as storage.
      body: JSON.stringify({ representation: "markdown", value: "Version **two**" }),
      version: JSON.stringify({ number: 2, message: "Updated by the demo" }),
    }),
    fact: (d) => `${titled(d)} v${(d.version as { number?: number } | undefined)?.number}`,
  },
  {
    key: "listPagesInSpace",
    params: () => ({ spaceId: ENG, depth: "root", limit: "250" }),
    fact: count("root pages"),
  },
  {
    key: "listPagesInSpace",
    params: () => ({ spaceId: ENG, depth: "all", limit: "250" }),
    fact: count("pages at all depths"),
  },
  {
    key: "rawRequest",
    params: (s) => ({ url: `/wiki/api/v2/pages/${s.pageId}`, method: "GET" }),
    fact: titled,
  },
  {
    key: "graphqlRequest",
    params: () => ({
      query: "query ($id: ID!) { confluence { space(id: $id) { key name } } }",
      variables: JSON.stringify({ id: ENG }),
    }),
    fact: (d) =>
      `space ${JSON.stringify((d.confluence as { space?: unknown } | undefined)?.space)}`,
  },
  ...labelAndFileSteps,
  ...spaceAndUserSteps,
  // Beyond the specification: the page tree and history, comments, blog posts.
  {
    key: "listPageChildren",
    params: () => ({ pageId: DEMO_IDS.pages.engineeringHome }),
    fact: count("children of Engineering Home"),
  },
  {
    key: "listPageDescendants",
    params: () => ({ pageId: DEMO_IDS.pages.engineeringHome, depth: "3" }),
    fact: count("descendants, 3 levels down"),
  },
  { key: "listPageAncestors", params: (s) => ({ pageId: s.pageId }), fact: count("ancestors") },
  {
    key: "movePage",
    params: (s) => ({ pageId: s.pageId, position: "append", targetId: DEMO_IDS.pages.runbooks }),
    fact: (d) => `moved ${d.pageId} under Runbooks`,
  },
  {
    key: "updatePageTitle",
    params: (s) => ({ pageId: s.pageId, title: `Demo page ${new Date().toISOString()} (renamed)` }),
    fact: (d) => `${titled(d)} v${version(d)}`,
  },
  { key: "listPageVersions", params: (s) => ({ pageId: s.pageId }), fact: count("versions") },
  {
    key: "getPageVersion",
    params: (s) => ({ pageId: s.pageId, versionNumber: "1" }),
    fact: (d) => `version ${d.number}`,
  },
  {
    key: "restorePageVersion",
    params: (s) => ({ pageId: s.pageId, versionNumber: "1", message: "Restored by the demo" }),
    fact: (d) => `restored as version ${d.number}`,
  },
  {
    key: "createFooterComment",
    params: (s) => ({ pageId: s.pageId, body: storage("<p>Nice page</p>") }),
    fact: (d, s) => {
      s.commentId = String(d.id);
      return `comment ${d.id}`;
    },
  },
  {
    key: "replyToFooterComment",
    params: (s) => ({ parentCommentId: s.commentId, body: storage("<p>Thanks</p>") }),
    fact: (d) => `reply ${d.id}`,
  },
  { key: "listPageFooterComments", params: (s) => ({ pageId: s.pageId }), fact: count("comments") },
  {
    key: "listCommentReplies",
    params: (s) => ({ commentId: s.commentId }),
    fact: count("replies"),
  },
  {
    key: "updateFooterComment",
    params: (s) => ({ commentId: s.commentId, body: storage("<p>Very nice page</p>") }),
    fact: (d) => `comment ${d.id} v${version(d)}`,
  },
  {
    key: "createInlineComment",
    params: (s) => ({ pageId: s.pageId, body: storage("<p>Hi!</p>"), textSelection: "Hello" }),
    fact: (d, s) => {
      s.inlineCommentId = String(d.id);
      return `inline comment ${d.id} ${d.resolutionStatus}`;
    },
  },
  {
    key: "resolveInlineComment",
    params: (s) => ({ commentId: s.inlineCommentId }),
    fact: (d) => `inline comment ${d.id} ${d.resolutionStatus}`,
  },
  {
    key: "listPageInlineComments",
    params: (s) => ({ pageId: s.pageId }),
    fact: count("inline comments"),
  },
  {
    key: "deleteFooterComment",
    params: (s) => ({ commentId: s.commentId }),
    fact: (d) => `deleted ${d.id}`,
  },
  {
    key: "createBlogPost",
    params: () => ({
      spaceId: ENG,
      title: `Demo post ${new Date().toISOString()}`,
      body: storage("<p>Posted by the demo</p>"),
    }),
    fact: (d, s) => {
      s.blogPostId = String(d.id);
      return titled(d);
    },
  },
  { key: "getBlogPost", params: (s) => ({ blogPostId: s.blogPostId }), fact: titled },
  {
    key: "listBlogPostsInSpace",
    params: () => ({ spaceId: ENG }),
    fact: count("blog posts in ENG"),
  },
  {
    key: "updateBlogPost",
    params: (s) => ({
      blogPostId: s.blogPostId,
      status: "current",
      title: "Demo post (updated)",
      body: storage("<p>Edited by the demo</p>"),
    }),
    fact: (d) => `${titled(d)} v${version(d)}`,
  },
  {
    key: "listBlogPostFooterComments",
    params: (s) => ({ blogPostId: s.blogPostId }),
    fact: count("comments on the post"),
  },
  {
    key: "listBlogPostInlineComments",
    params: (s) => ({ blogPostId: s.blogPostId }),
    fact: count("inline comments on the post"),
  },
  {
    key: "deleteBlogPost",
    params: (s) => ({ blogPostId: s.blogPostId }),
    fact: (d) => `deleted ${d.id}`,
  },
  { key: "deletePage", params: (s) => ({ pageId: s.pageId }), fact: (d) => `deleted ${d.id}` },
  {
    key: "deleteAttachment",
    params: () => ({ attachmentId: DEMO_IDS.attachments.notesTxt }),
    fact: (d) => `deleted ${d.id}`,
  },
];

/**
 * Runs every step in order. Failures do not stop the run (later steps report their own), and
 * `onStep` is awaited so a caller can inspect the emulator between steps.
 */
export async function runScenario(
  perform: PerformAction,
  onStep: (outcome: StepOutcome) => void | Promise<void>,
): Promise<{ failures: number }> {
  const state: ScenarioState = { pageId: "", propertyIds: {} };
  let failures = 0;
  for (const step of scenarioSteps) {
    let outcome: StepOutcome;
    try {
      const data = (await perform(step.key, step.params(state))) as ScenarioData;
      outcome = { ok: true, step, data, fact: step.fact(data, state) };
    } catch (error) {
      failures += 1;
      outcome = { ok: false, step, error };
    }
    await onStep(outcome);
  }
  return { failures };
}

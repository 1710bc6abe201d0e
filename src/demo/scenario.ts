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
  { key: "getPage", params: (s) => ({ pageId: s.pageId }), fact: titled },
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
      body: JSON.stringify({ representation: "storage", value: "<p>Version two</p>" }),
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

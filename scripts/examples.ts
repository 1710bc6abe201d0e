// `npm run examples`: runs every catalog action once against the embedded emulator (demo data,
// reset to the seed before each action so that deletes and writes never meet) and writes what each
// returned to src/catalog/examples.generated.ts, which the component shows as the action's
// example output (spectral's `examplePayload`). The emulator's address becomes the site name
// customers see and timestamps taken while capturing become one fixed instant, so the file only
// changes when an output's content does. test/catalog/examples.test.ts checks that it is current.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { actions, createRuntime, runAction } from "../src/catalog/index.js";
import { DEFAULT_USER, DEMO_IDS, startEmulator } from "../src/emulator/index.js";

const OUTPUT = "src/catalog/examples.generated.ts";
const SITE = "https://your-domain.atlassian.net";
/** Instants at or after this are the capture's own clock (the demo data predates it). */
const CAPTURE_ERA = "2025-01-01";
const CAPTURED_AT = "2025-01-01T00:00:00.000Z";

const { spaces, pages, attachments, customContent, properties } = DEMO_IDS;

/** Inputs by key, shared by every action that has them (a new action usually needs nothing). */
const BY_KEY: Readonly<Record<string, unknown>> = {
  spaceId: spaces.engineering.id,
  pageId: pages.engineeringHome,
  attachmentId: attachments.architecturePdf,
  customContentId: customContent.checklist,
  spaceKey: spaces.engineering.key,
  limit: "2",
};

/** The demo property of each owner, with its key (updates send version 2). */
const PROPERTY_OF = {
  pageId: { id: properties.homeEditor, key: "editor" },
  attachmentId: { id: properties.pdfReviewed, key: "reviewed" },
  customContentId: { id: properties.checklistState, key: "state" },
} as const;

const storage = (value: string) => JSON.stringify({ representation: "storage", value });

type RunOn = (key: string, inputs: Record<string, unknown>) => Promise<{ id: string }>;

/** Objects the demo data lacks (blog posts, comments), created first on the same emulator. */
const blogPost = async (run: RunOn) => ({
  blogPostId: (
    await run("createBlogPost", {
      spaceId: spaces.engineering.id,
      title: "Release notes",
      body: storage("<p>Shipped.</p>"),
    })
  ).id,
});
const footerComment = async (run: RunOn) => ({
  commentId: (
    await run("createFooterComment", {
      pageId: pages.architecture,
      body: storage("<p>Looks good.</p>"),
    })
  ).id,
});
const PREPARE: Readonly<Record<string, (run: RunOn) => Promise<Record<string, unknown>>>> = {
  getBlogPost: blogPost,
  updateBlogPost: blogPost,
  deleteBlogPost: blogPost,
  listBlogPostFooterComments: blogPost,
  listBlogPostInlineComments: blogPost,
  listCommentReplies: footerComment,
  updateFooterComment: footerComment,
  deleteFooterComment: footerComment,
  replyToFooterComment: async (run) => ({ parentCommentId: (await footerComment(run)).commentId }),
  resolveInlineComment: async (run) => ({
    commentId: (
      await run("createInlineComment", {
        pageId: pages.architecture,
        body: storage("<p>Which contracts?</p>"),
        textSelection: "content",
      })
    ).id,
  }),
};

/** What only some actions need. */
const BY_ACTION: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  createPage: {
    title: "Release notes",
    body: JSON.stringify({ representation: "storage", value: "<p>Shipped.</p>" }),
  },
  updatePage: {
    status: "current",
    title: "Engineering Home",
    body: JSON.stringify({ representation: "storage", value: "<p>Updated.</p>" }),
    version: JSON.stringify({ number: 2, message: "Edited" }),
  },
  getPageAttachment: { pageId: pages.architecture },
  // Page tree and history, blog posts, comments.
  listPageAncestors: { pageId: pages.cursorFormat },
  movePage: { pageId: pages.runbooks, position: "before", targetId: pages.architecture },
  updatePageTitle: { title: "Engineering" },
  listPageVersions: { pageId: pages.architecture },
  getPageVersion: { pageId: pages.architecture, versionNumber: "2" },
  restorePageVersion: { pageId: pages.architecture, versionNumber: "1", message: "Restored" },
  createBlogPost: { title: "Release notes", body: storage("<p>Shipped.</p>") },
  updateBlogPost: { status: "current", title: "Release notes", body: storage("<p>Edited.</p>") },
  createFooterComment: { body: storage("<p>Looks good.</p>") },
  replyToFooterComment: { body: storage("<p>Thanks!</p>") },
  updateFooterComment: { body: storage("<p>Looks great.</p>") },
  createInlineComment: {
    pageId: pages.architecture,
    body: storage("<p>Which contracts?</p>"),
    textSelection: "content",
  },
  getPageByTitle: { title: "Architecture" },
  searchContent: { text: "architecture" },
  rawRequest: { url: "/wiki/api/v2/spaces?limit=1", method: "GET" },
  graphqlRequest: { query: "{ confluence { spaces { key name } } }" },
  listContentLabels: { contentId: pages.architecture },
  addLabels: { contentId: pages.architecture, labels: "release-notes" },
  removeLabel: { contentId: pages.architecture, label: "architecture" },
  listPagesWithLabel: { labelName: "architecture" },
  uploadAttachment: { contentId: pages.architecture, file: "Hello", fileName: "hello.txt" },
  createSpace: { name: "Release Notes", key: "REL", description: "What shipped" },
  getUsersByAccountIds: { accountIds: DEFAULT_USER.accountId },
};

function inputsFor(key: string): Record<string, unknown> {
  const action = actions[key];
  if (action === undefined) throw new Error(`no action ${key}`);
  const inputs: Record<string, unknown> = {};
  for (const name of Object.keys(action.inputs)) {
    if (BY_KEY[name] !== undefined) inputs[name] = BY_KEY[name];
  }
  const owner = (Object.keys(PROPERTY_OF) as (keyof typeof PROPERTY_OF)[]).find(
    (name) => name in action.inputs,
  );
  if (owner !== undefined && "bodyData" in action.inputs) {
    const { key: propertyKey } = PROPERTY_OF[owner];
    const updating = "propertyId" in action.inputs;
    inputs.bodyData = JSON.stringify(
      updating
        ? { key: propertyKey, value: "example", version: { number: 2 } }
        : { key: "example-key", value: "example" },
    );
  }
  if (owner !== undefined && "propertyId" in action.inputs) {
    inputs.propertyId = PROPERTY_OF[owner].id;
  }
  return { ...inputs, ...BY_ACTION[key] };
}

/** The emulator's address as the customer's site; capture-time instants as one instant. */
function normalise(value: unknown, origin: string, secret: string): unknown {
  if (typeof value === "string") {
    const text = value.split(origin).join(SITE).split(secret).join("<redacted>");
    return /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(text) && text >= CAPTURE_ERA ? CAPTURED_AT : text;
  }
  if (Array.isArray(value)) return value.map((item) => normalise(item, origin, secret));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      // Inline comment markers are random UUIDs (the emulator's randomUUID): one fixed value.
      Object.entries(value).map(([k, v]) => [
        k,
        k === "inlineMarkerRef"
          ? "00000000-0000-4000-8000-000000000000"
          : normalise(v, origin, secret),
      ]),
    );
  }
  return value;
}

const SILENT = { info() {}, warn() {}, error() {}, debug() {} };

/** Every action's output, by key, captured on the demo data reset before each action. */
export async function captureExamples(): Promise<Record<string, unknown>> {
  const examples: Record<string, unknown> = {};
  const runtime = createRuntime({ allowLoopbackHttp: true, atlassianBaseUrl: undefined });
  // One emulator, reset to its seed per action (what a fresh one would hold, ids included):
  // starting one per action cost most of the capture's time.
  const emulator = await startEmulator({ port: 0, seed: "demo" });
  try {
    for (const key of Object.keys(actions).sort()) {
      emulator.reset();
      const connection = {
        key: "basic",
        fields: { host: emulator.url, ...emulator.credentials },
      };
      const runOn: RunOn = async (other, inputs) =>
        (
          await runAction(
            actions[other] as NonNullable<(typeof actions)[string]>,
            { connection, ...inputs },
            SILENT,
            runtime,
          )
        ).data as { id: string };
      const prepared = (await PREPARE[key]?.(runOn)) ?? {};
      const output = await runAction(
        actions[key] as NonNullable<(typeof actions)[string]>,
        { connection, ...inputsFor(key), ...prepared },
        SILENT,
        runtime,
      );
      // A file's bytes (Download Attachment) make no example payload.
      if (output.data instanceof Uint8Array) continue;
      examples[key] = normalise(output.data, emulator.url, emulator.credentials.apiToken);
    }
  } finally {
    await emulator.close();
    await runtime.close();
  }
  return examples;
}

export function renderExamples(examples: Record<string, unknown>): string {
  return `// Generated by \`npm run examples\` (scripts/examples.ts): each action's output on the emulator's
// demo data, shown by the component as the action's example output. Do not edit.
export const EXAMPLE_OUTPUTS: Readonly<Record<string, unknown>> = ${JSON.stringify(examples, null, 2)};
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  writeFileSync(OUTPUT, renderExamples(await captureExamples()));
  // The repository's formatting (quotes, line width), so that lint passes on the output.
  execFileSync(process.execPath, [
    "node_modules/@biomejs/biome/bin/biome",
    "format",
    "--write",
    OUTPUT,
  ]);
  console.log(`${OUTPUT}: ${Object.keys(actions).length} example outputs`);
}

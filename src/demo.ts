// `npm start`: runs every action of the built component (dist/index.js) once against the local
// emulator, in the order a person would, printing one line per action. Exits 1 if any failed.
import { createRequire } from "node:module";
import type * as Spectral from "@prismatic-io/spectral";
import { DEMO_IDS, startEmulator } from "./emulator/index.js";

interface BuiltComponent {
  actions: Record<string, { display: { label: string } }>;
}

type Data = Record<string, unknown> & { results?: unknown[]; id?: string; title?: string };

interface Step {
  key: string;
  params: (state: State) => Record<string, unknown>;
  fact: (data: Data, state: State) => string;
}

interface State {
  pageId: string;
  propertyIds: Record<string, string>;
}

const require = createRequire(import.meta.url);
// spectral is CommonJS without static named exports Node's ESM loader can see.
const { testing } = require("@prismatic-io/spectral") as typeof Spectral;
// dist/lib/demo.js → dist/index.js (the CommonJS bundle `prism components:publish` uploads).
const component = (require("../index.js") as { default: BuiltComponent }).default;

const ENG = DEMO_IDS.spaces.engineering.id;
const count = (noun: string) => (data: Data) => `${data.results?.length ?? 0} ${noun}`;
const titled = (data: Data) => `${data.id} "${data.title}"`;

const owners = [
  { suffix: "Page", listSuffix: "Page", idKey: "pageId", id: (s: State) => s.pageId },
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

function propertySteps(owner: (typeof owners)[number]): Step[] {
  const owned = (s: State) => ({ [owner.idKey]: owner.id(s) });
  const key = `demo-${owner.suffix.toLowerCase()}`;
  const propertyId = (s: State) => s.propertyIds[owner.suffix] ?? "";
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

const steps: Step[] = [
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
  { key: "deletePage", params: (s) => ({ pageId: s.pageId }), fact: (d) => `deleted ${d.id}` },
  {
    key: "deleteAttachment",
    params: () => ({ attachmentId: DEMO_IDS.attachments.notesTxt }),
    fact: (d) => `deleted ${d.id}`,
  },
];

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };

async function main(): Promise<number> {
  const emulator = await startEmulator({ port: 0, seed: "demo" });
  const harness = testing.createHarness(component as never);
  const connection = {
    key: "basic",
    configVarKey: "",
    fields: { email: "demo@example.com", apiToken: "demo-token", host: emulator.url },
  };
  const state: State = { pageId: "", propertyIds: {} };
  const used = new Set<string>();
  let failures = 0;
  console.log(`Confluence emulator at ${emulator.url}\n`);
  try {
    for (const step of steps) {
      const label = component.actions[step.key]?.display.label ?? step.key;
      used.add(step.key);
      try {
        const result = (await harness.action(step.key, { connection, ...step.params(state) }, {
          logger: quietLogger,
        } as never)) as { data: Data };
        console.log(`✓ ${label} — ${step.fact(result.data, state)}`);
      } catch (error) {
        failures += 1;
        console.log(`✗ ${label} — ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await emulator.close();
  }
  const missing = Object.keys(component.actions).filter((key) => !used.has(key));
  if (missing.length > 0) {
    failures += missing.length;
    console.log(`✗ actions not exercised: ${missing.join(", ")}`);
  }
  console.log(`\n${used.size} actions, ${failures === 0 ? "all succeeded" : `${failures} failed`}`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();

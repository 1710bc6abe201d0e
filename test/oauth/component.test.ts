// Every action of the Prismatic component with an OAuth 2.0 connection (`{ token: {
// access_token } }`, the platform owns refresh), through the emulator's gateway selected with
// CONFLUENCE_ATLASSIAN_API_URL: one accessible-resources lookup, then one request per action.
import { testing } from "@prismatic-io/spectral";
import { afterAll, beforeAll, expect, it } from "vitest";
import component from "../../src/component/index.js";
import { clearSiteCache } from "../../src/core/index.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { Capture, lastSeq, mint, requestsSince } from "./support.js";

type Data = Record<string, unknown>;
interface State {
  pageId: string;
  propertyIds: Record<string, string>;
}
interface Step {
  key: string;
  params: (s: State) => Record<string, unknown>;
  after?: (data: Data, s: State) => void;
}

const ENG = DEMO_IDS.spaces.engineering.id;
const owners = [
  { suffix: "Page", list: "Page", idKey: "pageId", id: (s: State) => s.pageId },
  {
    suffix: "Attachment",
    list: "Attachments",
    idKey: "attachmentId",
    id: () => DEMO_IDS.attachments.diagramPng,
  },
  {
    suffix: "CustomContent",
    list: "CustomContent",
    idKey: "customContentId",
    id: () => DEMO_IDS.customContent.checklist,
  },
] as const;

function propertySteps(owner: (typeof owners)[number]): Step[] {
  const owned = (s: State) => ({ [owner.idKey]: owner.id(s) });
  const key = `oauth-${owner.suffix.toLowerCase()}`;
  const propertyId = (s: State) => s.propertyIds[owner.suffix] ?? "";
  return [
    {
      key: `createContentPropertyFor${owner.suffix}`,
      params: (s) => ({ ...owned(s), bodyData: JSON.stringify({ key, value: { step: 1 } }) }),
      after: (data, s) => {
        s.propertyIds[owner.suffix] = String(data.id);
      },
    },
    {
      key: `getContentPropertiesFor${owner.list}`,
      params: (s) => ({ ...owned(s), propertyId: propertyId(s) }),
    },
    { key: `listContentPropertiesFor${owner.list}`, params: owned },
    {
      key: `updateContentPropertyFor${owner.suffix}`,
      params: (s) => ({
        ...owned(s),
        propertyId: propertyId(s),
        bodyData: JSON.stringify({ key, value: { step: 2 }, version: { number: 2 } }),
      }),
    },
    {
      key: `deleteContentPropertyFor${owner.suffix}`,
      params: (s) => ({ ...owned(s), propertyId: propertyId(s) }),
    },
  ];
}

const steps: Step[] = [
  { key: "listSpaces", params: () => ({}) },
  { key: "getSpace", params: () => ({ spaceId: ENG }) },
  { key: "listPages", params: () => ({ spaceId: ENG }) },
  {
    key: "createPage",
    params: () => ({
      spaceId: ENG,
      status: "current",
      title: "OAuth page",
      parentId: DEMO_IDS.pages.engineeringHome,
      body: JSON.stringify({ representation: "storage", value: "<p>Hello</p>" }),
    }),
    after: (data, s) => {
      s.pageId = String(data.id);
    },
  },
  { key: "getPage", params: (s) => ({ pageId: s.pageId }) },
  ...owners.flatMap(propertySteps),
  { key: "getAttachment", params: () => ({ attachmentId: DEMO_IDS.attachments.architecturePdf }) },
  { key: "listAttachments", params: () => ({}) },
  { key: "getPageAttachment", params: () => ({ pageId: DEMO_IDS.pages.architecture }) },
  {
    key: "updatePage",
    params: (s) => ({
      pageId: s.pageId,
      status: "current",
      title: "OAuth page (updated)",
      body: JSON.stringify({ representation: "storage", value: "<p>Two</p>" }),
      version: JSON.stringify({ number: 2 }),
    }),
  },
  { key: "listPagesInSpace", params: () => ({ spaceId: ENG, depth: "root" }) },
  { key: "rawRequest", params: (s) => ({ url: `/wiki/api/v2/pages/${s.pageId}`, method: "GET" }) },
  {
    key: "graphqlRequest",
    params: () => ({
      query: "query ($id: ID!) { confluence { space(id: $id) { key } } }",
      variables: JSON.stringify({ id: ENG }),
    }),
  },
  { key: "deletePage", params: (s) => ({ pageId: s.pageId }) },
  { key: "deleteAttachment", params: () => ({ attachmentId: DEMO_IDS.attachments.notesTxt }) },
];

let url = "";
let close = async () => {};
const previousEnv = process.env.CONFLUENCE_ATLASSIAN_API_URL;

beforeAll(async () => {
  const emulator = await startTestEmulator({ seed: "demo" });
  url = emulator.url;
  close = emulator.close;
  process.env.CONFLUENCE_ATLASSIAN_API_URL = url;
  clearSiteCache();
});
afterAll(async () => {
  if (previousEnv === undefined) delete process.env.CONFLUENCE_ATLASSIAN_API_URL;
  else process.env.CONFLUENCE_ATLASSIAN_API_URL = previousEnv;
  await close();
});

it("runs all 29 actions with an OAuth connection, one request each after the site lookup", async () => {
  const harness = testing.createHarness(component);
  const minted = await mint(url);
  const connection = {
    key: "oauth2",
    configVarKey: "",
    fields: { clientId: "demo-client-id", clientSecret: "demo-client-secret" },
    token: { access_token: minted.access_token },
  };
  const capture = new Capture();
  const logger = { ...capture.logger };
  const state: State = { pageId: "", propertyIds: {} };
  const used = new Set<string>();
  let since = await lastSeq(url);
  for (const [index, step] of steps.entries()) {
    used.add(step.key);
    const result = (await harness
      .action(step.key, { connection, debugRequest: true, ...step.params(state) }, {
        logger,
      } as never)
      .catch((error: unknown) => {
        capture.error(error);
        throw error;
      })) as { data: Data };
    step.after?.(result.data, state);
    const log = await requestsSince(url, since);
    since = log.at(-1)?.seq ?? since;
    const lookups = log.filter((e) => e.path === "/oauth/token/accessible-resources");
    expect(lookups, step.key).toHaveLength(index === 0 ? 1 : 0);
    expect(log.length - lookups.length, step.key).toBe(1);
    expect(log.at(-1)?.path, step.key).toMatch(/^\/(ex\/confluence\/[^/]+\/wiki\/|graphql$)/);
  }
  expect([...used].sort()).toEqual(Object.keys(component.actions).sort());
  expect(used.size).toBe(29);
  expect(capture.leaks([minted.access_token, minted.refresh_token])).toEqual([]);
});

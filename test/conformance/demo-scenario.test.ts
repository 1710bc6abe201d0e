// The demo scenario under the OpenAPI referee: every one of the 29 actions runs through the
// Prismatic component (spectral's harness) against the emulator, including multi-page listings
// and the 400/404/409 error paths, once per connection type. Every exchange is validated by
// startTestEmulator (a violation fails the step that caused it); the last test checks that the
// scenario really exercised every operation the connector relies on.
import { testing } from "@prismatic-io/spectral";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import component from "../../src/component/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { connectorOperations } from "./connector-operations.js";
import { createExchangeValidator, type Exchange } from "./validator.js";

interface ConnectionCase {
  name: string;
  connection(emulator: RunningEmulator): Promise<Record<string, unknown>>;
}

const CONNECTIONS: ConnectionCase[] = [
  {
    name: "Confluence Basic",
    connection: async (emulator) => ({
      key: "basic",
      configVarKey: "",
      fields: { ...emulator.credentials, host: emulator.url },
    }),
  },
  // Confluence OAuth 2.0 goes here (one entry) once the emulator serves /authorize and
  // /oauth/token: a connection { key: "oauth2", fields: {...}, token: { access_token } } whose
  // calls go through /ex/confluence/{cloudId}, which the validator already maps to site paths.
];

const ENG = DEMO_IDS.spaces.engineering.id;
const storage = (value: string) => JSON.stringify({ representation: "storage", value });

interface Seen {
  target: string;
  status: number;
  url: string;
}

type Data = Record<string, unknown> & { id?: string; results?: unknown[] };

describe.each(CONNECTIONS)("demo scenario over $name", (connectionCase) => {
  const harness = testing.createHarness(component);
  const seen: Seen[] = [];
  let emulator: RunningEmulator;
  let connection: Record<string, unknown>;
  const state = {
    pageId: "",
    title: `Conformance ${Date.now()}`,
    properties: {} as Record<string, string>,
  };

  beforeAll(async () => {
    const validator = await createExchangeValidator();
    emulator = await startTestEmulator({
      seed: "demo",
      onExchange: (exchange: Exchange) => {
        const check = validator.check(exchange);
        const target = check.operationId
          ? `${check.spec}:${check.operationId}`
          : check.classification.kind === "skipped"
            ? check.classification.category
            : "unrouted";
        seen.push({ target, status: exchange.status, url: exchange.url });
      },
    });
    connection = await connectionCase.connection(emulator);
  });
  afterAll(async () => {
    await emulator?.close();
  });

  const quiet = { info() {}, warn() {}, error() {}, debug() {} };
  async function run(key: string, params: Record<string, unknown> = {}): Promise<Data> {
    const result = await harness.action(key, { connection, ...params }, {
      logger: quiet,
    } as never);
    return (result as { data: Data }).data;
  }
  const requestsTo = (target: string) => seen.filter((entry) => entry.target === target);

  it("lists spaces across several pages and gets one", async () => {
    const spaces = await run("listSpaces", { limit: "1", fetchAll: "true" });
    expect(spaces.results!.length).toBeGreaterThanOrEqual(3);
    const listed = requestsTo("v2:getSpaces");
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed.slice(1).every((entry) => entry.url.includes("cursor="))).toBe(true);
    expect(await run("getSpace", { spaceId: ENG })).toMatchObject({ id: ENG, key: "ENG" });
  });

  it("creates, reads, lists and updates a page; answers 400, 404 and 409", async () => {
    const created = await run("createPage", {
      spaceId: ENG,
      status: "current",
      title: state.title,
      parentId: DEMO_IDS.pages.engineeringHome,
      body: storage("<p>Hello</p>"),
    });
    state.pageId = String(created.id);
    expect(created).toMatchObject({ title: state.title, spaceId: ENG });

    // 400: Confluence refuses a second page with the same title in a space.
    await expect(
      run("createPage", { spaceId: ENG, status: "current", title: state.title, body: storage("") }),
    ).rejects.toThrow();
    // 404: unknown page.
    await expect(run("getPage", { pageId: "999999999" })).rejects.toThrow();

    const page = await run("getPage", {
      pageId: state.pageId,
      bodyFormat: "storage",
      includeLabels: "true",
      includeProperties: "true",
      includeOperations: "true",
      includeLikes: "true",
      includeVersions: "true",
      includeVersion: "true",
      includeFavoritedByCurrentUserStatus: "true",
    });
    expect(page.id).toBe(state.pageId);

    const pages = await run("listPages", {
      spaceId: ENG,
      limit: "2",
      fetchAll: "true",
      sort: "title",
    });
    expect(pages.results!.length).toBeGreaterThan(2);
    expect(requestsTo("v2:getPages").length).toBeGreaterThanOrEqual(2);
    const inSpace = await run("listPagesInSpace", {
      spaceId: ENG,
      depth: "all",
      limit: "3",
      fetchAll: "true",
    });
    expect(inSpace.results!.length).toBeGreaterThan(3);
    await run("listPagesInSpace", { spaceId: ENG, depth: "root", status: "current" });

    const updated = await run("updatePage", {
      pageId: state.pageId,
      status: "current",
      title: `${state.title} (updated)`,
      body: storage("<p>Version two</p>"),
      version: JSON.stringify({ number: 2, message: "conformance" }),
    });
    expect(updated).toMatchObject({ version: { number: 2 } });
    // 409: a stale version number.
    await expect(
      run("updatePage", {
        pageId: state.pageId,
        status: "current",
        title: state.title,
        body: storage("<p>stale</p>"),
        version: JSON.stringify({ number: 2 }),
      }),
    ).rejects.toThrow();
  });

  const owners = [
    { suffix: "Page", list: "Page", idKey: "pageId", id: () => state.pageId },
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

  it.each(owners)("manages content properties of a $suffix", async (owner) => {
    const owned = { [owner.idKey]: owner.id() };
    const key = `conformance-${owner.suffix.toLowerCase()}`;
    const created = await run(`createContentPropertyFor${owner.suffix}`, {
      ...owned,
      bodyData: JSON.stringify({ key, value: { step: 1 } }),
    });
    const propertyId = String(created.id);
    expect(
      await run(`getContentPropertiesFor${owner.list}`, { ...owned, propertyId }),
    ).toMatchObject({
      key,
      value: { step: 1 },
    });
    const listed = await run(`listContentPropertiesFor${owner.list}`, { ...owned, sort: "key" });
    expect(listed.results!.length).toBeGreaterThanOrEqual(1);
    const updated = await run(`updateContentPropertyFor${owner.suffix}`, {
      ...owned,
      propertyId,
      bodyData: JSON.stringify({ key, value: { step: 2 }, version: { number: 2 } }),
    });
    expect(updated).toMatchObject({ value: { step: 2 }, version: { number: 2 } });
    await run(`deleteContentPropertyFor${owner.suffix}`, { ...owned, propertyId });
    await expect(
      run(`getContentPropertiesFor${owner.list}`, { ...owned, propertyId }),
    ).rejects.toThrow();
  });

  it("reads, lists across pages and deletes attachments", async () => {
    const attachment = await run("getAttachment", {
      attachmentId: DEMO_IDS.attachments.architecturePdf,
    });
    expect(attachment.id).toBe(DEMO_IDS.attachments.architecturePdf);
    const all = await run("listAttachments", { limit: "1", fetchAll: "true" });
    expect(all.results!.length).toBeGreaterThan(1);
    expect(requestsTo("v2:getAttachments").length).toBeGreaterThan(1);
    const onPage = await run("getPageAttachment", { pageId: DEMO_IDS.pages.architecture });
    expect(onPage.results!.length).toBeGreaterThanOrEqual(1);
    await run("deleteAttachment", { attachmentId: DEMO_IDS.attachments.notesTxt });
    await expect(run("getAttachment", { attachmentId: "att999999" })).rejects.toThrow();
  });

  it("sends raw REST and GraphQL requests, then deletes the page", async () => {
    const raw = await run("rawRequest", {
      url: `/wiki/api/v2/pages/${state.pageId}`,
      method: "GET",
    });
    expect(raw).toMatchObject({ id: state.pageId });
    const graph = await run("graphqlRequest", {
      query: "query ($id: ID!) { confluence { space(id: $id) { key } } }",
      variables: JSON.stringify({ id: ENG }),
    });
    expect(JSON.stringify(graph)).toContain("ENG");
    await run("deletePage", { pageId: state.pageId });
  });

  it("exercised every operation of the connector, several pages, and 400/404/409", () => {
    const targets = new Set(seen.map((entry) => entry.target));
    const missing = connectorOperations
      .filter(({ target }) => target !== "any")
      .filter(({ target }) => !targets.has(target))
      .map(({ action, target }) => `${action} (${target})`);
    expect(missing).toEqual([]);
    const statuses = new Set(seen.map((entry) => entry.status));
    for (const status of [200, 204, 400, 404, 409]) expect(statuses).toContain(status);
    expect(seen.filter((entry) => entry.target === "unrouted")).toEqual([]);
  });
});

// The demo scenario under the OpenAPI referee: the demo's actions (src/demo/scenario.ts) run
// through the Prismatic component (spectral's harness) against the emulator, then multi-page
// listings and the 400/404/409 error paths, once per connection type. Every exchange is validated by
// startTestEmulator (a violation fails the step that caused it); the last test checks that the
// scenario really exercised every operation the connector relies on.
import { testing } from "@prismatic-io/spectral";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import component from "../../src/component/index.js";
import { ATLASSIAN_BASE_URL_ENV } from "../../src/core/index.js";
import { runScenario } from "../../src/demo/scenario.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { documentedActionLabels } from "../catalog/spec-tables.js";
import { mint } from "../oauth/support.js";
import { startTestEmulator } from "../support/emulator.js";
import { connectorOperations } from "./connector-operations.js";
import { loadSpecs } from "./spec.js";
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
  {
    name: "Confluence OAuth 2.0",
    connection: async (emulator) => {
      // The component reaches Atlassian's gateway (here: the emulator) through this setting.
      process.env[ATLASSIAN_BASE_URL_ENV] = emulator.url;
      const { access_token } = await mint(emulator.url);
      return {
        key: "oauth2",
        configVarKey: "",
        fields: { clientId: "demo-client-id", clientSecret: "demo-client-secret" },
        token: { access_token },
      };
    },
  },
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
    delete process.env[ATLASSIAN_BASE_URL_ENV];
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

  it("runs the demo scenario: every action succeeds", async () => {
    const failed: string[] = [];
    await runScenario(run, (outcome) => {
      if (!outcome.ok) failed.push(`${outcome.step.key}: ${String(outcome.error)}`);
    });
    expect(failed).toEqual([]);
  }, 120_000);

  it("lists across several pages", async () => {
    for (const [action, operation, params] of [
      ["listSpaces", "v2:getSpaces", { limit: "1" }],
      ["listPages", "v2:getPages", { spaceId: ENG, limit: "2", sort: "title" }],
      ["listPagesInSpace", "v2:getPagesInSpace", { spaceId: ENG, depth: "all", limit: "3" }],
      ["listAttachments", "v2:getAttachments", { limit: "1" }],
    ] as const) {
      const before = requestsTo(operation).length;
      const all = await run(action, { ...params, fetchAll: "true" });
      const pages = requestsTo(operation).slice(before);
      expect(all.results!.length, action).toBeGreaterThan(Number(params.limit));
      expect(pages.length, action).toBeGreaterThanOrEqual(2);
      expect(
        pages.slice(1).every((entry) => entry.url.includes("cursor=")),
        action,
      ).toBe(true);
    }
  });

  it("answers 400, 404 and 409 as Confluence does", async () => {
    const title = `Conformance ${connectionCase.name} ${Date.now()}`;
    const created = await run("createPage", {
      spaceId: ENG,
      status: "current",
      title,
      body: storage("<p>Hello</p>"),
    });
    // 400: Confluence refuses a second page with the same title in a space.
    await expect(
      run("createPage", { spaceId: ENG, status: "current", title, body: storage("") }),
    ).rejects.toThrow();
    // 404: unknown page and attachment.
    await expect(run("getPage", { pageId: "999999999" })).rejects.toThrow();
    await expect(run("getAttachment", { attachmentId: "att999999" })).rejects.toThrow();
    // 409: a stale version number.
    const stale = {
      pageId: String(created.id),
      status: "current",
      title,
      body: storage("<p>stale</p>"),
      version: JSON.stringify({ number: 1 }),
    };
    await expect(run("updatePage", stale)).rejects.toThrow();
    await run("deletePage", { pageId: String(created.id) });
  });

  it("exercised every operation of the connector, several pages, and 400/404/409", async () => {
    const targets = new Set(seen.map((entry) => entry.target));
    const operations = connectorOperations(await loadSpecs());
    expect(operations).toHaveLength(documentedActionLabels().length);
    const missing = operations
      .filter(({ target }) => target !== "any")
      .filter(({ target }) => !targets.has(target))
      .map(({ action, target }) => `${action} (${target})`);
    expect(missing).toEqual([]);
    const statuses = new Set(seen.map((entry) => entry.status));
    for (const status of [200, 204, 400, 404, 409]) expect(statuses).toContain(status);
    expect(seen.filter((entry) => entry.target === "unrouted")).toEqual([]);
  });
});

// Every action of the Prismatic component with an OAuth 2.0 connection (`{ token: {
// access_token } }`, the platform owns refresh), through the emulator's gateway selected with
// CONFLUENCE_ATLASSIAN_API_URL: one accessible-resources lookup, then one request per action.
import { testing } from "@prismatic-io/spectral";
import { afterAll, beforeAll, expect, it } from "vitest";
import component from "../../src/component/index.js";
import { runScenario } from "../../src/demo/scenario.js";
import { documentedActionLabels } from "../catalog/spec-tables.js";
import { startTestEmulator } from "../support/emulator.js";
import { Capture, lastSeq, mint, requestsSince } from "./support.js";

let url = "";
let close = async () => {};
const previousEnv = process.env.CONFLUENCE_ATLASSIAN_API_URL;

beforeAll(async () => {
  const emulator = await startTestEmulator({ seed: "demo" });
  url = emulator.url;
  close = emulator.close;
  // The component's runtime caches sites by token and gateway: a fresh emulator's freshly
  // minted token starts uncached.
  process.env.CONFLUENCE_ATLASSIAN_API_URL = url;
});
afterAll(async () => {
  if (previousEnv === undefined) delete process.env.CONFLUENCE_ATLASSIAN_API_URL;
  else process.env.CONFLUENCE_ATLASSIAN_API_URL = previousEnv;
  await close();
});

const TWO_REQUESTS = new Set([
  "getPageByTitle",
  "listPagesWithLabel",
  "downloadAttachment",
  "updateBlogPost",
  "updateFooterComment",
  "resolveInlineComment",
  "createInlineComment",
  "restorePageVersion",
  "updatePageTitle",
  "uploadAttachment",
]);

it("runs every action with an OAuth connection, one request each (two for Get Page by Title, the reading updates, and the version read of Restore Page Version, Update Page Title and Upload Attachment) after the site lookup", async () => {
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
  const used = new Set<string>();
  let since = await lastSeq(url);
  let index = 0;
  const perform = async (key: string, params: Record<string, unknown>) => {
    const result = (await harness
      .action(key, { connection, debugRequest: true, ...params }, { logger } as never)
      .catch((error: unknown) => {
        capture.error(error);
        throw error;
      })) as { data: unknown };
    return result.data;
  };
  const { failures } = await runScenario(perform, async (outcome) => {
    const key = outcome.step.key;
    expect(outcome.ok, key).toBe(true);
    used.add(key);
    const log = await requestsSince(url, since);
    since = log.at(-1)?.seq ?? since;
    const lookups = log.filter((e) => e.path === "/oauth/token/accessible-resources");
    expect(lookups, key).toHaveLength(index === 0 ? 1 : 0);
    // Get Page by Title looks the space key up before the page (v2 filters by space id); the
    // versioned updates beyond the specification read the current version number first, and
    // Create Inline Comment counts the selection in the page when not told.
    expect(log.length - lookups.length, key).toBe(TWO_REQUESTS.has(key) ? 2 : 1);
    expect(log.at(-1)?.path, key).toMatch(/^\/(ex\/confluence\/[^/]+\/wiki\/|graphql$)/);
    index += 1;
  });
  expect(failures).toBe(0);
  expect([...used].sort()).toEqual(Object.keys(component.actions).sort());
  expect(used.size).toBe(documentedActionLabels().length);
  expect(capture.leaks([minted.access_token, minted.refresh_token])).toEqual([]);
  // About 60 actions in a row: a loaded 2-core machine needs more than the default 30 s.
}, 120_000);

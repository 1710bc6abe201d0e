// Safe page writes against a site that behaves like real Confluence on save: the stored storage
// XHTML differs from what was sent (ac:local-id added, attributes reordered), so a probe must
// recognise a landed create by title, status, parent, space, version, author and creation time
// (on the server's clock: its Date header, with the author from getCurrentUser).
import { afterEach, describe, expect, it } from "vitest";
import {
  ConfluenceOutcomeUnknownError,
  createPageSafely,
  type Logger,
  type WriteResolution,
} from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** POST /pages fails with 502 after "saving"; reads return the page as Confluence stored it. */
async function rewritingSite(createdAt: () => string) {
  const page = () => ({
    id: "77",
    status: "current",
    title: "Runbook",
    spaceId: "100",
    parentId: "5",
    authorId: "a",
    createdAt: createdAt(),
    version: { number: 1, authorId: "a", createdAt: createdAt() },
    body: {
      storage: { value: '<p ac:local-id="9f2c" class="x">Hi</p>', representation: "storage" },
    },
    _links: {},
  });
  site = await startSite((req, res) => {
    if (req.method === "POST") return json(res, 502, { message: "proxy timeout" });
    if (req.url === "/wiki/rest/api/user/current") return json(res, 200, { accountId: "a" });
    if (req.url?.startsWith("/wiki/api/v2/pages?"))
      return json(res, 200, { results: [page()], _links: {} });
    return json(res, 200, page());
  });
  return site;
}

const body = {
  spaceId: "100",
  status: "current",
  title: "Runbook",
  parentId: "5",
  body: { representation: "storage", value: '<p class="x">Hi</p>' },
};

describe("createPageSafely", () => {
  it("finds a landed create although Confluence rewrote its storage body, logging every call to the caller's logger", async () => {
    const site = await rewritingSite(() => new Date().toISOString());
    const { client } = clientFor(site, { retry: { maxRetries: 0 } });
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message) => lines.push(message),
      info: (message) => lines.push(message),
      warn: (message) => lines.push(message),
      error: (message) => lines.push(message),
    };
    const resolutions: WriteResolution[] = [];
    const response = await createPageSafely(client, {
      body,
      debug: true,
      logger,
      onResolved: (resolution) => resolutions.push(resolution),
    });
    expect(response.data.id).toBe("77");
    expect(resolutions).toEqual([
      { operation: "createPage", outcome: "found", attempts: 1, probes: 1 },
    ]);
    // The POST and the probe's GETs reached the per-call logger (it used to be dropped).
    const requests = lines.filter((line) => /request/i.test(line));
    expect(requests.length).toBeGreaterThanOrEqual(3);
    await client.close();
  });

  it("does not claim a same-titled page created before the attempt", async () => {
    const site = await rewritingSite(() => "2020-01-01T00:00:00.000Z");
    const { client } = clientFor(site, { retry: { maxRetries: 0 } });
    const error = await createPageSafely(client, { body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceOutcomeUnknownError);
    expect((error as Error).message).toMatch(/page 77 has this title but/);
    // One POST, no re-send: a page with this title exists.
    expect(site.received.filter((r) => r.method === "POST")).toHaveLength(1);
    await client.close();
  });
});

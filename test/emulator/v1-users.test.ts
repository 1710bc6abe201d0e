// v1 user lookup (getUser, getBulkUserLookup): a user of the site by account id, 404 for none;
// several in the order asked, unknown ids left out, at most `limit`.
import { describe, expect, it } from "vitest";
import { DEFAULT_USER } from "../../src/emulator/index.js";
import { DEMO_VIEWER } from "../../src/emulator/seed-perms.js";
import { useResettingEmulator } from "./client.js";

const site = useResettingEmulator({ seed: "demo" });

describe("GET /wiki/rest/api/user", () => {
  it("answers the user an account id names, and 404 for one no user has", async () => {
    const found = await site.call(`/wiki/rest/api/user?accountId=${DEMO_VIEWER.accountId}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      type: "known",
      accountId: DEMO_VIEWER.accountId,
      email: DEMO_VIEWER.email,
    });
    const missing = await site.call("/wiki/rest/api/user?accountId=557058:no-such-user");
    expect(missing.status).toBe(404);
  });
});

describe("GET /wiki/rest/api/user/bulk", () => {
  it("answers the users asked for in order, without unknown ids, at most limit", async () => {
    const ids = [DEMO_VIEWER.accountId, "557058:no-such-user", DEFAULT_USER.accountId];
    const both = await site.call(`/wiki/rest/api/user/bulk?accountId=${ids.join(",")}`);
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ start: 0, limit: 200, size: 2 });
    expect(both.body.results.map((user: { accountId: string }) => user.accountId)).toEqual([
      DEMO_VIEWER.accountId,
      DEFAULT_USER.accountId,
    ]);
    const one = await site.call(`/wiki/rest/api/user/bulk?accountId=${ids.join(",")}&limit=1`);
    expect(one.body.results).toHaveLength(1);
  });
});

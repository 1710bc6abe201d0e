// v1 createSpace (POST /wiki/rest/api/space): 200 with the v1 Space, the key required, 400 for a
// taken key or a missing name; the new space is served by v1 getSpace and listed by getSpaces.
import { describe, expect, it } from "vitest";
import { allowInvalidRequestsInThisTest } from "../support/emulator.js";
import { useResettingEmulator } from "./client.js";

const site = useResettingEmulator({ seed: "demo" });

describe("POST /wiki/rest/api/space", () => {
  it("creates a space with its homepage and answers 200 with the v1 Space", async () => {
    const created = await site.call("/wiki/rest/api/space", {
      method: "POST",
      body: {
        key: "OPS",
        name: "Operations",
        description: { plain: { value: "Runbooks", representation: "plain" } },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ key: "OPS", name: "Operations", type: "global" });
    expect(typeof created.body.id).toBe("number");
    const fetched = await site.call("/wiki/rest/api/space/OPS");
    expect(fetched.status).toBe(200);
    const listed = await site.call("/wiki/rest/api/space?spaceKey=OPS");
    expect(listed.body.results).toHaveLength(1);
    const home = await site.call(`/wiki/api/v2/spaces/${created.body.id}`);
    expect(home.body.homepageId).toMatch(/^[0-9]+$/);
  });

  it("answers 400 for a taken key, a missing key or name, and a body that is not an object", async () => {
    // Three of these bodies break SpaceCreate on purpose.
    allowInvalidRequestsInThisTest();
    for (const body of [{ key: "ENG", name: "Again" }, { name: "No key" }, { key: "NONAME" }, []]) {
      const response = await site.call("/wiki/rest/api/space", { method: "POST", body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.statusCode).toBe(400);
    }
  });
});

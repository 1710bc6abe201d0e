// Data sources (pickers) through the component against the emulator: the picklist shape
// (`{ label, key }`), the keys the actions take, and the requests sent.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { state, received, connection } = useComponent();

async function pick(key: string, params: Record<string, unknown> = {}) {
  const result = await state.harness.dataSource(key, { connection: connection(), ...params });
  return result.result as { label: string; key: string }[];
}

describe("data sources", () => {
  it("Select Space lists spaces by name, keyed by Space Id", async () => {
    const choices = await pick("selectSpace");
    expect(choices).toContainEqual({
      label: expect.stringContaining("(ENG)"),
      key: DEMO_IDS.spaces.engineering.id,
    });
    for (const choice of choices) expect(Object.keys(choice).sort()).toEqual(["key", "label"]);
    const [request] = await received();
    expect(request).toMatchObject({ path: "/wiki/api/v2/spaces", query: { limit: "250" } });
  });

  it("Select Page lists a space's current pages, keyed by Page Id", async () => {
    const choices = await pick("selectPage", { spaceId: DEMO_IDS.spaces.engineering.id });
    const keys = choices.map((choice) => choice.key);
    expect(keys).toContain(DEMO_IDS.pages.architecture);
    expect(keys).not.toContain(DEMO_IDS.pages.trashedNotes);
    expect(keys).not.toContain(DEMO_IDS.pages.personalHome);
  });

  it("Select Page searches titles with CQL in the space's key", async () => {
    const choices = await pick("selectPage", {
      spaceId: DEMO_IDS.spaces.engineering.id,
      titleSearch: "architecture",
    });
    expect(choices.map((choice) => choice.key)).toEqual([DEMO_IDS.pages.architecture]);
    const requests = await received();
    expect(requests.map((r) => r.path)).toEqual([
      `/wiki/api/v2/spaces/${DEMO_IDS.spaces.engineering.id}`,
      "/wiki/rest/api/search",
    ]);
    expect(requests[1]?.query.cql).toBe(
      'type = page AND space = "ENG" AND title ~ "architecture" ORDER BY title',
    );
  });

  it("Select Attachment lists a page's attachments, keyed by Attachment Id", async () => {
    const choices = await pick("selectAttachment", { pageId: DEMO_IDS.pages.architecture });
    expect(choices.map((choice) => choice.key)).toContain(DEMO_IDS.attachments.architecturePdf);
    expect(choices.every((choice) => choice.label !== "")).toBe(true);
  });

  it("Select Label lists a page's labels, keyed by name", async () => {
    const choices = await pick("selectLabel", { pageId: DEMO_IDS.pages.architecture });
    expect(choices).toEqual([{ label: "architecture", key: "architecture" }]);
  });

  it("refuses a bad input by its label before any request", async () => {
    await expect(pick("selectPage", { spaceId: "not-a-number" })).rejects.toThrow(/Space Id/);
    expect(await received()).toEqual([]);
  });
});

// Content properties: 5 operations × 3 owners, table-driven.
import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();

const owners = [
  {
    suffix: "Page",
    listSuffix: "Page",
    idKey: "pageId",
    id: DEMO_IDS.pages.runbooks,
    base: "pages",
  },
  {
    suffix: "Attachment",
    listSuffix: "Attachments",
    idKey: "attachmentId",
    id: DEMO_IDS.attachments.diagramPng,
    base: "attachments",
  },
  {
    suffix: "CustomContent",
    listSuffix: "CustomContent",
    idKey: "customContentId",
    id: DEMO_IDS.customContent.checklist,
    base: "custom-content",
  },
] as const;

interface Property {
  id: string;
  key: string;
  value: unknown;
  version: { number: number };
}

describe.each(owners)("content properties of $base", (owner) => {
  const path = `/wiki/api/v2/${owner.base}/${owner.id}/properties`;
  const owned = { [owner.idKey]: owner.id };

  it("create, get, list, update and delete", async () => {
    const key = `test-${owner.base}`;
    const created = (
      await run(`createContentPropertyFor${owner.suffix}`, {
        ...owned,
        bodyData: JSON.stringify({ key, value: { n: 1 } }),
      })
    ).data as Property;
    expect(created).toMatchObject({ key, value: { n: 1 } });

    const got = (
      await run(`getContentPropertiesFor${owner.listSuffix}`, { ...owned, propertyId: created.id })
    ).data as Property;
    expect(got).toMatchObject({ id: created.id, key });

    const listed = (
      await run(`listContentPropertiesFor${owner.listSuffix}`, { ...owned, sort: "-key" })
    ).data as { results: Property[] };
    expect(listed.results.map((p) => p.key)).toContain(key);

    const updated = (
      await run(`updateContentPropertyFor${owner.suffix}`, {
        ...owned,
        propertyId: created.id,
        bodyData: JSON.stringify({ key, value: { n: 2 }, version: { number: 2 } }),
      })
    ).data as Property;
    expect(updated).toMatchObject({ value: { n: 2 }, version: { number: 2 } });

    const deleted = await run(`deleteContentPropertyFor${owner.suffix}`, {
      ...owned,
      propertyId: created.id,
    });
    expect(deleted.data).toMatchObject({ id: created.id, deleted: true });

    const requests = await received();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${path}`,
      `GET ${path}/${created.id}`,
      `GET ${path}`,
      `PUT ${path}/${created.id}`,
      `DELETE ${path}/${created.id}`,
    ]);
    expect(requests[0]?.body).toEqual({ key, value: { n: 1 } });
    expect(requests[2]?.query).toMatchObject({ sort: "-key", limit: "25" });
    expect(requests[3]?.body).toEqual({ key, value: { n: 2 }, version: { number: 2 } });
  });
});

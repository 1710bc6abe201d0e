import { describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { useResettingEmulator } from "./client.js";

const P = DEMO_IDS.pages;

// Strict conformance: the 409 on stale property versions, which the OpenAPI document does not
// declare, is a documented exception in test/conformance/exceptions.ts.
const { call } = useResettingEmulator();

describe("content properties", () => {
  const owners = [
    ["pages", P.runbooks],
    ["attachments", DEMO_IDS.attachments.diagramPng],
    ["custom-content", DEMO_IDS.customContent.checklistOnPage],
  ] as const;

  for (const [segment, id] of owners) {
    it(`creates, reads, updates with version checks and deletes on ${segment}`, async () => {
      const base = `/wiki/api/v2/${segment}/${id}/properties`;
      const created = await call(base, { method: "POST", body: { key: "b-key", value: { n: 1 } } });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ key: "b-key", value: { n: 1 }, version: { number: 1 } });
      expect((await call(base, { method: "POST", body: { key: "b-key", value: 2 } })).status).toBe(
        400,
      );
      await call(base, { method: "POST", body: { key: "a-key", value: "x" } });
      const sorted = await call(`${base}?sort=key`);
      expect(sorted.body.results.map((p: { key: string }) => p.key)).toEqual(["a-key", "b-key"]);
      const byKey = await call(`${base}?key=b-key`);
      expect(byKey.body.results).toHaveLength(1);
      const pid = created.body.id as string;
      const put = (number: number) =>
        call(`${base}/${pid}`, {
          method: "PUT",
          body: { key: "b-key", value: { n: number }, version: { number } },
        });
      expect((await put(1)).status).toBe(409);
      expect((await put(3)).status).toBe(409);
      const ok = await put(2);
      expect(ok.body).toMatchObject({ value: { n: 2 }, version: { number: 2 } });
      expect((await put(2)).status).toBe(409);
      expect((await call(`${base}/${pid}`)).body.version.number).toBe(2);
      expect((await call(`${base}/${pid}`, { method: "DELETE" })).status).toBe(204);
      expect((await call(`${base}/${pid}`)).status).toBe(404);
      expect(
        (await call(`/wiki/api/v2/${segment}/${id === P.runbooks ? "98999" : "999"}/properties`))
          .status,
      ).toBe(404);
    });
  }
});

// Confluence rewrites storage XHTML on save (src/emulator/storage-on-save.ts): a body read back
// is not always byte-identical to the body written, and clients must not assume it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { storageAsSaved } from "../../src/emulator/storage-on-save.js";
import { startTestEmulator } from "../support/emulator.js";
import { client } from "./client.js";

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let call: ReturnType<typeof client>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  call = client(emulator.url);
});
afterAll(() => emulator.close());

const MACRO =
  '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>';

describe("storage body on save", () => {
  it('stores a macro without ac:schema-version with ac:schema-version="1"', async () => {
    const sent = `<p>Intro</p>${MACRO}<ac:structured-macro ac:name="toc" />`;
    const created = await call("/wiki/api/v2/pages", {
      method: "POST",
      body: {
        spaceId: DEMO_IDS.spaces.engineering.id,
        title: "Macro page",
        body: { representation: "storage", value: sent },
      },
    });
    expect(created.status).toBe(200);
    const stored: string = created.body.body.storage.value;
    expect(stored).not.toBe(sent);
    expect(stored).toBe(
      '<p>Intro</p><ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro><ac:structured-macro ac:name="toc" ac:schema-version="1" />',
    );
    const read = await call(`/wiki/api/v2/pages/${created.body.id}?body-format=storage`);
    expect(read.body.body.storage.value).toBe(stored);

    // Writing back what was read changes nothing: the rewrite is idempotent.
    const updated = await call(`/wiki/api/v2/pages/${created.body.id}`, {
      method: "PUT",
      body: {
        id: created.body.id,
        status: "current",
        title: "Macro page",
        body: { representation: "storage", value: stored },
        version: { number: 2 },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.body.storage.value).toBe(stored);
  });

  it("keeps bodies without macros, and macros that name their schema version, byte for byte", () => {
    for (const body of [
      "<p>Hi</p>",
      '<ac:structured-macro ac:name="code" ac:schema-version="2"><ac:plain-text-body><![CDATA[x]]></ac:plain-text-body></ac:structured-macro>',
      "<ac:structured-macros>not a macro</ac:structured-macros>",
    ]) {
      expect(storageAsSaved(body)).toBe(body);
    }
    const once = storageAsSaved(MACRO);
    expect(storageAsSaved(once)).toBe(once);
  });
});

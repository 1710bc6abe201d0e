// The committed MCP output schemas are what scripts/mcp-output-schemas.ts makes of the catalog
// and the committed OpenAPI extract now (`npm run docs` rewrites them).
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { OUTPUT_FILE, outputSchemas } from "../../scripts/mcp-output-schemas.js";

it("src/mcp/output-schemas.json is fresh (run `npm run docs`)", () => {
  const committed = JSON.parse(
    readFileSync(new URL(`../../${OUTPUT_FILE}`, import.meta.url), "utf8"),
  );
  expect(committed).toEqual(outputSchemas());
});

it("describes list results, deletes and Confluence bodies tolerantly (no required fields)", () => {
  const schemas = outputSchemas();
  expect(schemas.listPages).toMatchObject({ required: ["results"] });
  expect(schemas.deletePage).toMatchObject({ required: ["id", "deleted"] });
  expect(schemas.getPage).not.toHaveProperty("required");
  expect(schemas.getPage).toMatchObject({ properties: { ownerId: { type: ["string", "null"] } } });
  expect(schemas).not.toHaveProperty("rawRequest");
});

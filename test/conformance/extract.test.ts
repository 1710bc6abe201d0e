// The committed OpenAPI extract (spec/openapi/) is what scripts/openapi-extract.ts makes of
// Atlassian's official documents, and holds no prose. The freshness check needs the official
// documents beside the repository (scripts/beside-repo.ts, as in CI); a bare clone skips it.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  EXTRACT_DIR,
  EXTRACT_FILES,
  type ExtractName,
  extractOpenApi,
  extractText,
  OFFICIAL_DIR,
  readOfficial,
} from "../../scripts/openapi-extract.js";
import { validateSpecDefinition } from "./spec.js";

const NAMES = Object.keys(EXTRACT_FILES) as ExtractName[];
const officialPresent = NAMES.every((name) =>
  existsSync(resolve(OFFICIAL_DIR, EXTRACT_FILES[name])),
);
if (!officialPresent) {
  console.log(
    `skipping the OpenAPI extract freshness check: Atlassian's documents are not at ${OFFICIAL_DIR} (they are beside the repository in CI)`,
  );
}

const committed = (name: ExtractName) =>
  readFileSync(resolve(EXTRACT_DIR, EXTRACT_FILES[name]), "utf8");

const NAME_MAPS = [
  "properties",
  "paths",
  "schemas",
  "responses",
  "content",
  "headers",
  "parameters",
  "patternProperties",
  "requestBodies",
  "securitySchemes",
  "variables",
  "encoding",
  "scopes",
];

/** Where prose keywords sit (keys of a name map, such as property names, are not keywords). */
function proseKeywords(value: unknown, path: string, inNameMap: boolean): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => proseKeywords(item, `${path}/${i}`, false));
  }
  if (typeof value !== "object" || value === null) return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const keyword = !inNameMap;
    const isProse = [
      "summary",
      "description",
      "title",
      "example",
      "examples",
      "externalDocs",
    ].includes(key);
    if (keyword && isProse) found.push(`${path}/${key}`);
    const nameMap = keyword && NAME_MAPS.includes(key) && !Array.isArray(child);
    found.push(...proseKeywords(child, `${path}/${key}`, nameMap));
  }
  return found;
}

describe("the committed OpenAPI extract", () => {
  it.each(NAMES)(
    "%s is a valid OpenAPI document once its required text and the exceptions are in",
    (name) => {
      // The validators' loader (spec.ts) skips this check; it is made here, once per run.
      expect(() => validateSpecDefinition(name)).not.toThrow();
    },
  );

  it.skipIf(!officialPresent)("is what the script makes of the official documents", () => {
    for (const name of NAMES) {
      const expected = extractText(readOfficial(OFFICIAL_DIR, name), name);
      expect(
        committed(name) === expected,
        `spec/openapi/${EXTRACT_FILES[name]} is stale: run \`npm run openapi:extract\` and commit the result`,
      ).toBe(true);
    }
  });

  it("keeps facts and no prose", () => {
    for (const name of NAMES) {
      const extract = JSON.parse(committed(name)) as Record<string, unknown>;
      const prose = proseKeywords(extract, "#", false);
      expect(prose.slice(0, 5), `${name}: prose left in the extract`).toEqual([]);
    }
    // Property names that read like prose keywords are wire facts and stay.
    const v2 = JSON.parse(committed("v2")) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(Object.keys(v2.components.schemas.SpaceDescription?.properties ?? {})).toContain(
      "plain",
    );
    expect(v2.paths["/pages/{id}"]?.get?.operationId).toBe("getPageById");
  });

  it("drops descriptions and examples but keeps properties of those names", () => {
    const extract = extractOpenApi(
      {
        openapi: "3.0.1",
        info: { title: "Atlassian prose", version: "1", description: "narrative" },
        tags: [{ name: "Page", description: "prose" }],
        paths: {
          "/x": {
            get: {
              summary: "prose",
              description: "prose",
              operationId: "getX",
              parameters: [
                {
                  name: "id",
                  in: "query",
                  description: "prose",
                  schema: { type: "string", example: "1" },
                },
              ],
              responses: {
                "200": {
                  description: "prose",
                  content: { "application/json": { schema: { $ref: "#/components/schemas/X" } } },
                },
              },
            },
          },
        },
        components: {
          schemas: {
            X: {
              type: "object",
              title: "prose",
              required: ["title"],
              properties: {
                title: { type: "string", description: "prose" },
                description: { type: "string" },
              },
            },
          },
          securitySchemes: {
            oAuth: {
              type: "oauth2",
              flows: {
                authorizationCode: {
                  authorizationUrl: "u",
                  tokenUrl: "t",
                  scopes: { "read:x": "prose" },
                },
              },
            },
          },
        },
      },
      "v2",
    );
    expect(extract).toEqual({
      openapi: "3.0.1",
      info: { version: "1" },
      servers: [],
      paths: {
        "/x": {
          get: {
            operationId: "getX",
            parameters: [{ name: "id", in: "query", schema: { type: "string" } }],
            responses: {
              "200": {
                content: { "application/json": { schema: { $ref: "#/components/schemas/X" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          X: {
            type: "object",
            required: ["title"],
            properties: { title: { type: "string" }, description: { type: "string" } },
          },
        },
        securitySchemes: {
          oAuth: {
            type: "oauth2",
            flows: {
              authorizationCode: { authorizationUrl: "u", tokenUrl: "t", scopes: { "read:x": "" } },
            },
          },
        },
      },
    });
  });
});

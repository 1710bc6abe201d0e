// The JSON Schemas the adapters show (MCP tools, CLI help) say exactly what the inputs' parsers
// accept: for every input of every action, values the schema allows are parsed and values it
// forbids are refused, at the edges of ranges, against patterns and enums.
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionInputSchema, actions, type InputDef } from "../../src/catalog/index.js";

type Schema = {
  type?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: string[];
  items?: Schema;
};

const accepts = (input: InputDef, raw: unknown) => {
  try {
    input.parse(raw);
    return true;
  } catch {
    return false;
  }
};

/** Values a scalar schema allows and values it forbids (never blank: blank means "not given"). */
function samples(schema: Schema): { allowed: fc.Arbitrary<unknown>; forbidden: unknown[] } {
  if (schema.type === "integer" && schema.minimum !== undefined && schema.maximum !== undefined) {
    const { minimum: min, maximum: max } = schema;
    return {
      allowed: fc.oneof(
        fc.constantFrom(min, max),
        fc.integer({ min, max }),
        fc.integer({ min, max }).map(String),
      ),
      forbidden: [min - 1, String(max + 1), "1.5", "ten"],
    };
  }
  if (schema.enum !== undefined) {
    return { allowed: fc.constantFrom(...schema.enum), forbidden: ["not-one-of-them"] };
  }
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    return {
      allowed: fc.stringMatching(pattern).filter((text) => text.trim() !== ""),
      forbidden: ["abc", "12a", "../1", "1 2", `${"9".repeat(25)}`].filter((t) => !pattern.test(t)),
    };
  }
  if (schema.type === "boolean") {
    return { allowed: fc.constantFrom(true, false, "true", "false"), forbidden: ["yes", "1"] };
  }
  return { allowed: fc.string().filter((text) => text.trim() !== ""), forbidden: [] };
}

const scalarInputs = Object.values(actions).flatMap((action) => {
  const properties = actionInputSchema(action).properties as Record<string, Schema>;
  return Object.entries(properties)
    .filter(([key]) => action.inputs[key]?.parse.schema !== undefined)
    .map(
      ([key, schema]) => [`${action.key}.${key}`, action.inputs[key] as InputDef, schema] as const,
    );
});

describe("input schemas agree with the parsers", () => {
  it("covers the constrained inputs (ids, page sizes, enums, flags)", () => {
    const kinds = new Set(
      scalarInputs.map(([, , schema]) =>
        schema.pattern ? "pattern" : schema.enum ? "enum" : String(schema.type),
      ),
    );
    for (const kind of ["pattern", "enum", "integer", "boolean"]) expect(kinds).toContain(kind);
  });

  it.each(scalarInputs)("%s", (_name, input, schema) => {
    const item = schema.type === "array" ? (schema.items ?? {}) : schema;
    const wrap = (value: unknown) => (schema.type === "array" ? [String(value)] : value);
    const { allowed, forbidden } = samples(item);
    fc.assert(
      fc.property(allowed, (value) => {
        expect(accepts(input, wrap(value)), `allowed ${JSON.stringify(value)}`).toBe(true);
      }),
      { numRuns: 50, seed: 7 },
    );
    for (const value of forbidden) {
      expect(accepts(input, wrap(value)), `forbidden ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it("every action's input schema is valid JSON Schema", () => {
    const ajv = new Ajv2020.default({ strict: false });
    for (const action of Object.values(actions)) {
      expect(() => ajv.compile(actionInputSchema(action)), action.key).not.toThrow();
    }
  });
});

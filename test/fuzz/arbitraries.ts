// Input generators for fuzzing the catalog: for every input, a mix of plausible values (so
// requests really reach the emulator) and hostile ones (CR/LF, traversal, bad escapes, unicode
// digits, huge strings, wrong types).
import fc from "fast-check";
import type { InputDef } from "../../src/catalog/index.js";
import { DEMO_IDS } from "../../src/emulator/index.js";

const HOSTILE_TEXT = [
  "",
  " ",
  "\r\n",
  "a\r\nX-Injected: 1",
  "a\nb",
  "..",
  "../..",
  "../../admin",
  "%",
  "%2F",
  "%00",
  "a/b",
  "?a=b#c",
  "#frag",
  "/",
  "//evil.example/x",
  "http://evil.example/wiki/api/v2/pages",
  "https://user:pass@evil.example/",
  "att",
  "att-1",
  "ATT123",
  "-1",
  "0",
  "1e3",
  "0x10",
  "1.5",
  "9".repeat(30),
  "١٢٣",
  "１２３",
  "\u0000",
  "\u202e123",
  "😀",
  "<script>alert(1)</script>",
  '{"a":',
  "null",
  "[]",
  "{}",
  "true",
  "a".repeat(5000),
];

export const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom("/", "%", "?", "#", "\r", "\n", ".", "a", "1", " "),
    maxLength: 12,
  }),
);

const wrongType = fc.constantFrom<unknown>(
  null,
  undefined,
  123,
  -1,
  Number.NaN,
  true,
  {},
  [],
  [1],
  {
    key: "x",
  },
);

export const hostile = fc.oneof(
  { weight: 4, arbitrary: hostileText as fc.Arbitrary<unknown> },
  { weight: 1, arbitrary: wrongType },
);

const demoIds = {
  page: Object.values(DEMO_IDS.pages),
  space: Object.values(DEMO_IDS.spaces).map((space) => space.id),
  attachment: Object.values(DEMO_IDS.attachments),
  customContent: Object.values(DEMO_IDS.customContent),
  property: Object.values(DEMO_IDS.properties),
};

const numeric = fc.oneof(
  fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
  fc.integer({ min: 1, max: 999_999 }).map(String),
);

function idValues(label: string): fc.Arbitrary<unknown> {
  const lower = label.toLowerCase();
  if (lower.startsWith("attachment")) {
    return fc.oneof(
      fc.constantFrom(...demoIds.attachment),
      numeric.map((n) => `att${n}`),
      numeric,
    );
  }
  const pool = lower.startsWith("space")
    ? demoIds.space
    : lower.startsWith("custom")
      ? demoIds.customContent
      : lower.startsWith("property")
        ? demoIds.property
        : demoIds.page;
  return fc.oneof(fc.constantFrom(...pool), numeric);
}

const jsonText = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc
    .record({
      key: fc.oneof(fc.string({ maxLength: 20 }), hostileText),
      value: fc.jsonValue({ maxDepth: 2 }),
    })
    .map((body) => JSON.stringify(body)),
  fc
    .record({
      key: fc.string({ minLength: 1, maxLength: 20 }),
      value: fc.jsonValue({ maxDepth: 2 }),
      version: fc.record({ number: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double()) }),
    })
    .map((body) => JSON.stringify(body)),
  fc.constantFrom(
    '{"representation":"storage","value":"<p>x</p>"}',
    '{"number":2,"message":"fuzz"}',
    '{"representation":"wiki","value":"h1. x"}',
  ),
);

const keyValueList = fc.array(
  fc.record({
    key: fc.oneof(
      fc.constantFrom("space-id", "limit", "key", "status", "X-Custom", "Accept"),
      hostileText,
    ),
    value: fc.oneof(fc.string({ maxLength: 20 }), hostile),
  }),
  { maxLength: 4 },
);

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const fieldsOf = (fields: readonly string[]) =>
  fc.subarray([...fields], { minLength: 1 }).map((chosen) => chosen.join(" "));
const SPACE_FIELDS = ["id", "key", "name", "type", "status", "homepageId"] as const;
const PAGE_FIELDS = [
  "id",
  "title",
  "status",
  "spaceId",
  "parentId",
  "version",
  "createdAt",
  "body",
];
const first = fc.integer({ min: 0, max: 300 });
/** A GraphQL string literal (JSON string syntax is valid GraphQL string syntax). */
const literal = (text: fc.Arbitrary<string>) => text.map((value) => JSON.stringify(value));

/**
 * Valid queries over the emulator's GraphQL schema (src/emulator/routes/graphql.ts), with
 * demo ids, unknown ids and odd arguments, so that fuzzed GraphQL requests also succeed.
 */
export const validGraphqlQuery: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(first, fc.option(fc.array(pick(["ENG", "~demo", "ARCH", "NOPE"]), { maxLength: 3 })))
    .chain(([n, keys]) =>
      fieldsOf(SPACE_FIELDS).map((fields) => {
        const keyArg = keys === null ? "" : `, keys: ${JSON.stringify(keys)}`;
        return `{ confluence { spaces(first: ${n}${keyArg}) { ${fields} } } }`;
      }),
    ),
  fc
    .tuple(literal(fc.oneof(pick(demoIds.space), numeric)), fieldsOf(SPACE_FIELDS))
    .map(([id, fields]) => `query { confluence { space(id: ${id}) { ${fields} } } }`),
  fc
    .tuple(literal(fc.oneof(pick(demoIds.page), numeric)), fieldsOf(PAGE_FIELDS))
    .map(([id, fields]) => `{ confluence { page(id: ${id}) { ${fields} } } }`),
  fc
    .tuple(literal(pick(demoIds.space)), first, fieldsOf(PAGE_FIELDS))
    .map(
      ([id, n, fields]) => `{ confluence { pages(spaceId: ${id}, first: ${n}) { ${fields} } } }`,
    ),
  fc
    .tuple(fc.option(literal(fc.string({ maxLength: 12 }))), fieldsOf(["id", "name", "labels"]))
    .map(([name, fields]) => {
      const args = name === null ? "" : `(name: ${name})`;
      return `{ customers${args} { nodes { ${fields} users { nodes { id email } } } } }`;
    }),
);

/** Well-formed JSON for the JSON inputs (page body, version, property bodies). */
function codeFor(key: string, def: InputDef): fc.Arbitrary<string> {
  const version = fc.integer({ min: 1, max: 6 });
  const propertyKey = fc.string({ minLength: 1, maxLength: 20 });
  switch (key) {
    case "body":
      return fc
        .string({ maxLength: 40 })
        .map((text) => JSON.stringify({ representation: "storage", value: `<p>${text}</p>` }));
    case "version":
      return version.map((number) => JSON.stringify({ number, message: "fuzz" }));
    case "bodyData":
      return def.default?.includes("version") === true
        ? fc
            .tuple(propertyKey, fc.jsonValue({ maxDepth: 2 }), version)
            .map(([k, value, number]) => JSON.stringify({ key: k, value, version: { number } }))
        : fc
            .tuple(propertyKey, fc.jsonValue({ maxDepth: 2 }))
            .map(([k, value]) => JSON.stringify({ key: k, value }));
    case "variables":
      return fc.constantFrom("{}", '{"customerName":"x"}');
    case "query":
      return fc.oneof(
        { weight: 3, arbitrary: validGraphqlQuery },
        { weight: 1, arbitrary: fc.constantFrom("query { nope }", "{", "{ confluence }") },
      );
    default:
      return fc.json({ maxDepth: 2 });
  }
}

function plausible(key: string, def: InputDef): fc.Arbitrary<unknown> {
  if (def.choices !== undefined && def.choices.length > 0) {
    const choice = fc.constantFrom(...def.choices);
    return def.collection === "valuelist" ? fc.array(choice, { maxLength: 3 }) : choice;
  }
  if (def.type === "boolean") return fc.constantFrom("true", "false", true, false, "");
  if (def.collection === "keyvaluelist") return keyValueList;
  if (def.type === "code") return fc.oneof(codeFor(key, def), jsonText);
  if (/\bId$/.test(def.label) || /Id$/.test(key)) {
    return def.collection === "valuelist"
      ? fc.array(idValues(def.label), { maxLength: 3 })
      : idValues(def.label);
  }
  switch (key) {
    case "limit":
      return fc.integer({ min: -5, max: 300 }).map(String);
    case "version":
    case "timeout":
      return fc.integer({ min: 1, max: 5000 }).map(String);
    case "maxRetries":
      return fc.integer({ min: 0, max: 3 }).map(String);
    case "retryDelayMS":
      return fc.integer({ min: 0, max: 20 }).map(String);
    case "url":
      return fc.oneof(
        fc.constantFrom(
          "/wiki/api/v2/spaces",
          "/wiki/rest/api/space",
          "/wiki/api/v2/pages?limit=1",
        ),
        fc
          .array(fc.oneof(fc.string({ maxLength: 8 }), hostileText), { minLength: 1, maxLength: 4 })
          .map((segments) => `/wiki/api/v2/${segments.join("/")}`),
      );
    case "maxItems":
      return fc.integer({ min: 0, max: 12 }).map(String);
    case "versionNumber":
      return fc.integer({ min: 1, max: 6 }).map(String);
    case "spaceKey":
      return fc.oneof(
        fc.constantFrom("ENG", "ARCH", "NOPE"),
        fc.stringMatching(/^[A-Z][A-Z0-9]{0,9}$/),
      );
    default:
      return fc.string({ maxLength: 30 });
  }
}

/** Raw input values for one action: every input gets a plausible or a hostile value. */
export function inputsFor(
  inputs: Readonly<Record<string, InputDef>>,
  connection: unknown,
): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  // Half the runs use plausible values only, so that requests really reach the emulator
  // (with a dozen inputs, one hostile value almost always stops a run at validation).
  const clean: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, def] of Object.entries(inputs)) {
    if (def.type === "connection") {
      fields[key] = fc.constant(connection);
      clean[key] = fields[key];
      continue;
    }
    clean[key] = def.required
      ? plausible(key, def)
      : fc.oneof(
          { weight: 1, arbitrary: plausible(key, def) },
          { weight: 2, arbitrary: fc.constant(undefined) },
        );
    // Retry waits and timeouts stay small so the fuzzer measures validation, not sleeping.
    const safeHostile =
      key === "retryDelayMS" || key === "timeout"
        ? hostileText.filter((t) => !/^\d{3,}$/.test(t.trim()))
        : hostile;
    fields[key] = fc.oneof(
      { weight: 3, arbitrary: plausible(key, def) },
      { weight: 2, arbitrary: safeHostile },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  return fc.oneof(fc.record(clean), fc.record(fields));
}

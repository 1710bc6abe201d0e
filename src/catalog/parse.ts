// Input coercion and validation. Every parser takes the raw value as the platform delivers it
// (Prismatic sends strings, "true"/"false" for booleans, `{ key, value }[]` for key/value lists,
// `string[]` for value lists) and either returns the typed value or throws `InvalidValue`.
// An empty string means "not provided".
import { headerProblem } from "../core/headers.js";
import { InvalidValue, quote } from "./input-error.js";
import { assertValueDepth } from "./json-depth.js";
import { parseJsonText } from "./json-text.js";

/**
 * The JSON Schema of the values a parser accepts, as a machine caller (an MCP client, a script)
 * sends them: declared next to the check it describes, so the two cannot drift apart
 * (test/catalog/input-schemas.test.ts checks each against the parser).
 */
export type ValueSchema = { readonly [keyword: string]: unknown };

export type Parser<T> = ((raw: unknown) => T) & { readonly schema?: ValueSchema };

/** A parser that says what it accepts. */
export function described<T>(schema: ValueSchema, parse: (raw: unknown) => T): Parser<T> {
  return Object.assign(parse, { schema });
}

const isBlank = (raw: unknown): boolean =>
  raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");

function asText(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  throw new InvalidValue(`must be text, got ${Array.isArray(raw) ? "a list" : typeof raw}`);
}

/** Optional free text; blank → undefined. */
export const optionalText: Parser<string | undefined> = described({ type: "string" }, (raw) =>
  isBlank(raw) ? undefined : asText(raw),
);

/** Wrap a parser so that a blank value is refused with "is required". */
export function required<T>(parser: Parser<T | undefined>): Parser<T> {
  const parse = (raw: unknown): T => {
    if (isBlank(raw)) throw new InvalidValue("is required");
    const value = parser(raw);
    if (value === undefined) throw new InvalidValue("is required");
    return value;
  };
  return parser.schema === undefined ? parse : described(parser.schema, parse);
}

export const requiredText: Parser<string> = required(optionalText);

// Confluence v2 ids are int64 numbers sent as strings (OpenAPI: `format: int64`).
const NUMERIC_ID = /^[0-9]{1,19}$/;
// Attachment ids may carry the `att` prefix (getAttachmentById: `pattern: (att)?[0-9]+`).
const ATTACHMENT_ID = /^(att)?[0-9]{1,19}$/;

export const optionalNumericId: Parser<string | undefined> = described(
  { type: "string", pattern: NUMERIC_ID.source },
  (raw) => {
    if (isBlank(raw)) return undefined;
    const id = asText(raw).trim();
    if (!NUMERIC_ID.test(id)) {
      throw new InvalidValue(`must be a numeric Confluence id such as 123456, got ${quote(id)}`);
    }
    return id;
  },
);
export const numericId: Parser<string> = required(optionalNumericId);

export const attachmentId: Parser<string> = required(
  described({ type: "string", pattern: ATTACHMENT_ID.source }, (raw) => {
    const id = asText(raw).trim();
    if (!ATTACHMENT_ID.test(id)) {
      throw new InvalidValue(
        `must be an attachment id such as att123456 (or its number 123456), got ${quote(id)}`,
      );
    }
    return id;
  }),
);

/** Booleans arrive as `true`/`false` strings; blank takes the given fallback. */
export const optionalBool: Parser<boolean | undefined> = described({ type: "boolean" }, (raw) => {
  if (isBlank(raw)) return undefined;
  if (typeof raw === "boolean") return raw;
  const text = asText(raw).trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  throw new InvalidValue(`must be true or false, got ${quote(raw)}`);
});

export function bool(fallback: boolean): Parser<boolean> {
  return described({ type: "boolean", default: fallback }, (raw) => optionalBool(raw) ?? fallback);
}

export function optionalInteger(min: number, max: number): Parser<number | undefined> {
  return described({ type: "integer", minimum: min, maximum: max }, (raw) => {
    if (isBlank(raw)) return undefined;
    const text = asText(raw).trim();
    if (!/^-?[0-9]+$/.test(text))
      throw new InvalidValue(`must be a whole number, got ${quote(raw)}`);
    const value = Number(text);
    if (value < min || value > max) {
      throw new InvalidValue(`must be between ${min} and ${max}, got ${text}`);
    }
    return value;
  });
}

/** Page size: Confluence accepts 1–250 (OpenAPI `limit`: minimum 1, maximum 250). */
export const limit: Parser<number | undefined> = optionalInteger(1, 250);

export function oneOf<const C extends readonly string[]>(
  choices: C,
): Parser<C[number] | undefined> {
  return described({ type: "string", enum: [...choices] }, (raw) => {
    if (isBlank(raw)) return undefined;
    const value = asText(raw).trim();
    if (!choices.includes(value)) {
      throw new InvalidValue(`must be one of ${choices.join(", ")}; got ${quote(value)}`);
    }
    return value as C[number];
  });
}

/** A list given as a value list or as comma-separated text; blanks dropped. */
export function listOf<T>(item: Parser<T | undefined>): Parser<T[] | undefined> {
  return described({ type: "array", items: item.schema ?? {} }, (raw) => {
    if (isBlank(raw)) return undefined;
    const parts = Array.isArray(raw)
      ? raw.flatMap((v) => asText(v).split(","))
      : asText(raw).split(",");
    const values = parts
      .map((p) => p.trim())
      .filter((p) => p !== "")
      .map((p) => item(p));
    const kept = values.filter((v): v is T => v !== undefined);
    return kept.length > 0 ? kept : undefined;
  });
}

export type KeyValues = [string, string][];

/** Entries of a key/value list (`[{ key, value }]`) or a plain object, values untouched. */
export const keyValueEntries: Parser<[string, unknown][]> = (raw) => {
  if (isBlank(raw)) return [];
  const entries: [unknown, unknown][] = Array.isArray(raw)
    ? raw.map((item) => {
        if (item === null || typeof item !== "object" || !("key" in item)) {
          throw new InvalidValue("must be a list of key/value pairs");
        }
        return [(item as { key: unknown }).key, (item as { value?: unknown }).value];
      })
    : typeof raw === "object" && raw !== null
      ? Object.entries(raw)
      : fail("must be a list of key/value pairs");
  return entries.map(([key, value]) => {
    const name = typeof key === "string" ? key.trim() : "";
    if (name === "") throw new InvalidValue("has an entry without a key");
    return [name, value];
  });
};

/** A key/value list with text values; blank → empty. */
export const keyValues: Parser<KeyValues> = (raw) =>
  keyValueEntries(raw).map(([key, value]) => [
    key,
    value === undefined || value === null ? "" : asText(value),
  ]);

function fail(reason: string): never {
  throw new InvalidValue(reason);
}

/**
 * Caller headers (Raw Request "Header", GraphQL "Headers") are refused by the core's own rules
 * (src/core/headers.ts: RFC 9110 names, no header injection, credentials only from the
 * connection); checking them here names the input before any request is built.
 */
export const headers: Parser<KeyValues> = (raw) => {
  const list = keyValues(raw);
  for (const [name, value] of list) {
    switch (headerProblem(name, value)) {
      case "invalid-name":
        throw new InvalidValue(`has an invalid header name ${quote(name)}`);
      case "reserved":
        throw new InvalidValue(
          `must not set ${quote(name)}: it is managed by the connector (credentials come from the connection)`,
        );
      case "unsupported":
        throw new InvalidValue(
          `must not set ${quote(name)}: the connector always sends the body at once (Expect: 100-continue is not supported)`,
        );
      case "invalid-value":
        // The value is not quoted: it may be a credential.
        throw new InvalidValue(
          `header ${quote(name)} has a value containing a line break or control character`,
        );
    }
  }
  return list;
};

/** Placeholder text from the specification's templates that must never reach a customer's site. */
export const PLACEHOLDER = "<string>";

/** Refuse any string that is still the template placeholder, naming where it sits. */
function assertNoPlaceholders(value: unknown, path = "$"): void {
  if (value === PLACEHOLDER) {
    throw new InvalidValue(
      `still contains the template placeholder "${PLACEHOLDER}" at ${path}; replace it with a real value or remove that field`,
    );
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) assertNoPlaceholders(item, `${path}[${index}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertNoPlaceholders(v, `${path}.${k}`);
  }
}

/** JSON text (or an object handed over by a previous step); blank → undefined. */
export const optionalJson: Parser<unknown> = (raw) => {
  if (isBlank(raw)) return undefined;
  const value = typeof raw === "string" ? parseJsonText(raw) : raw;
  if (typeof raw !== "string") assertValueDepth(value);
  assertNoPlaceholders(value);
  return value;
};

/** Like `optionalJson` but the value must be a JSON object. */
export const optionalJsonObject: Parser<Record<string, unknown> | undefined> = (raw) => {
  const value = optionalJson(raw);
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidValue("must be a JSON object ({ ... })");
  }
  return value as Record<string, unknown>;
};

export const jsonObject: Parser<Record<string, unknown>> = required(optionalJsonObject);

// Response validators compiled per (operation, status) on first use, instead of openapi-backend's
// per operation: its `validateResponse(body, op, status)` compiles a validator for every status
// the operation declares, and `validateResponseHeaders` four (any/superset/subset/exact) per
// status, on the first exchange of that operation. The suites see one or two statuses of most
// operations and use only the "any" header match, so most of those compiles (measured: ~60% of
// the conformance-checked test files' time) were never used. The Ajv options (the spec's
// customizer included) and the status lookup (exact, then `NXX`, then `default`) are
// openapi-backend's own (validation.js, utils.js `findStatusCodeMatch`).
//
// Body schemas are compiled as `$ref`s into the document (document-refs.ts).
import type { ErrorObject, ValidateFunction } from "ajv";
import {
  type OpenAPIBackend,
  OpenAPIValidator,
  type Operation,
  ValidationContext,
} from "openapi-backend";
import { documentAjv, documentRef } from "./document-refs.js";
import { isJsonObject, type JsonObject } from "./json-walk.js";
import type { LoadedSpec } from "./spec.js";

type Ajv = ReturnType<OpenAPIValidator["getAjv"]>;

/**
 * openapi-backend's own compile step (it replaces object cycles with refs, then `ajv.compile`):
 * a private static of the class, called as the library calls it.
 */
function compileSchema(ajv: Ajv, schema: object): ValidateFunction {
  const library = OpenAPIValidator as unknown as {
    compileSchema(ajv: Ajv, schema: object): ValidateFunction;
  };
  return library.compileSchema(ajv, schema);
}

/** openapi-backend's lookup of a status among declared keys. */
function statusKey(status: number, keys: (key: string) => boolean): string | undefined {
  return [String(status), `${Math.floor(status / 100)}XX`, "default"].find(keys);
}

function jsonSchemaOf(response: unknown): JsonObject | undefined {
  if (!isJsonObject(response) || !isJsonObject(response.content)) return undefined;
  const json = response.content["application/json"];
  return isJsonObject(json) && isJsonObject(json.schema) ? json.schema : undefined;
}

class Compiled {
  private readonly bodies = new Map<string, ValidateFunction>();
  private readonly headers = new Map<string, ValidateFunction>();
  private bodyAjv: Ajv | undefined;
  private headerAjv: Ajv | undefined;

  private readonly api: OpenAPIBackend;

  constructor(private readonly spec: LoadedSpec) {
    this.api = spec.api;
  }

  body(operation: Operation, responses: JsonObject, status: number): ValidateFunction | null {
    // Among the statuses with a JSON schema, as openapi-backend's map of status validators.
    const key = statusKey(status, (k) => jsonSchemaOf(responses[k]) !== undefined);
    if (key === undefined) return null;
    const id = `${operation.operationId} ${key}`;
    let validate = this.bodies.get(id);
    if (validate === undefined) {
      this.bodyAjv ??= documentAjv(this.api, this.spec.document, ValidationContext.Response);
      const schema = [operation.path, operation.method, "responses", key, "content"];
      validate = this.bodyAjv.compile(
        documentRef(["paths", ...schema, "application/json", "schema"]),
      );
      this.bodies.set(id, validate);
    }
    return validate;
  }

  header(operationId: string, responses: JsonObject, status: number): ValidateFunction | null {
    const key = statusKey(status, (k) => k in responses);
    if (key === undefined) return null;
    const id = `${operationId} ${key}`;
    let validate = this.headers.get(id);
    if (validate === undefined) {
      const response = responses[key];
      const declared =
        isJsonObject(response) && isJsonObject(response.headers) ? response.headers : {};
      const properties: JsonObject = {};
      for (const [name, header] of Object.entries(declared)) {
        if (isJsonObject(header) && isJsonObject(header.schema)) {
          properties[name.toLowerCase()] = header.schema;
        }
      }
      this.headerAjv ??= this.api.validator.getAjv(ValidationContext.ResponseHeaders, {
        coerceTypes: true,
      });
      // openapi-backend's SetMatchType.Any: declared headers are checked when present.
      validate = compileSchema(this.headerAjv, {
        type: "object",
        properties: {
          headers: { type: "object", additionalProperties: true, properties, required: [] },
        },
      });
      this.headers.set(id, validate);
    }
    return validate;
  }
}

const compiled = new WeakMap<LoadedSpec, Compiled>();

function compiledFor(spec: LoadedSpec): Compiled {
  let found = compiled.get(spec);
  if (found === undefined) {
    found = new Compiled(spec);
    compiled.set(spec, found);
  }
  return found;
}

/** The Ajv errors of a JSON response body for `status` (none when no schema applies). */
export function responseBodyErrors(
  spec: LoadedSpec,
  operation: Operation,
  responses: JsonObject,
  status: number,
  body: unknown,
): ErrorObject[] {
  const validate = compiledFor(spec).body(operation, responses, status);
  if (validate === null) return [];
  validate(body);
  return validate.errors ?? [];
}

/** The Ajv errors of the response headers (names lower-cased) for `status`. */
export function responseHeaderErrors(
  spec: LoadedSpec,
  operation: Operation,
  responses: JsonObject,
  status: number,
  headers: Record<string, unknown>,
): ErrorObject[] {
  const validate = compiledFor(spec).header(operation.operationId ?? "", responses, status);
  if (validate === null) return [];
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  validate({ headers: lower });
  return validate.errors ?? [];
}

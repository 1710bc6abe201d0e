// Schemas compiled as `$ref`s into the OpenAPI document instead of openapi-backend's dereferenced
// copies. The backend expands every `$ref` inline, so a component used in many places (v1's
// Space, Content, User...) is compiled again at every use, and one v1 request body took seconds
// to compile; with the document added to an Ajv instance once, each component reached is
// compiled once per instance, as a function of its own. Same schemas, same Ajv options (the
// backend's `getAjv`, with the spec's customizer), so the same verdicts.
import type { ValidateFunction } from "ajv";
import type {
  OpenAPIBackend,
  OpenAPIValidator,
  Operation,
  ValidationContext,
} from "openapi-backend";
import { isJsonObject, type JsonObject } from "./json-walk.js";

type Ajv = ReturnType<OpenAPIValidator["getAjv"]>;

/** The key the document is added to Ajv under, for `$ref: "<key>#/paths/..."`. */
const DOCUMENT_KEY = "openapi-document";

/** A JSON pointer as a URI fragment: `~` and `/` escaped per RFC 6901, then percent-encoded. */
function fragmentOf(segments: readonly string[]): string {
  return `#/${segments
    .map((segment) => encodeURIComponent(segment.replaceAll("~", "~0").replaceAll("/", "~1")))
    .join("/")}`;
}

/** `{ $ref }` to the schema at `segments` of the document added under DOCUMENT_KEY. */
export function documentRef(segments: readonly string[]): { $ref: string } {
  return { $ref: `${DOCUMENT_KEY}${fragmentOf(segments)}` };
}

/**
 * An Ajv instance of the backend's (its options and customizer) that holds the document. The
 * added `strictSchema: false` (strict mode is off in the backend's options already) gives it a
 * key of its own in spec.ts's memo of instances, apart from those the backend compiles with.
 * The document is not checked against the meta-schema: an OpenAPI document is not a JSON
 * Schema; only the schemas a `$ref` reaches are compiled.
 */
export function documentAjv(
  api: OpenAPIBackend,
  document: JsonObject,
  context: ValidationContext,
  opts: Record<string, unknown> = {},
): Ajv {
  const ajv = api.validator.getAjv(context, { ...opts, strictSchema: false });
  if (ajv.getSchema(DOCUMENT_KEY) === undefined) {
    ajv.addSchema(document, DOCUMENT_KEY, undefined, false);
  }
  return ajv;
}

/** Where an operation's request body schema for `mediaType` is (following a components `$ref`). */
function requestBodySegments(
  document: JsonObject,
  operation: Operation,
  mediaType: string,
): string[] | undefined {
  const paths = isJsonObject(document.paths) ? document.paths : {};
  const item = paths[operation.path];
  const op = isJsonObject(item) ? item[operation.method] : undefined;
  let body = isJsonObject(op) ? op.requestBody : undefined;
  let segments = ["paths", operation.path, operation.method, "requestBody"];
  if (isJsonObject(body) && typeof body.$ref === "string") {
    const local = /^#\/components\/requestBodies\/([^/]+)$/.exec(body.$ref);
    const components = isJsonObject(document.components) ? document.components : {};
    const bodies = isJsonObject(components.requestBodies) ? components.requestBodies : {};
    if (!local?.[1]) return undefined;
    body = bodies[local[1]];
    segments = ["components", "requestBodies", local[1]];
  }
  if (!isJsonObject(body) || !isJsonObject(body.content)) return undefined;
  const media = body.content[mediaType];
  if (!isJsonObject(media) || !isJsonObject(media.schema)) return undefined;
  return [...segments, "content", mediaType, "schema"];
}

interface RequestValidatorBuilder {
  buildRequestValidatorsForOperation(operation: Operation): ValidateFunction[] | null;
}

/**
 * JSON request bodies validated through a `$ref`; parameters (and multipart or form bodies, whose
 * binary fields the backend takes out of `required`) as the backend builds them. The wrapper is
 * the backend's own (validation.js `buildRequestValidatorsForOperation`): the body is checked as
 * `requestBody` of the request object, required when the operation says so.
 */
export function compileJsonRequestBodiesByRef(
  api: OpenAPIBackend,
  document: JsonObject,
  requestBodyContext: ValidationContext,
): void {
  const validator = api.validator as unknown as RequestValidatorBuilder;
  const build = validator.buildRequestValidatorsForOperation.bind(validator);
  validator.buildRequestValidatorsForOperation = (operation) => {
    const requestBody = operation.requestBody as JsonObject | undefined;
    const content = isJsonObject(requestBody?.content) ? requestBody.content : {};
    // The backend's choice of media type: JSON first.
    const segments = isJsonObject(content["application/json"])
      ? requestBodySegments(document, operation, "application/json")
      : undefined;
    if (segments === undefined) return build(operation);
    const params = build({ ...operation, requestBody: undefined }) ?? [];
    const ajv = documentAjv(api, document, requestBodyContext);
    const body = ajv.compile({
      title: "Request",
      type: "object",
      additionalProperties: true,
      properties: { requestBody: documentRef(segments) },
      required: requestBody?.required === true ? ["requestBody"] : [],
    });
    return [body, ...params];
  };
}

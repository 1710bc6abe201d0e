// Loads Atlassian's two OpenAPI documents once per process, applies the documented exceptions
// (exceptions.ts) and builds an openapi-backend instance per document. openapi-backend routes a
// request to its operation, parses path/query parameters by their declared style, and validates
// parameters, bodies, response bodies per status and response headers with ajv, $refs resolved.
import addFormats from "ajv-formats";
import { type AjvCustomizer, OpenAPIBackend, ValidationContext } from "openapi-backend";
import { compileJsonRequestBodiesByRef } from "./document-refs.js";
import { appliesTo, errorBodyException, type SpecException, specExceptions } from "./exceptions.js";
import { isJsonObject, type JsonObject } from "./json-walk.js";
import { readSpecDocument, type SpecName } from "./spec-location.js";

export interface LoadedSpec {
  name: SpecName;
  /** Path prefix of the document's operations on a site (from its `servers` entry). */
  apiRoot: string;
  api: OpenAPIBackend;
  /** Every operation: id → method + path template relative to apiRoot. */
  operations: ReadonlyMap<string, { method: string; path: string }>;
  /** The prepared document with its `$ref`s (the backend works on a dereferenced copy). */
  document: JsonObject;
}

// v2's server is https://{your-domain}/wiki/api/v2; v1's is //your-domain.atlassian.net with
// paths that already start with /wiki/rest/api.
const API_ROOTS: Record<SpecName, string> = { v2: "/wiki/api/v2", v1: "/" };

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

const addStandardFormats: AjvCustomizer = (ajv) => {
  // date-time, uuid, uri, ... are real checks, not the silent passes ajv defaults to.
  // ajv-formats is CommonJS: `module.exports` is the plugin and `.default` too, under Node's
  // ESM loader and vitest alike; TypeScript (NodeNext) only sees the latter.
  addFormats.default(ajv);
  return ajv;
};

const cache = new Map<SpecName, Promise<LoadedSpec>>();

export function loadSpec(name: SpecName): Promise<LoadedSpec> {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = buildSpec(name);
    cache.set(name, loaded);
  }
  return loaded;
}

export async function loadSpecs(): Promise<Record<SpecName, LoadedSpec>> {
  const [v2, v1] = await Promise.all([loadSpec("v2"), loadSpec("v1")]);
  return { v2, v1 };
}

/** The document as the validators see it: the extract, its required text, the exceptions. */
function preparedDocument(name: SpecName): JsonObject {
  const document = readSpecDocument(name);
  if (!isJsonObject(document)) throw new Error(`OpenAPI spec ${name} is not a JSON object`);
  restoreRequiredText(name, document);
  applyExceptions(name, document);
  checkServers(name, document);
  return document;
}

function backendFor(name: SpecName, document: JsonObject): OpenAPIBackend {
  const api = new OpenAPIBackend({
    // openapi-backend's types are the openapi-types Document; ours is parsed JSON checked below.
    definition: document as unknown as OpenAPIBackend["document"],
    apiRoot: API_ROOTS[name],
    // strict: a spec problem throws instead of being logged and ignored.
    strict: true,
    // quick: compile ajv validators lazily, per operation actually exercised (the specs hold
    // ~390 operations; a test file touches a dozen).
    quick: true,
    ajvOpts: { allErrors: true, strict: false },
    customizeAjv: addStandardFormats,
  });
  api.document = api.inputDocument as OpenAPIBackend["document"];
  return api;
}

/**
 * openapi-backend creates a new Ajv (formats and customizer included) for every validator it
 * compiles, and each new instance compiles JSON Schema's meta-schema again to check the schema
 * it is given: most of a compile's cost for small schemas. One instance per validation context
 * and options compiles the same validators (the document's schemas carry no `$id` that could
 * clash).
 */
function shareAjvInstances(api: OpenAPIBackend): void {
  const validator = api.validator;
  const create = validator.getAjv.bind(validator);
  const instances = new Map<string, ReturnType<typeof create>>();
  validator.getAjv = (context, opts = {}) => {
    const key = `${context} ${JSON.stringify(opts)}`;
    let ajv = instances.get(key);
    if (ajv === undefined) {
      ajv = create(context, opts);
      instances.set(key, ajv);
    }
    return ajv;
  };
}

/**
 * Checks the prepared document against the OpenAPI 3 schema (what quick mode skips). About two
 * seconds for both documents, so it runs once, in test/conformance/extract.test.ts, not in every
 * test worker that loads the specs: the document only changes with the committed extract or the
 * exceptions, and that test runs on every change of either.
 */
export function validateSpecDefinition(name: SpecName): void {
  const api = backendFor(name, preparedDocument(name));
  try {
    api.validateDefinition();
  } catch (error) {
    // The library's message embeds every ajv error; keep it readable (and small for the runner).
    const message = String(error instanceof Error ? error.message : error);
    throw new Error(
      `OpenAPI spec ${name} is not a valid OpenAPI document after the exceptions of test/conformance/exceptions.ts: ${message.slice(0, 2000)}`,
    );
  }
}

async function buildSpec(name: SpecName): Promise<LoadedSpec> {
  const document = preparedDocument(name);
  const api = backendFor(name, structuredClone(document));
  await api.init();
  shareAjvInstances(api);
  compileJsonRequestBodiesByRef(api, document, ValidationContext.RequestBody);
  precompileRouter(api, API_ROOTS[name]);
  return {
    name,
    apiRoot: API_ROOTS[name],
    api,
    operations: indexOperations(document),
    document,
  };
}

type Router = OpenAPIBackend["router"];
type RoutedOperation = ReturnType<Router["getOperations"]>[number];

/**
 * openapi-backend's router flattens the document's ~200 operations (a lodash chain) and builds
 * a RegExp per path template on every `matchOperation` call: 2-3 ms per exchange, most of the
 * conformance suite's cost. The document never changes after init, so the operations and their
 * patterns are computed once here and matched with the router's own rules (exact path first,
 * then templates by specificity, `{param}` = one segment; router.js `matchOperation`).
 */
function precompileRouter(api: OpenAPIBackend, apiRoot: string): void {
  const router = api.router;
  const operations = router.getOperations();
  router.getOperations = () => operations;
  const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const templates = operations
    .map((op) => ({
      op,
      pattern: new RegExp(
        `^${op.path
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join("[^/]+")}$`,
      ),
      specificity: op.path.replace(/\{.*?\}/g, "").length,
    }))
    // Stable sort: equal specificity keeps document order, as lodash's orderBy does.
    .sort((a, b) => b.specificity - a.specificity);
  const original = router.matchOperation.bind(router);
  router.matchOperation = ((req: Parameters<Router["matchOperation"]>[0], strict?: boolean) => {
    const normalised = router.normalizeRequest(req);
    // Outside the API root: the original answers (its 404, or undefined).
    const root = apiRoot.replace(/\/$/, "");
    const under =
      root === ""
        ? normalised.path.startsWith("/")
        : normalised.path === root || normalised.path.startsWith(`${root}/`);
    if (!under) return original(req, strict as never);
    const path = router.normalizePath(normalised.path);
    const exact = operations.find((op) => op.path === path && op.method === normalised.method);
    if (exact) return exact;
    const byPath = templates.filter(({ pattern }) => pattern.test(path));
    const match = byPath.find(({ op }) => op.method === normalised.method)?.op;
    // No match: the original raises the router's own 404/405 (or returns undefined).
    return match ?? (original(req, strict as never) as RoutedOperation | undefined);
  }) as Router["matchOperation"];
}

/**
 * The extract (spec/openapi/) carries no text at all, not even the fields OpenAPI 3.0 requires
 * (`info.title`, each response's `description`): empty ones go back before validation.
 */
function restoreRequiredText(name: SpecName, document: JsonObject): void {
  const info = isJsonObject(document.info) ? document.info : {};
  document.info = { title: `Confluence ${name}`, ...info };
  const withDescription = (responses: unknown) => {
    if (!isJsonObject(responses)) return;
    for (const response of Object.values(responses)) {
      if (isJsonObject(response) && !("$ref" in response) && response.description === undefined) {
        response.description = "";
      }
    }
  };
  eachOperation(document, (operation) => withDescription(operation.responses));
  const components = isJsonObject(document.components) ? document.components : {};
  withDescription(components.responses);
}

function checkServers(name: SpecName, document: JsonObject): void {
  const servers = document.servers;
  const url = Array.isArray(servers) && isJsonObject(servers[0]) ? servers[0].url : undefined;
  const expected = name === "v2" ? "/wiki/api/v2" : "//your-domain.atlassian.net";
  if (typeof url !== "string" || !url.endsWith(expected)) {
    throw new Error(
      `OpenAPI spec ${name}: servers[0].url is ${String(url)}, expected it to end with ${expected}; the conformance suite's path mapping (API_ROOTS) needs review.`,
    );
  }
}

function indexOperations(document: JsonObject): Map<string, { method: string; path: string }> {
  const operations = new Map<string, { method: string; path: string }>();
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isJsonObject(operation) && typeof operation.operationId === "string") {
        operations.set(operation.operationId, { method: method.toUpperCase(), path });
      }
    }
  }
  return operations;
}

/** Applies every exception of this spec; one that changes nothing is stale and fails the load. */
function applyExceptions(name: SpecName, document: JsonObject): void {
  for (const exception of specExceptions) {
    if (!exception.specs.includes(name)) continue;
    let changed = 0;
    switch (exception.kind) {
      case "document-patch":
        changed = exception.apply(document, name);
        break;
      case "error-body":
        changed = declareErrorBodies(document, exception.schema);
        break;
      case "undeclared-status":
        changed = declareStatuses(
          document,
          exception,
          exception.statuses,
          errorBodyException(name)?.schema,
        );
        break;
    }
    if (changed === 0) {
      throw new Error(
        `Spec exception "${exception.id}" (${name}, ${String(exception.operation)}, ${exception.field}) no longer applies: the spec may have been fixed upstream; remove it from test/conformance/exceptions.ts.`,
      );
    }
  }
}

function eachOperation(document: JsonObject, visit: (operation: JsonObject, id: string) => void) {
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const item of Object.values(paths)) {
    if (!isJsonObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isJsonObject(operation) && typeof operation.operationId === "string") {
        visit(operation, operation.operationId);
      }
    }
  }
}

/** Gives error statuses declared with no content a JSON body schema (the real error shape). */
function declareErrorBodies(document: JsonObject, schema: JsonObject): number {
  let changed = 0;
  eachOperation(document, (operation) => {
    const responses = isJsonObject(operation.responses) ? operation.responses : {};
    for (const [status, response] of Object.entries(responses)) {
      if (Number(status) < 400 || !isJsonObject(response)) continue;
      const content = response.content;
      if (isJsonObject(content) && Object.keys(content).length > 0) continue;
      response.content = { "application/json": { schema } };
      changed++;
    }
  });
  return changed;
}

/** Declares statuses the live service returns; their bodies use the error body of that spec. */
function declareStatuses(
  document: JsonObject,
  exception: SpecException,
  statuses: readonly number[],
  errorBody: JsonObject | undefined,
): number {
  let changed = 0;
  eachOperation(document, (operation, id) => {
    if (!appliesTo(exception, id)) return;
    const responses = isJsonObject(operation.responses) ? operation.responses : {};
    operation.responses = responses;
    for (const status of statuses) {
      if (responses[String(status)] !== undefined) continue;
      responses[String(status)] = {
        description: `Not in Atlassian's spec; see exception ${exception.id}.`,
        content: errorBody ? { "application/json": { schema: errorBody } } : {},
      };
      changed++;
    }
  });
  return changed;
}

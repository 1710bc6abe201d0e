// Checks one HTTP exchange against Atlassian's OpenAPI documents: the request the connector sent
// (operation exists for method + path, parameter names/types/enums/bounds, body schema, content
// type, credentials) and the response the emulator returned (status declared, body schema for that
// status, content type, headers, and the `Link` pagination contract of list operations).
import type { Operation } from "openapi-backend";
import type { EmulatorExchange } from "../../src/emulator/index.js";
import { type Classification, classifyPath } from "./classify.js";
import { isJsonObject, type JsonObject } from "./json-walk.js";
import { nextLink, parseLinkHeader } from "./link-header.js";
import { parseMultipartFields } from "./multipart.js";
import { responseBodyErrors, responseHeaderErrors } from "./response-validators.js";
import { type LoadedSpec, loadSpecs } from "./spec.js";
import type { SpecName } from "./spec-location.js";
import { describeAjvError, type Violation } from "./violation.js";

export type Exchange = EmulatorExchange;

export interface ExchangeCheck {
  classification: Classification;
  spec?: SpecName;
  operationId?: string;
  pathTemplate?: string;
  method: string;
  status: number;
  violations: Violation[];
}

export interface CheckOptions {
  /** Check the request side (default true). Off for tests that send broken requests on purpose. */
  request?: boolean;
  /** Check the response side (default true). */
  response?: boolean;
}

type Headers = Record<string, string | string[]>;

interface RoutedExchange {
  spec: LoadedSpec;
  operation: Operation;
  raw: JsonObject;
  sitePath: string;
  query: Record<string, string | string[]>;
  headers: Headers;
  exchange: Exchange;
  violation(side: Violation["side"], field: string, message: string): void;
}

export class ExchangeValidator {
  constructor(private readonly specs: Record<SpecName, LoadedSpec>) {}

  check(exchange: Exchange, options: CheckOptions = {}): ExchangeCheck {
    const method = exchange.method.toUpperCase();
    const url = new URL(exchange.url, "http://emulator.invalid");
    const classification = classifyPath(url.pathname);
    const result: ExchangeCheck = {
      classification,
      method,
      status: exchange.status,
      violations: [],
    };
    const base = { method, url: exchange.url };
    if (classification.kind === "skipped") return result;
    if (classification.kind === "unknown") {
      if (options.request !== false) {
        result.violations.push({
          ...base,
          side: "request",
          field: "path",
          message: classification.reason,
        });
      }
      return result;
    }

    const spec = this.specs[classification.spec];
    result.spec = spec.name;
    const query = queryRecord(url.searchParams);
    const headers = lowerCaseKeys(exchange.requestHeaders);
    const operation = spec.api.matchOperation({
      method: method.toLowerCase(),
      path: classification.sitePath,
      headers,
      query,
    });
    if (!operation?.operationId) {
      if (options.request !== false) {
        result.violations.push({
          ...base,
          side: "request",
          field: "path",
          message: unroutedMessage(spec, method, classification.sitePath),
        });
      }
      return result;
    }

    result.operationId = operation.operationId;
    result.pathTemplate = templateOf(spec, operation);
    const routed: RoutedExchange = {
      spec,
      operation,
      raw: toJsonObject(operation),
      sitePath: classification.sitePath,
      query,
      headers,
      exchange,
      violation: (side, field, message) =>
        result.violations.push({
          ...base,
          side,
          operationId: result.operationId,
          pathTemplate: result.pathTemplate,
          field,
          message,
        }),
    };
    if (options.request !== false) checkRequest(routed);
    if (options.response !== false) checkResponse(routed);
    return result;
  }
}

let shared: Promise<ExchangeValidator> | undefined;

/** The process-wide validator (specs are loaded and compiled once). */
export function createExchangeValidator(): Promise<ExchangeValidator> {
  shared ??= loadSpecs().then((specs) => new ExchangeValidator(specs));
  return shared;
}

/** Convenience: the violations of one exchange. */
export async function validateExchange(
  exchange: Exchange,
  options?: CheckOptions,
): Promise<Violation[]> {
  return (await createExchangeValidator()).check(exchange, options).violations;
}

// ---------------------------------------------------------------------------------------------
// Request side

function checkRequest(routed: RoutedExchange): void {
  const { spec, operation, raw, exchange, headers } = routed;
  const body = requestBodyOf(exchange.requestBody, headers);
  const result = spec.api.validateRequest(
    {
      method: operation.method,
      path: routed.sitePath,
      headers,
      query: routed.query,
      body,
    },
    operation,
  );
  for (const error of result.errors ?? []) {
    const { field, message } = describeAjvError(error, "", renameRequestField);
    routed.violation("request", field, message);
  }

  const declared = mediaTypesOf(raw.requestBody);
  if (body !== undefined) {
    const contentType = mediaTypeOf(headers["content-type"]);
    if (declared.length === 0) {
      routed.violation("request", "body", "the operation declares no request body");
    } else if (!declared.some((type) => mediaTypeMatches(type, contentType))) {
      routed.violation(
        "request",
        "header.content-type",
        `"${contentType ?? "(none)"}" is not a declared request media type (${declared.join(", ")})`,
      );
    }
  }

  if (requiresCredentials(raw.security) && headers.authorization === undefined) {
    routed.violation(
      "request",
      "header.authorization",
      "missing; the operation requires basicAuth or oAuthDefinitions",
    );
  }
}

function renameRequestField(field: string): string {
  if (field === "requestBody") return "body";
  if (field.startsWith("requestBody.") || field.startsWith("requestBody[")) {
    return `body${field.slice("requestBody".length)}`;
  }
  return field;
}

function requestBodyOf(body: unknown, headers: Headers): unknown {
  if (body === undefined || body === null || body === "") return undefined;
  if (typeof body !== "string") return body;
  const mediaType = mediaTypeOf(headers["content-type"]);
  if (mediaType === "application/json") {
    try {
      return JSON.parse(body);
    } catch {
      return body; // openapi-backend reports the parse error
    }
  }
  if (mediaType === "multipart/form-data") {
    const header = headers["content-type"];
    // Unparseable multipart stays a string: the required-body check then reports it.
    return parseMultipartFields(body, Array.isArray(header) ? header[0]! : header!) ?? body;
  }
  return body;
}

function requiresCredentials(security: unknown): boolean {
  if (!Array.isArray(security) || security.length === 0) return false;
  // An empty requirement object means "anonymous allowed".
  return !security.some(
    (requirement) => isJsonObject(requirement) && !Object.keys(requirement).length,
  );
}

// ---------------------------------------------------------------------------------------------
// Response side

function checkResponse(routed: RoutedExchange): void {
  const { spec, operation, raw, exchange } = routed;
  const status = exchange.status;
  const responses = isJsonObject(raw.responses) ? raw.responses : {};
  const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) => k in responses);
  if (!key) {
    routed.violation(
      "response",
      "status",
      `${status} is not declared by the operation (declared: ${Object.keys(responses).join(", ")})`,
    );
    return;
  }
  const response = isJsonObject(responses[key]) ? responses[key] : {};
  const declared = mediaTypesOf(response);
  const headers = lowerCaseKeys(exchange.responseHeaders);
  const contentType = mediaTypeOf(headers["content-type"]);
  const body = exchange.responseBody;
  const empty = body === undefined || body === null || body === "";

  if (declared.length === 0) {
    if (!empty) routed.violation("response", "body", `status ${status} declares no body`);
  } else if (empty) {
    routed.violation(
      "response",
      "body",
      `empty, but status ${status} declares ${declared.join(", ")}`,
    );
  } else if (!declared.some((type) => mediaTypeMatches(type, contentType))) {
    routed.violation(
      "response",
      "header.content-type",
      `"${contentType ?? "(none)"}" is not declared for status ${status} (${declared.join(", ")})`,
    );
  } else if (declared.includes("application/json")) {
    if (typeof body === "string") {
      routed.violation("response", "body", "is not JSON although application/json is declared");
    } else {
      const errors = responseBodyErrors(spec, operation, responses, status, body);
      for (const error of errors) {
        const { field, message } = describeAjvError(error, "body");
        routed.violation("response", field, message);
      }
    }
  }

  const headerErrors = responseHeaderErrors(spec, operation, responses, status, headers);
  for (const error of headerErrors) {
    const { field, message } = describeAjvError(error, "");
    routed.violation("response", field, message);
  }

  const declaredHeaders = isJsonObject(response.headers) ? Object.keys(response.headers) : [];
  if (declaredHeaders.some((name) => name.toLowerCase() === "link")) {
    checkPagination(routed, headers, body);
  }
}

/** The `Link` / `_links.next` contract of cursor-paginated v2 list operations. */
function checkPagination(routed: RoutedExchange, headers: Headers, body: unknown): void {
  const header = headers.link;
  const linkHeader = Array.isArray(header) ? header.join(", ") : header;
  const bodyLinks = isJsonObject(body) && isJsonObject(body._links) ? body._links : {};
  const bodyNext = typeof bodyLinks.next === "string" ? bodyLinks.next : undefined;

  const results = isJsonObject(body) && Array.isArray(body.results) ? body.results : undefined;
  const limit = Number(single(routed.query.limit));
  if (results && Number.isInteger(limit) && results.length > limit) {
    routed.violation("response", "body.results", `${results.length} items exceed limit=${limit}`);
  }

  let next: string | undefined;
  if (linkHeader !== undefined) {
    const parsed = parseLinkHeader(linkHeader);
    if (typeof parsed === "string") {
      routed.violation("response", "header.link", `malformed: ${parsed}`);
      return;
    }
    next = nextLink(parsed);
  }
  if (bodyNext !== undefined && next === undefined) {
    routed.violation(
      "response",
      "header.link",
      `no rel="next" link although body _links.next is ${bodyNext}`,
    );
  }
  if (next === undefined) return;
  if (bodyNext !== next) {
    routed.violation(
      "response",
      "body._links.next",
      `is ${bodyNext ?? "(absent)"} but the Link header's next is ${next}`,
    );
  }
  if (!next.startsWith("/")) {
    routed.violation("response", "header.link.next", `${next} is not a relative URL`);
    return;
  }

  const url = new URL(next, "http://emulator.invalid");
  if (url.pathname !== routed.sitePath) {
    routed.violation(
      "response",
      "header.link.next",
      `points to ${url.pathname}, not to the listed resource ${routed.sitePath}`,
    );
  }
  const nextQuery = queryRecord(url.searchParams);
  if (!single(nextQuery.cursor)) {
    routed.violation("response", "header.link.next", `${next} carries no cursor`);
  }
  // The request's parameters that the operation declares must be kept; others (undeclared, which
  // the request check reports) must not be, as the next URL is checked as a request below.
  const declared = new Set(
    ((routed.operation as { parameters?: { name?: string; in?: string }[] }).parameters ?? [])
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => parameter.name),
  );
  for (const [name, value] of Object.entries(routed.query)) {
    if (name === "cursor" || !declared.has(name)) continue;
    if (String(nextQuery[name]) !== String(value)) {
      routed.violation(
        "response",
        `header.link.next query.${name}`,
        `the request's ${name}=${String(value)} is not kept (next has ${String(nextQuery[name] ?? "(absent)")})`,
      );
    }
  }
  // The next URL is a request the client will send verbatim: it must conform too.
  const nextCheck = routed.spec.api.validateRequest(
    { method: "get", path: url.pathname, headers: {}, query: nextQuery },
    routed.operation,
  );
  for (const error of nextCheck.errors ?? []) {
    const { field, message } = describeAjvError(error, "");
    routed.violation("response", `header.link.next ${field}`, message);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function templateOf(spec: LoadedSpec, operation: Operation): string {
  return spec.apiRoot === "/" ? operation.path : `${spec.apiRoot}${operation.path}`;
}

function unroutedMessage(spec: LoadedSpec, method: string, sitePath: string): string {
  const otherMethods = ["get", "post", "put", "delete", "patch"]
    .filter((other) => other !== method.toLowerCase())
    .map((other) => ({
      other,
      operation: spec.api.matchOperation({ method: other, path: sitePath, headers: {} }),
    }))
    .filter(({ operation }) => operation !== undefined);
  if (otherMethods.length > 0) {
    const path = templateOf(spec, otherMethods[0]!.operation!);
    const allowed = otherMethods.map(({ other }) => other.toUpperCase()).join(", ");
    return `the ${spec.name} spec has no ${method} operation on ${path} (only ${allowed})`;
  }
  return `no operation of the ${spec.name} spec matches ${method} ${sitePath}`;
}

function toJsonObject(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function lowerCaseKeys(headers: Headers | undefined): Headers {
  const lowered: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) lowered[name.toLowerCase()] = value;
  return lowered;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function mediaTypesOf(holder: unknown): string[] {
  if (!isJsonObject(holder) || !isJsonObject(holder.content)) return [];
  return Object.keys(holder.content).map((type) => type.toLowerCase());
}

function mediaTypeOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(";")[0]?.trim().toLowerCase() || undefined;
}

function mediaTypeMatches(declared: string, actual: string | undefined): boolean {
  if (!actual) return false;
  if (declared === "*/*" || declared === actual) return true;
  const [type, subtype] = declared.split("/");
  return subtype === "*" && actual.startsWith(`${type}/`);
}

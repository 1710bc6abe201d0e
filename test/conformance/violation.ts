// A conformance violation, and how it reads in a failing test.
import type { ValidationResult } from "openapi-backend";

/** One ajv error, as openapi-backend reports it. */
type AjvError = NonNullable<ValidationResult["errors"]>[number];

export interface Violation {
  /** Which side broke the contract: the connector's request or the emulator's response. */
  side: "request" | "response";
  /** The spec operation, when the request could be routed to one. */
  operationId?: string;
  method: string;
  /** Path template on the site, e.g. `/wiki/api/v2/pages/{id}`, when routed. */
  pathTemplate?: string;
  /** The URL as received (path + query). */
  url: string;
  /** The offending field: `query.body-format`, `path.id`, `body.spaceId`, `status`, `header.link`, ... */
  field: string;
  message: string;
}

export function formatViolation(violation: Violation): string {
  const where = violation.operationId
    ? `${violation.operationId} (${violation.method} ${violation.pathTemplate})`
    : `${violation.method} ${violation.url}`;
  return `${violation.side} ${where}: ${violation.field}: ${violation.message} [url ${violation.url}]`;
}

export function formatViolations(violations: readonly Violation[]): string {
  const lines = violations.map((violation) => `  - ${formatViolation(violation)}`);
  return `${violations.length} OpenAPI conformance violation(s):\n${lines.join("\n")}`;
}

/** Turns an ajv instance path such as `/query/id/0` into `query.id[0]`. */
export function pointerToField(pointer: string, prefix = ""): string {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
  let field = prefix;
  for (const part of parts) {
    if (/^\d+$/.test(part)) field += `[${part}]`;
    else field += field ? `.${part}` : part;
  }
  return field || "(root)";
}

/** Field and message for one ajv error; `rename` maps the validator's root names (requestBody → body). */
export function describeAjvError(
  error: AjvError,
  prefix: string,
  rename: (field: string) => string = (field) => field,
): { field: string; message: string } {
  const params: Record<string, unknown> = error.params;
  let field = pointerToField(error.instancePath, prefix);
  let message = `${error.message ?? error.keyword}`;
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    field = joinField(field, params.additionalProperty);
    message = `not declared by the operation (${message})`;
  } else if (error.keyword === "required" && typeof params.missingProperty === "string") {
    field = joinField(field, params.missingProperty);
    message = `required but missing (${message})`;
  } else if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    message = `${message}: ${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")}`;
  }
  return { field: rename(field), message: `${message} [${error.keyword} at ${error.schemaPath}]` };
}

function joinField(field: string, name: string): string {
  return field === "(root)" ? name : `${field}.${name}`;
}

// Path templates. A template's literal text may only contain characters that never need
// encoding, and every `{name}` placeholder is replaced by an encodeURIComponent'd segment, so a
// request can never be built from an unencoded value: `/pages/${id}` with id "../x" or "1?a"
// is rejected instead of silently changing the path.
import { ConfluenceValidationError } from "./errors.js";

export type PathParamValue = string | number;

/** `{ id: ..., "property-id": ... }` from "/pages/{id}/properties/{property-id}". */
export type PathParamsOf<Template extends string> =
  Template extends `${string}{${infer Name}}${infer Rest}`
    ? { [K in Name]: PathParamValue } & PathParamsOf<Rest>
    : Record<never, never>;

const LITERAL = /^[A-Za-z0-9\-._~/]*$/;
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Encode one path segment; rejects values that cannot be a segment. */
export function encodePathSegment(name: string, value: PathParamValue): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new ConfluenceValidationError(`Path parameter "${name}" must be a finite number`);
    }
    return String(value);
  }
  if (typeof value !== "string") {
    throw new ConfluenceValidationError(`Path parameter "${name}" must be a string or number`);
  }
  if (value === "") throw new ConfluenceValidationError(`Path parameter "${name}" is empty`);
  if (value === "." || value === "..") {
    throw new ConfluenceValidationError(`Path parameter "${name}" must not be "${value}"`);
  }
  return encodeURIComponent(value);
}

function assertLiteral(template: string, literal: string): void {
  if (!LITERAL.test(literal)) {
    throw new ConfluenceValidationError(
      `Path template ${JSON.stringify(template)} contains characters that need encoding; pass values as path parameters`,
    );
  }
}

function assertNoDotSegments(template: string, path: string): void {
  for (const segment of path.split("/")) {
    if (segment === "." || segment === "..") {
      throw new ConfluenceValidationError(
        `Path template ${JSON.stringify(template)} contains a "." or ".." segment`,
      );
    }
  }
}

/** A template split once into literal text and placeholder names (validated). */
interface CompiledTemplate {
  /** One more than `names`: literal, name, literal, name, …, literal. */
  literals: string[];
  names: string[];
  nameSet: ReadonlySet<string>;
}

// Templates are code constants in practice (`/pages/{id}`), so compiling each once saves the
// regex work on every request; the cap only guards against callers generating templates.
const MAX_COMPILED = 512;
const compiledTemplates = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  if (!template.startsWith("/") || template.startsWith("//")) {
    throw new ConfluenceValidationError(
      `Path template ${JSON.stringify(template)} must start with a single "/"`,
    );
  }
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    const literal = template.slice(last, match.index);
    assertLiteral(template, literal);
    const after = template.charAt(match.index + match[0].length);
    // A placeholder must be a whole segment so a value cannot merge with literal text.
    if (!literal.endsWith("/") || (after !== "" && after !== "/")) {
      throw wholeSegment(template, name);
    }
    literals.push(literal);
    names.push(name);
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  assertLiteral(template, tail);
  literals.push(tail);
  assertNoDotSegments(template, template.replace(PLACEHOLDER, "x"));
  return { literals, names, nameSet: new Set(names) };
}

function wholeSegment(template: string, name: string): ConfluenceValidationError {
  return new ConfluenceValidationError(
    `Path template ${JSON.stringify(template)}: {${name}} must be a whole path segment`,
  );
}

function compiled(template: string): CompiledTemplate {
  let entry = compiledTemplates.get(template);
  if (entry === undefined) {
    entry = compileTemplate(template);
    if (compiledTemplates.size >= MAX_COMPILED) compiledTemplates.clear();
    compiledTemplates.set(template, entry);
  }
  return entry;
}

/** Fill a template such as `/pages/{id}/properties/{property-id}` with encoded segments. */
export function buildPath(
  template: string,
  params: Readonly<Record<string, PathParamValue>> = {},
): string {
  const { literals, names, nameSet } = compiled(template);
  let out = literals[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!Object.hasOwn(params, name)) {
      throw new ConfluenceValidationError(
        `Path template ${JSON.stringify(template)} needs the parameter "${name}"`,
      );
    }
    out += encodePathSegment(name, params[name] as PathParamValue) + literals[i + 1]!;
  }
  for (const name of Object.keys(params)) {
    if (!nameSet.has(name)) {
      throw new ConfluenceValidationError(
        `Path template ${JSON.stringify(template)} has no placeholder {${name}}`,
      );
    }
  }
  return out;
}

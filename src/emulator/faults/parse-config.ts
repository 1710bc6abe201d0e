// Validation of fault configurations (admin endpoint bodies are as untrusted as any other):
// a bad configuration is a 400 naming the field, never a half-applied set of rules.
import { compilePathPattern, PathPatternError } from "./pattern.js";
import type { FaultConfig, FaultRule } from "./types.js";

export class FaultConfigError extends Error {
  override name = "FaultConfigError";
}

type Json = Record<string, unknown>;

const RULE_FIELDS = new Set([
  "id",
  "method",
  "path",
  "rateLimit",
  "error",
  "latency",
  "stall",
  "resetBefore",
  "resetAfter",
  "truncate",
  "times",
]);

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new FaultConfigError(`${where} must be an object`);
  }
  return value as Json;
}

function num(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new FaultConfigError(`${where} must be a number from ${min} to ${max}`);
  }
  return value;
}

function optionalNum(value: unknown, where: string, min: number, max: number) {
  return value === undefined ? undefined : num(value, where, min, max);
}

const rate = (value: Json, where: string) => num(value.rate, `${where}.rate`, 0, 1);
const MAX_MS = 600_000;

function status(value: unknown, where: string): number | number[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new FaultConfigError(`${where} must not be empty`);
    return value.map((item, index) => num(item, `${where}[${index}]`, 400, 599));
  }
  return num(value, where, 400, 599);
}

function methods(value: unknown, where: string): string | string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  for (const item of list) {
    if (typeof item !== "string" || !/^(\*|[A-Za-z]+)$/.test(item)) {
      throw new FaultConfigError(`${where} must be "*" or HTTP method names`);
    }
  }
  return Array.isArray(value)
    ? (value as string[]).map((m) => m.toUpperCase())
    : (value as string).toUpperCase();
}

function parseRule(raw: unknown, index: number): FaultRule {
  const where = `rules[${index}]`;
  const value = object(raw, where);
  for (const key of Object.keys(value)) {
    if (!RULE_FIELDS.has(key)) throw new FaultConfigError(`${where}.${key} is not a fault field`);
  }
  const rule: FaultRule = {};
  if (value.id !== undefined) {
    if (typeof value.id !== "string" || value.id === "" || value.id.length > 100) {
      throw new FaultConfigError(`${where}.id must be a non-empty string`);
    }
    rule.id = value.id;
  }
  rule.method = methods(value.method, `${where}.method`);
  if (value.path !== undefined) {
    if (typeof value.path !== "string" || !value.path.startsWith("/") || value.path.length > 500) {
      throw new FaultConfigError(`${where}.path must be a pattern starting with "/"`);
    }
    try {
      compilePathPattern(value.path);
    } catch (error) {
      if (error instanceof PathPatternError) {
        throw new FaultConfigError(`${where}.path: ${error.message}`);
      }
      throw error;
    }
    rule.path = value.path;
  }
  if (value.rateLimit !== undefined) {
    const r = object(value.rateLimit, `${where}.rateLimit`);
    rule.rateLimit = {
      requests: num(r.requests, `${where}.rateLimit.requests`, 0, 1e9),
      windowMs: num(r.windowMs, `${where}.rateLimit.windowMs`, 1, 86_400_000),
      retryAfter: optionalNum(r.retryAfter, `${where}.rateLimit.retryAfter`, 0, 86_400),
      nearLimitAt: optionalNum(r.nearLimitAt, `${where}.rateLimit.nearLimitAt`, 0, 1),
    };
  }
  if (value.error !== undefined) {
    const e = object(value.error, `${where}.error`);
    rule.error = {
      rate: rate(e, `${where}.error`),
      status: status(e.status, `${where}.error.status`),
      retryAfter: optionalNum(e.retryAfter, `${where}.error.retryAfter`, 0, 86_400),
    };
  }
  if (value.latency !== undefined) {
    const l = object(value.latency, `${where}.latency`);
    rule.latency = {
      ms: num(l.ms, `${where}.latency.ms`, 0, MAX_MS),
      jitterMs: optionalNum(l.jitterMs, `${where}.latency.jitterMs`, 0, MAX_MS),
    };
  }
  if (value.stall !== undefined) {
    const s = object(value.stall, `${where}.stall`);
    if (s.phase !== undefined && s.phase !== "headers" && s.phase !== "body") {
      throw new FaultConfigError(`${where}.stall.phase must be "headers" or "body"`);
    }
    rule.stall = {
      rate: rate(s, `${where}.stall`),
      ms: num(s.ms, `${where}.stall.ms`, 0, MAX_MS),
      phase: s.phase as "headers" | "body" | undefined,
    };
  }
  for (const key of ["resetBefore", "resetAfter", "truncate"] as const) {
    if (value[key] !== undefined) {
      rule[key] = { rate: rate(object(value[key], `${where}.${key}`), `${where}.${key}`) };
    }
  }
  if (value.times !== undefined) {
    rule.times = num(value.times, `${where}.times`, 0, 1e12);
  }
  return rule;
}

export function parseFaultConfig(raw: unknown): FaultConfig {
  const value = object(raw, "the fault configuration");
  const seed = value.seed === undefined ? undefined : num(value.seed, "seed", 0, 2 ** 32 - 1);
  if (!Array.isArray(value.rules)) throw new FaultConfigError("rules must be an array");
  if (value.rules.length > 100) throw new FaultConfigError("rules holds at most 100 rules");
  const rules = value.rules.map(parseRule);
  return { seed, rules };
}

// The request log and the exchange reports under hostile input (issue 12, items 7, 11 and 12):
// bounded by bytes, redacted by name at any depth, and deep JSON refused before it is stored.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorExchange } from "../../src/emulator/index.js";
import { MAX_JSON_DEPTH } from "../../src/emulator/json-depth.js";
import { redactedJsonPreview } from "../../src/emulator/json-preview.js";
import { redactBody } from "../../src/emulator/redact.js";
import { BODY_PREVIEW_CHARS, RequestLog } from "../../src/emulator/request-log.js";
import { startTestEmulator } from "../support/emulator.js";
import { type Call, client } from "./client.js";

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let call: Call;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({
    conformance: "responses-only",
    onExchange: (exchange) => exchanges.push(exchange),
  });
  call = client(emulator.url);
});
afterAll(() => emulator.close());

async function logSince(since: number) {
  const response = await fetch(`${emulator.url}/__emulator/requests?since=${since}`);
  return { status: response.status, text: await response.text() };
}

const lastSeq = async () => JSON.parse((await logSince(0)).text).lastSeq as number;

/** `{"a":{"a":…{"a":leaf}}}`, `levels` objects deep. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe("request log size (item 7)", () => {
  it("keeps a capped preview of big bodies, so the log stays small and serialisable", async () => {
    const before = await lastSeq();
    // ~1 MB of small JSON values: the shape that costs the most memory once parsed.
    const big = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => i % 10));
    for (let i = 0; i < 20; i++) {
      // Parsed (and refused: not an object), so logged.
      const r = await call("/wiki/api/v2/pages", { method: "POST", body: big });
      expect(r.status).toBe(400);
    }
    // Unknown routes answer before reading the body: nothing parsed, nothing logged.
    const missing = await call("/nonexistent", { method: "POST", body: big });
    expect(missing.status).toBe(404);
    const log = await logSince(before);
    expect(log.status).toBe(200);
    const entries = JSON.parse(log.text).requests;
    expect(entries).toHaveLength(21);
    expect(entries[20]).toMatchObject({ path: "/nonexistent", status: 404 });
    expect(entries[20].body).toBeUndefined();
    expect(entries[0]).toMatchObject({ bodyTruncated: true, bodyBytes: Buffer.byteLength(big) });
    expect(entries[0].body).toHaveLength(BODY_PREVIEW_CHARS);
    // 20 previews, not 20 MB of bodies.
    expect(log.text.length).toBeLessThan(21 * (BODY_PREVIEW_CHARS + 2048));
  });

  it("keeps a field named __proto__ as a field, in redaction and preview alike", () => {
    // JSON.parse makes `__proto__` an own property, as a request body would.
    const body = JSON.parse('{"value":{"__proto__":[]},"token":"x","__proto__":{"password":"p"}}');
    const expected =
      '{"value":{"__proto__":[]},"token":"[REDACTED]","__proto__":{"password":"[REDACTED]"}}';
    expect(JSON.stringify(redactBody(body))).toBe(expected);
    expect(redactedJsonPreview(body, Number.MAX_SAFE_INTEGER)).toEqual({
      text: expected,
      complete: true,
    });
  });

  it("previews exactly the start of the redacted JSON", () => {
    const withSecrets = fc
      .jsonValue()
      .map((value) => ({ value, token: "x", nested: [{ password: value }] }));
    fc.assert(
      fc.property(withSecrets, fc.integer({ min: 1, max: 200 }), (value, limit) => {
        const full = JSON.stringify(redactBody(value));
        expect(redactedJsonPreview(value, Number.MAX_SAFE_INTEGER)).toEqual({
          text: full,
          complete: true,
        });
        const cut = redactedJsonPreview(value, limit);
        expect(cut.complete).toBe(full.length <= limit);
        expect(full.startsWith(cut.text.slice(0, limit))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("evicts the oldest entries when over its byte budget", () => {
    const log = new RequestLog(1000, 20_000);
    const input = { time: "t", method: "POST", path: "/x", query: {}, headers: {}, status: 200 };
    for (let i = 0; i < 100; i++) log.add(input, { text: "y".repeat(1000) }, 1000);
    expect(log.heldBytes).toBeLessThanOrEqual(20_000);
    const kept = log.since(0);
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.at(-1)?.seq).toBe(100);
    expect(log.lastSeq).toBe(100);
  });
});

describe("redaction by name at any depth (item 12)", () => {
  it("keeps secrets out of the log and the exchange reports", async () => {
    const before = await lastSeq();
    exchanges.length = 0;
    const secrets = ["sekrit-q1", "sekrit-q2", "sekrit-q3", "sekrit-h1", "sekrit-b1", "sekrit-b2"];
    await call(
      "/wiki/api/v2/pages/98306/properties?access_token=sekrit-q1&client_secret=sekrit-q2&code=sekrit-q3",
      {
        method: "POST",
        headers: { "x-auth-token": "sekrit-h1" },
        body: {
          key: "deep-secrets",
          value: nested(12, { password: "sekrit-b1", list: [{ clientSecret: "sekrit-b2" }] }),
        },
      },
    );
    const log = (await logSince(before)).text;
    // Confluence bodies stay intact in the reports on purpose (conformance checks; the stored
    // property is echoed back): everything else must be clean.
    const reports = JSON.stringify(
      exchanges.map(({ requestBody: _, responseBody: __, ...rest }) => rest),
    );
    for (const secret of secrets) {
      expect(log, secret).not.toContain(secret);
      expect(reports, secret).not.toContain(secret);
    }
    const entry = JSON.parse(log).requests[0];
    expect(entry.query).toMatchObject({ access_token: "[REDACTED]", code: "[REDACTED]" });
    expect(entry.headers["x-auth-token"]).toBe("[REDACTED]");
    // Not secrets: the property key, Confluence's XSRF marker.
    expect(log).toContain("deep-secrets");
  });

  it("keeps X-Atlassian-Token: no-check readable (an XSRF marker, not a credential)", async () => {
    const before = await lastSeq();
    await call("/wiki/api/v2/spaces", { headers: { "x-atlassian-token": "no-check" } });
    const entry = JSON.parse((await logSince(before)).text).requests[0];
    expect(entry.headers["x-atlassian-token"]).toBe("no-check");
  });
});

describe("deep JSON (item 11)", () => {
  const properties = "/wiki/api/v2/pages/98306/properties";

  it("refuses a value nested 20,000 levels with a 400, stores nothing, and reads keep working", async () => {
    const deep = `{"key":"deep","value":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    const r = await call(properties, { method: "POST", body: deep });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(r.body.errors[0].title).toMatch(
      /nesting depth \(1001\) exceeds the maximum allowed \(1000\)/,
    );
    const list = await call(`${properties}?limit=250`);
    expect(list.status).toBe(200);
    expect(list.body.results.map((p: { key: string }) => p.key)).not.toContain("deep");
    expect((await call("/wiki/api/v2/pages/98306?include-properties=true")).status).toBe(200);
  });

  it("accepts exactly the limit, and serves what it stored", async () => {
    // The body object is level 1, so the value may use the remaining levels.
    const value = nested(MAX_JSON_DEPTH - 1);
    const created = await call(properties, { method: "POST", body: { key: "at-limit", value } });
    expect(created.status).toBe(200);
    const list = await call(`${properties}?key=at-limit`);
    expect(list.status).toBe(200);
    expect(list.body.results[0].value).toEqual(value);
    expect((await call("/wiki/api/v2/pages/98306?include-properties=true")).status).toBe(200);
    const over = await call(properties, {
      method: "POST",
      body: { key: "over", value: nested(MAX_JSON_DEPTH) },
    });
    expect(over.status).toBe(400);
  });

  it("answers GraphQL with its error shape, and a deep atlas_doc_format page body with a 400", async () => {
    const graphql = await call("/gateway/api/graphql", {
      method: "POST",
      body: `{"query":"{ __typename }","variables":{"v":${"[".repeat(5000)}${"]".repeat(5000)}}}`,
    });
    expect(graphql.status).toBe(400);
    expect(graphql.body.errors[0].message).toMatch(/nesting depth/);
    const adf = await call("/wiki/api/v2/pages", {
      method: "POST",
      body: {
        spaceId: "65537",
        title: "Deep ADF",
        body: {
          representation: "atlas_doc_format",
          value: `${'{"content":['.repeat(3000)}{"type":"text","text":"x"}${"]}".repeat(3000)}`,
        },
      },
    });
    expect(adf.status).toBe(400);
    expect(adf.body.errors[0].title).toMatch(/nesting depth/);
  });

  it("ignores brackets inside strings", async () => {
    const value = { text: "[".repeat(5000) };
    const created = await call(properties, { method: "POST", body: { key: "brackets", value } });
    expect(created.status).toBe(200);
  });
});

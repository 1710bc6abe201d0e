import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/core/index.js";
import { REDACTED, Redactor } from "../../src/core/index.js";
import { API_TOKEN, clientFor, EMAIL, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const basic = Buffer.from(`${EMAIL}:${API_TOKEN}`).toString("base64");

function recordingLogger() {
  const lines: string[] = [];
  const record = (message: string, meta?: Record<string, unknown>) =>
    lines.push(`${message} ${JSON.stringify(meta)}`);
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  return { logger, lines };
}

describe("Redactor", () => {
  const redactor = new Redactor(() => ["s3cr3t-value", "ab"]);
  it("scrubs by header name, field name and value", () => {
    expect(
      redactor.redactHeaders({ Authorization: "Basic x", "X-Other": "has s3cr3t-value inside" }),
    ).toEqual({
      Authorization: REDACTED,
      "X-Other": `has ${REDACTED} inside`,
    });
    expect(
      redactor.redactValue({
        password: "p",
        nested: [{ client_secret: "c", refreshToken: "r", authorization_code: "x" }],
        ok: "ab",
      }),
    ).toEqual({
      password: REDACTED,
      nested: [{ client_secret: REDACTED, refreshToken: REDACTED, authorization_code: REDACTED }],
      ok: "ab",
    });
    // `code` in a JSON body is Confluence's error identifier; a secret in it goes by value.
    expect(
      redactor.redactValue({ errors: [{ code: "NOT_FOUND" }, { code: "s3cr3t-value" }] }),
    ).toEqual({ errors: [{ code: "NOT_FOUND" }, { code: REDACTED }] });
    expect(redactor.redactUrl("/cb?code=xyz&state=1&access_token=t")).toBe(
      `/cb?code=${REDACTED}&state=1&access_token=${REDACTED}`,
    );
    expect(redactor.redactString("a=s3cr3t%2Dvalue")).toBe("a=s3cr3t%2Dvalue");
    expect(new Redactor(() => ["to ken"]).redactString("x=to%20ken")).toBe(`x=${REDACTED}`);
  });
});

describe("secrets in the client", () => {
  it("never logs credentials in debug output, and truncates big bodies", async () => {
    site = await startSite((_req, res) =>
      json(res, 200, { echoed: API_TOKEN, access_token: "zzz", big: "x".repeat(10_000) }),
    );
    const { logger, lines } = recordingLogger();
    const { client } = clientFor(site, { logger, debug: true });
    await client.request({
      method: "PUT",
      path: "/pages/{id}",
      pathParams: { id: 1 },
      body: { password: "pw-123456", note: `token ${API_TOKEN}` },
      headers: { "X-Custom": API_TOKEN },
    });
    const output = lines.join("\n");
    expect(lines).toHaveLength(2);
    expect(output).toContain("Confluence request: PUT");
    expect(output).toContain('"status":200');
    expect(output).toContain("truncated");
    for (const secret of [API_TOKEN, basic, "pw-123456", "zzz"])
      expect(output).not.toContain(secret);
    expect(output).toContain(`"authorization":"${REDACTED}"`);
    expect(site.received[0]?.headers.authorization).toBe(`Basic ${basic}`);
    await client.close();
  });

  it("keeps secrets echoed by the server out of error messages and enumerable fields", async () => {
    site = await startSite((req, res) =>
      json(res, 400, {
        errors: [
          {
            status: 400,
            code: "BAD",
            title: "Bad",
            detail: `bad auth ${req.headers.authorization}`,
          },
        ],
        token: API_TOKEN,
      }),
    );
    const { client } = clientFor(site);
    const error = await client
      .request({ path: "/x", query: { q: API_TOKEN } })
      .catch((e: unknown) => e);
    const serialised =
      JSON.stringify(error) + String((error as Error).message) + String((error as Error).stack);
    expect(serialised).toContain("bad auth Basic");
    for (const secret of [API_TOKEN, basic]) expect(serialised).not.toContain(secret);
    await client.close();
  });

  it("keeps Confluence's error code in debug output while secrets go by name and value", async () => {
    site = await startSite((req, res) =>
      json(res, 401, {
        errors: [{ status: 401, code: "UNAUTHORIZED", title: "Unauthorized", detail: null }],
        echo: req.headers.authorization,
        access_token: "opaque-at",
      }),
    );
    const { logger, lines } = recordingLogger();
    const { client } = clientFor(site, { logger, debug: true, retry: { maxRetries: 0 } });
    await client.request({ path: "/x" }).catch(() => undefined);
    const output = lines.join("\n");
    expect(output).toContain('\\"code\\":\\"UNAUTHORIZED\\"');
    expect(output).toContain(`\\"access_token\\":\\"${REDACTED}\\"`);
    for (const secret of [API_TOKEN, basic, "opaque-at"]) expect(output).not.toContain(secret);
    await client.close();
  });

  it("logs nothing without debug", async () => {
    site = await startSite((_req, res) => json(res, 200, {}));
    const { logger, lines } = recordingLogger();
    const { client } = clientFor(site, { logger });
    await client.request({ path: "/x" });
    await client.request({ path: "/x", debug: true });
    expect(lines).toHaveLength(2);
    await client.close();
  });
});

describe("fields named __proto__", () => {
  it("stay fields of the redacted copy, their values redacted", () => {
    const redactor = new Redactor(() => ["s3cr3t-value"]);
    const body = JSON.parse('{"__proto__":{"note":"s3cr3t-value","token":"x"},"ok":1}');
    const copy = redactor.redactValue(body) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(
      '{"__proto__":{"note":"[REDACTED]","token":"[REDACTED]"},"ok":1}',
    );
  });
});

// The wiring: exchanges of a real emulator reach the validator through startTestEmulator(),
// and a violation comes out naming operation and field (conformance-hooks.ts then fails the test;
// here we take the violations ourselves so this test can assert on them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { DEMO_IDS } from "../../src/emulator/index.js";
import { ConformanceError, drainViolations } from "../support/conformance-monitor.js";
import { startTestEmulator } from "../support/emulator.js";
import { createExchangeValidator, type Exchange } from "./validator.js";

describe("startTestEmulator's conformance monitor", () => {
  let emulator: RunningEmulator;
  let authorization: string;
  const exchanges: Exchange[] = [];
  beforeAll(async () => {
    emulator = await startTestEmulator({ onExchange: (exchange) => exchanges.push(exchange) });
    const { email, apiToken } = emulator.credentials;
    authorization = `Basic ${Buffer.from(`${email}:${apiToken}`).toString("base64")}`;
  });
  afterAll(async () => {
    await emulator.close();
  });

  const get = (path: string) =>
    fetch(`${emulator.url}${path}`, { headers: { authorization, accept: "application/json" } });

  it("passes a conformant exchange", async () => {
    const response = await get(
      `/wiki/api/v2/pages/${DEMO_IDS.pages.architecture}?body-format=storage`,
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(await drainViolations()).toEqual([]);
  });

  it("reports a camelCase query parameter the emulator silently accepted", async () => {
    const response = await get(
      `/wiki/api/v2/pages/${DEMO_IDS.pages.architecture}?bodyFormat=storage`,
    );
    await response.arrayBuffer();
    const violations = await drainViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      side: "request",
      operationId: "getPageById",
      pathTemplate: "/wiki/api/v2/pages/{id}",
      field: "query.bodyFormat",
    });
    expect(new ConformanceError(violations).message).toMatch(
      /request getPageById \(GET \/wiki\/api\/v2\/pages\/\{id\}\): query\.bodyFormat: not declared/,
    );
  });

  it("reports requests to paths outside the specs", async () => {
    const response = await get("/wiki/api/v2/no-such-collection");
    await response.arrayBuffer();
    const violations = await drainViolations();
    expect(violations.map((violation) => violation.field)).toEqual(["path"]);
  });

  it("checks the emulator's real Link headers (and would catch a broken one)", async () => {
    const response = await get("/wiki/api/v2/spaces?limit=1&sort=key");
    expect(response.headers.get("link")).toMatch(/rel="next"/);
    await response.arrayBuffer();
    expect(await drainViolations()).toEqual([]);

    const real = exchanges.find(
      (exchange) => exchange.url === "/wiki/api/v2/spaces?limit=1&sort=key",
    )!;
    const validator = await createExchangeValidator();
    expect(validator.check(real).violations).toEqual([]);
    const { link: _dropped, ...withoutLink } = real.responseHeaders;
    const broken = validator.check({ ...real, responseHeaders: withoutLink });
    expect(broken.violations.map((violation) => violation.field)).toEqual(["header.link"]);
  });
});

// A connection alone can never reach this machine or a metadata service: loopback hosts need
// the runner's consent (ConnectorEnvironment.allowLoopbackHttp, set by the adapters from
// CONFLUENCE_ALLOW_LOOPBACK_HTTP=1), link-local addresses are refused outright, and a host
// outside Atlassian's domains is logged once per connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "../../src/catalog/client-factory.js";
import {
  actions,
  DEFAULT_ENVIRONMENT,
  environmentFrom,
  runAction,
} from "../../src/catalog/index.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import {
  basicConnection,
  EMULATOR_ENVIRONMENT,
  emulatorRuntime,
  SILENT_LOGGER,
} from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { lastSeq, requestsSince } from "../support/emulator-requests.js";

let emulator: RunningEmulator;
const runtime = emulatorRuntime();
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: "demo" });
});
afterAll(async () => {
  await runtime.close();
  await emulator?.close();
});

const run = (key: string, inputs: Record<string, unknown>, environment = DEFAULT_ENVIRONMENT) =>
  runAction(
    actions[key]!,
    { connection: basicConnection(emulator), ...inputs },
    SILENT_LOGGER,
    runtime.withEnvironment(environment),
  );

describe("loopback hosts", () => {
  it.each([
    ["listSpaces", {}],
    ["rawRequest", { url: "/wiki/rest/api/user/current", method: "GET" }],
  ])(
    "%s on the emulator is refused without the runner's consent, nothing sent",
    async (key, inputs) => {
      const since = await lastSeq(emulator.url);
      const error = await run(key, inputs).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ConfluenceValidationError" });
      expect((error as Error).message).toMatch(
        /Invalid Confluence host "http:\/\/127\.0\.0\.1:\d+": it points at this machine.*CONFLUENCE_ALLOW_LOOPBACK_HTTP=1/,
      );
      expect(await requestsSince(emulator.url, since)).toEqual([]);
      // With it (as npm start, the tests and the emulator's instructions set it): answered.
      await expect(run(key, inputs, EMULATOR_ENVIRONMENT)).resolves.toHaveProperty("data");
    },
  );

  it("is allowed by CONFLUENCE_ALLOW_LOOPBACK_HTTP=1 only", () => {
    expect(environmentFrom({ CONFLUENCE_ALLOW_LOOPBACK_HTTP: "1" }).allowLoopbackHttp).toBe(true);
    for (const value of [undefined, "", "0", "true", "yes"]) {
      expect(environmentFrom({ CONFLUENCE_ALLOW_LOOPBACK_HTTP: value }).allowLoopbackHttp).toBe(
        false,
      );
    }
  });
});

describe("link-local and metadata hosts", () => {
  it.each(["https://169.254.169.254", "http://169.254.169.254", "https://[fe80::1]"])(
    "%s is refused even with loopback allowed",
    async (host) => {
      const connection = { key: "basic", fields: { ...emulator.credentials, host } };
      const error = await runAction(
        actions.rawRequest!,
        { connection, url: "/latest/meta-data/", method: "GET" },
        SILENT_LOGGER,
        runtime,
      ).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/link-local and cloud metadata addresses/);
    },
  );
});

describe("hosts outside Atlassian's domains", () => {
  it("are logged once per connection", async () => {
    const warnings: string[] = [];
    const logger = { ...SILENT_LOGGER, warn: (message: string) => warnings.push(message) };
    const connection = {
      key: "basic",
      fields: { ...emulator.credentials, host: "https://wiki.custom-domain.example" },
    };
    for (let invocation = 0; invocation < 3; invocation++) {
      const { client } = connectClient(
        connection,
        logger,
        false,
        runtime.withEnvironment(DEFAULT_ENVIRONMENT),
      );
      await client.close();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/wiki\.custom-domain\.example is not an Atlassian domain/);
  });
});

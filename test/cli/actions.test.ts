// `confluence <action>`: the CLI generated from the catalog, against the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  process.exitCode = undefined;
});

async function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  await main(["node", "confluence", ...args], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {
      CONFLUENCE_HOST: emulator.url,
      CONFLUENCE_EMAIL: emulator.credentials.email,
      CONFLUENCE_API_TOKEN: emulator.credentials.apiToken,
      // The runner's consent to a loopback host (the emulator).
      CONFLUENCE_ALLOW_LOOPBACK_HTTP: "1",
      ...env,
    },
  });
  const exitCode = process.exitCode ?? 0;
  process.exitCode = undefined;
  return { out: out.join("\n"), err: err.join("\n"), exitCode };
}

async function requestLog(): Promise<{ method: string; path: string; query: object }[]> {
  const response = await fetch(`${emulator.url}/__emulator/requests`);
  return (
    (await response.json()) as { requests: { method: string; path: string; query: object }[] }
  ).requests;
}

describe("confluence <action>", () => {
  it("runs an action with options named after its inputs and prints the result as JSON", async () => {
    const page = DEMO_IDS.pages.engineeringHome;
    const result = await run(["get-page", "--page-id", page, "--body-format", "storage"]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ id: page });
    expect((await requestLog()).at(-1)).toMatchObject({
      method: "GET",
      path: `/wiki/api/v2/pages/${page}`,
      query: { "body-format": "storage" },
    });
  });

  it("maps repeatable key=value options and boolean flags", async () => {
    const result = await run([
      "list-spaces",
      "--limit",
      "1",
      "--query-parameters",
      "keys=ENG",
      "--fetch-all",
    ]);
    expect(result.exitCode).toBe(0);
    const spaces = JSON.parse(result.out) as { results: { key: string }[] };
    expect(spaces.results.map((space) => space.key)).toEqual(["ENG"]);
  });

  it("refuses a bad input by its label before any request, exit code 2", async () => {
    const before = (await requestLog()).length;
    const result = await run(["get-page", "--page-id", "../etc"]);
    expect(result.exitCode).toBe(2);
    expect(result.err).toContain("Page Id");
    expect((await requestLog()).length).toBe(before);
  });

  it("never prints the API token, even with Debug Request on", async () => {
    const result = await run(["get-space", "--space-id", "999999", "--debug-request"]);
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain("404");
    const basic = Buffer.from(`${emulator.credentials.email}:demo-token`).toString("base64");
    expect(`${result.out}${result.err}`).not.toContain("demo-token");
    expect(`${result.out}${result.err}`).not.toContain(basic);
  });
});

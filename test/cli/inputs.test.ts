// Inputs on the command line: every problem reported in one run, key/value options as key=value
// only (and reaching the request), and help that marks required options, lists choices and
// shows an example for every JSON input.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../../src/catalog/index.js";
import { main } from "../../src/cli/index.js";
import { cliInputs, flagOf, kebab } from "../../src/cli/inputs.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { runCliHere } from "./support/in-process.js";
import { emulatorEnv, requestLog } from "./support/spawn-cli.js";

let emulator: RunningEmulator;
let env: Record<string, string>;
beforeAll(async () => {
  emulator = await startTestEmulator();
  env = emulatorEnv(emulator);
});
afterAll(() => emulator.close());
afterEach(() => {
  process.exitCode = undefined;
});

describe("input problems", () => {
  it("reports every missing or invalid input in one run, exit 2, nothing sent", async () => {
    const before = (await requestLog(emulator)).length;
    const result = await runCliHere(
      [
        "update-page",
        "--page-id",
        "abc",
        "--status",
        "published",
        "--version",
        '{"number":',
        "--query-parameters",
        "x=y",
      ],
      { ...env, CONFLUENCE_EMAIL: "" },
    );
    expect(result.code).toBe(2);
    for (const expected of [
      "CONFLUENCE_EMAIL is not set",
      "--page-id (Page Id) must be a numeric Confluence id",
      "--status (Status) must be one of current, draft",
      "--title (Title) is required",
      "--body (Body) is required",
      "--version (Version) is not valid JSON",
      'unknown option "--query-parameters"',
    ]) {
      expect(result.err).toContain(expected);
    }
    expect((await requestLog(emulator)).length).toBe(before);
  });
});

describe("key=value options", () => {
  it("sends key=value as the query parameter, repeatable", async () => {
    const attachment = DEMO_IDS.attachments.diagramPng;
    const result = await runCliHere(
      [
        "get-attachment",
        "--attachment-id",
        attachment,
        "--query-parameters",
        "include-version=true",
        "--query-parameters",
        "include-labels=false",
      ],
      env,
    );
    expect(result.code).toBe(0);
    expect((await requestLog(emulator)).at(-1)).toMatchObject({
      path: `/wiki/api/v2/attachments/${attachment}`,
      query: { "include-version": "true", "include-labels": "false" },
    });
  });

  it.each([
    ["the help's old wording", "Key: include-version Value: true"],
    ["JSON", '{"include-version":"true"}'],
    ["a bare name", "include-version"],
    ["an empty key", "=true"],
  ])("refuses %s, naming the expected form, nothing sent", async (_, value) => {
    const before = (await requestLog(emulator)).length;
    const result = await runCliHere(
      ["list-spaces", "--query-parameters", value, "--query-parameters", "keys=ENG"],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--query-parameters expects key=value`);
    expect(result.err).toContain(JSON.stringify(value));
    expect((await requestLog(emulator)).length).toBe(before);
  });
});

describe("help", () => {
  it("marks required options, lists choices and shows the JSON shape (update-page)", async () => {
    const result = await runCliHere(["update-page", "--help"], {});
    expect(result.code).toBe(0);
    const help = result.out.replace(/\s+/g, " ");
    expect(help).toMatch(/--page-id <value> \(required\)/);
    expect(help).toMatch(/--title <value> \(required\)/);
    expect(help).toMatch(/--parent-id <value> Parent Id/);
    expect(help).toContain("Choices: current, draft.");
    expect(help).toContain(`--version '{"number":47,"message":"..."}'`);
  });

  it("shows an example for every JSON input and key=value for every key/value input", async () => {
    for (const action of Object.values(actions)) {
      const json = cliInputs(action).filter(([, input]) => input.language === "json");
      const keyValue = cliInputs(action).filter(([, input]) => input.collection === "keyvaluelist");
      if (json.length + keyValue.length === 0) continue;
      const out: string[] = [];
      await main(["node", "confluence", kebab(action.key), "--help"], {
        out: (line) => out.push(line),
        env: {},
      });
      expect(process.exitCode ?? 0).toBe(0);
      const help = out.join("\n").replace(/\s+/g, " ");
      for (const [key] of json)
        expect(help).toMatch(new RegExp(`JSON, e\\.g\\. ${flagOf(key)} '[[{]`));
      for (const [key] of keyValue)
        expect(help).toMatch(new RegExp(`e\\.g\\. ${flagOf(key)} [\\w-]+=\\w+`));
    }
  });
});

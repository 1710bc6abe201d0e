// Catalog actions share one core client per connection (src/catalog/client-factory.ts), so the
// keep-alive sockets survive between invocations. A shared client must never answer for another
// credential, must log to the invocation that asked, and must not keep the process alive.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "../../src/catalog/client-factory.js";
import { actions, runAction } from "../../src/catalog/index.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { basicConnection, EMULATOR_ENVIRONMENT, emulatorRuntime } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";

const PAGE = DEMO_IDS.pages.engineeringHome;
let emulator: RunningEmulator;
const runtime = emulatorRuntime();
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await runtime.close();
  await emulator.close();
});

const connection = (apiToken: string) => basicConnection(emulator, { apiToken });

function recorder() {
  const lines: string[] = [];
  const push = (line: string) => lines.push(line);
  return { lines, logger: { info: push, warn: push, error: push } };
}

const getPage = (apiToken: string, logger = recorder().logger, debugRequest = false) =>
  runAction(
    actions.getPage!,
    { connection: connection(apiToken), pageId: PAGE, debugRequest },
    logger,
    runtime,
  );

describe("client reuse across action invocations", () => {
  it("reuses one client per connection and never serves another credential", async () => {
    await runtime.close();
    const good = emulator.credentials.apiToken;
    expect(((await getPage(good)).data as { id: string }).id).toBe(PAGE);
    expect(((await getPage(good)).data as { id: string }).id).toBe(PAGE);
    expect(runtime.clients.size).toBe(1);
    // Same site and email, another token: its own client, and the site rejects it.
    await expect(getPage(`${good}-revoked`)).rejects.toMatchObject({ status: 401 });
    expect(runtime.clients.size).toBe(2);
    expect(((await getPage(good)).data as { id: string }).id).toBe(PAGE);
    expect(runtime.clients.size).toBe(2);
  });

  it("logs to the invocation that asked for debug output, and only then", async () => {
    const token = emulator.credentials.apiToken;
    const first = recorder();
    const quiet = recorder();
    const third = recorder();
    await getPage(token, first.logger, true);
    await getPage(token, quiet.logger, false);
    await getPage(token, third.logger, true);
    expect(first.lines.some((line) => line.startsWith("Confluence request: GET"))).toBe(true);
    expect(quiet.lines).toEqual([]);
    expect(third.lines.length).toBe(first.lines.length);
    expect([...first.lines, ...third.lines].join("\n")).not.toContain(token);
  });

  it("closing an invocation's client leaves the shared one working", async () => {
    const { client } = connectClient(
      connection(emulator.credentials.apiToken),
      recorder().logger,
      false,
      runtime,
    );
    await client.close();
    expect(((await getPage(emulator.credentials.apiToken)).data as { id: string }).id).toBe(PAGE);
  });

  it("does not keep a process alive after its last action (idle sockets are unref'd)", async () => {
    const script = `
      import { actions, createRuntime, runAction } from ${JSON.stringify(fileURLToPath(new URL("../../src/catalog/index.ts", import.meta.url)))};
      const connection = { key: "basic", fields: ${JSON.stringify(connection(emulator.credentials.apiToken).fields)} };
      const logger = { info() {}, warn() {}, error() {} };
      await runAction(actions.getPage, { connection, pageId: ${JSON.stringify(PAGE)} }, logger, createRuntime(${JSON.stringify(EMULATOR_ENVIRONMENT)}));
      process.stdout.write(String(Date.now()));
    `;
    // Asynchronously: the emulator lives in this process and must keep answering.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      { encoding: "utf8", timeout: 20_000 },
    );
    const exitedAt = Date.now();
    // A socket kept alive would hold the process for the server's keep-alive hint (over a
    // minute here, past the 20 s kill above); 10 s leaves room for a loaded machine.
    expect(exitedAt - Number(stdout)).toBeLessThan(10_000);
  });
});

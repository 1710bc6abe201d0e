// `confluence` as a script sees it: exit codes 0 / 1 / 2, --version, quiet EPIPE, and errors
// that say which environment variable to set. What is about the process (its exit status, a pipe
// closed early, --version) spawns the real command line; the rest runs `main` in this process.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { runCliHere } from "./support/in-process.js";
import { emulatorEnv, requestLog, runCli, runPipeline } from "./support/spawn-cli.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  // Enough pages that one listing overflows a pipe's buffer (64 KiB) long before it ends.
  emulator = await startTestEmulator({ generate: { pages: 600 } });
});
afterAll(() => emulator.close());

describe("confluence exit codes", () => {
  it("--version prints the package version, exit 0", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const result = await runCli(["--version"], {});
    expect(result).toMatchObject({ code: 0, out: `${version}\n` });
  });

  it("0 on success, 1 when Confluence answers with an error, 2 for a usage or input error", async () => {
    const env = emulatorEnv(emulator);
    const page = DEMO_IDS.pages.engineeringHome;
    expect((await runCli(["get-page", "--page-id", page], env)).code).toBe(0);
    const missing = await runCli(["get-page", "--page-id", "999999999"], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("404");
    const before = (await requestLog(emulator)).length;
    expect((await runCli(["get-page", "--page-id", "../etc"], env)).code).toBe(2);
    expect((await runCliHere(["get-page", "--page-id", page, "--no-such-option"], env)).code).toBe(
      2,
    );
    expect((await runCliHere(["no-such-command"], env)).code).toBe(2);
    expect((await requestLog(emulator)).length).toBe(before);
  });

  it("1 for a network error (nothing listening)", async () => {
    // Every retry still happens, without the backoff's seconds (src/cli/runtime.ts).
    const env = {
      ...emulatorEnv(emulator),
      CONFLUENCE_HOST: "http://127.0.0.1:9",
      CONFLUENCE_TEST_RETRY_DELAY_MS: "0",
    };
    const result = await runCliHere(["list-spaces"], env);
    expect(result.code).toBe(1);
    expect(result.err).not.toContain("    at ");
  });

  it("documents the exit codes in --help", async () => {
    const result = await runCliHere(["--help"], {});
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /Exit codes:\n\s+0 +success\n\s+1 .*Confluence.*\n\s+2 +usage or input error/,
    );
  });

  it.each([
    ["a listing larger than the pipe", "$CLI list-pages --limit 250"],
    ["--all", "$CLI list-pages --all"],
  ])("ends quietly with 0 when stdout closes early (%s | head -1)", async (_, command) => {
    const result = await runPipeline(
      `${command} | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`,
      emulatorEnv(emulator),
    );
    expect(result.out.trim()).toBe("exit=0");
    expect(result.err).toBe("");
  });
});

describe("confluence errors name what to set", () => {
  it("names every missing connection variable, not Prismatic labels, exit 2", async () => {
    const result = await runCliHere(["list-spaces"], {});
    expect(result.code).toBe(2);
    expect(result.err).toContain("CONFLUENCE_HOST is not set");
    expect(result.err).toContain("CONFLUENCE_EMAIL is not set");
    expect(result.err).toContain("CONFLUENCE_API_TOKEN is not set");
    expect(result.err).toContain("CONFLUENCE_ACCESS_TOKEN");
    expect(result.err).not.toContain('"Host"');
  });

  it("points at CONFLUENCE_HOST when the host is not valid, exit 2", async () => {
    const result = await runCliHere(["list-spaces"], {
      ...emulatorEnv(emulator),
      CONFLUENCE_HOST: "not a host",
    });
    expect(result.code).toBe(2);
    expect(result.err).toContain("Invalid Confluence host");
    expect(result.err).toMatch(/hint: .*CONFLUENCE_HOST/);
  });

  it("points at CONFLUENCE_SITE when the OAuth token reaches no such site", async () => {
    const minted = await fetch(`${emulator.url}/__emulator/oauth/tokens`, { method: "POST" });
    const { access_token } = (await minted.json()) as { access_token: string };
    const result = await runCliHere(["list-spaces"], {
      CONFLUENCE_ACCESS_TOKEN: access_token,
      CONFLUENCE_SITE: "no-such-site.atlassian.net",
      CONFLUENCE_ATLASSIAN_API_URL: emulator.url,
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/hint: .*CONFLUENCE_SITE/);
    expect(result.err).not.toContain(access_token);
  });

  it("hints at the API token on a 401, without printing it", async () => {
    const env = { ...emulatorEnv(emulator), CONFLUENCE_API_TOKEN: "wrong-secret-token" };
    const result = await runCliHere(["list-spaces"], env);
    expect(result.code).toBe(1);
    expect(result.err).toContain("401");
    expect(result.err).toMatch(/hint: .*CONFLUENCE_API_TOKEN/);
    expect(`${result.out}${result.err}`).not.toContain("wrong-secret-token");
  });

  it("hints at the access token on a 401 with OAuth", async () => {
    const env = {
      ...emulatorEnv(emulator),
      CONFLUENCE_ACCESS_TOKEN: "expired-access-token",
      // The emulator also plays Atlassian's API gateway (src/core/auth.ts).
      CONFLUENCE_ATLASSIAN_API_URL: emulator.url,
    };
    const result = await runCliHere(["list-spaces"], env);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/hint: .*CONFLUENCE_ACCESS_TOKEN/);
    expect(`${result.out}${result.err}`).not.toContain("expired-access-token");
  });
});

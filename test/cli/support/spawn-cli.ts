// Runs the real `confluence` command line in a child process, against an emulator the test
// started: real exit codes, pipes and files. The command is the CLI bundle that
// bin/confluence.cjs runs, built from the current sources once per test worker
// (scripts/build.mjs --cli-only, about a second) rather than transpiled by tsx at every spawn.
// The child's environment holds no CONFLUENCE_* variable but those the test gives.
import { type ChildProcessByStdio, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "../../../src/emulator/index.js";

export const REPO = fileURLToPath(new URL("../../..", import.meta.url));

let bundle: string | undefined;

/** `node <bundle>`: the CLI built from the current sources (once per worker process). */
export function cliCommand(): [string, string] {
  if (bundle === undefined) {
    // Inside the repository, so that the bundle's external dependencies resolve.
    const cache = join(REPO, "node_modules", ".cache");
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(join(cache, "cli-test-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    execFileSync(process.execPath, ["scripts/build.mjs", "--cli-only", "--outdir", dir], {
      cwd: REPO,
      stdio: "ignore",
    });
    // What bin/confluence.cjs does with dist/cli/index.cjs.
    bundle = join(dir, "confluence.cjs");
    writeFileSync(bundle, 'require("./cli/index.cjs").main(process.argv);\n');
  }
  return [process.execPath, bundle];
}

export interface CliRun {
  code: number | null;
  stdout: Buffer;
  out: string;
  err: string;
}

export function cleanEnv(env: Record<string, string>): Record<string, string> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        !entry[0].startsWith("CONFLUENCE_") && entry[1] !== undefined,
    ),
  );
  return { ...base, ...env };
}

/** The environment of a Basic connection to the emulator. */
export function emulatorEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    CONFLUENCE_HOST: emulator.url,
    CONFLUENCE_EMAIL: emulator.credentials.email,
    CONFLUENCE_API_TOKEN: emulator.credentials.apiToken,
    // Plain http to loopback (the emulator) is opted into by the adapters (src/core host rules).
    CONFLUENCE_ALLOW_LOOPBACK_HTTP: "1",
  };
}

function finished(child: ChildProcessByStdio<null, Readable, Readable>): Promise<CliRun> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const bytes = Buffer.concat(stdout);
      const err = Buffer.concat(stderr).toString("utf8");
      resolve({ code, stdout: bytes, out: bytes.toString("utf8"), err });
    });
  });
}

/** The built CLI with `args` and exactly `env`: `node [nodeArgs] <bundle> ...args`. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<CliRun> {
  const [node, bundlePath] = cliCommand();
  const child = spawn(node, [...nodeArgs, bundlePath, ...args], {
    cwd: REPO,
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return finished(child);
}

/** A shell pipeline (`bash -c`), for `confluence ... | head -1`; `$CLI` runs the command line. */
export function runPipeline(script: string, env: Record<string, string>): Promise<CliRun> {
  const child = spawn("bash", ["-c", script], {
    cwd: REPO,
    env: cleanEnv({ ...env, CLI: cliCommand().join(" ") }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return finished(child);
}

export async function requestLog(
  emulator: RunningEmulator,
): Promise<{ method: string; path: string; query: Record<string, string> }[]> {
  const response = await fetch(`${emulator.url}/__emulator/requests`);
  const body = (await response.json()) as {
    requests: { method: string; path: string; query: Record<string, string> }[];
  };
  return body.requests;
}

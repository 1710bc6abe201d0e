// `confluence emulator`: runs the Confluence Cloud emulator until SIGINT/SIGTERM.
import type { Command } from "commander";
// The emulator's public entry only: the CLI is one of its users like any other.
import {
  DEMO_IDS,
  type GenerateOptions,
  isLoopbackHost,
  isWildcardHost,
  type RunningEmulator,
  StateFileError,
  StateShapeError,
  startEmulator,
} from "../emulator/index.js";

export interface CliIo {
  out: (line: string) => void;
  /** Warnings (stderr). */
  err: (line: string) => void;
  /** Resolves when the process should stop (signals, or a test). */
  untilStopped: () => Promise<void>;
}

interface EmulatorCliOptions {
  port: string;
  host: string;
  seed: string;
  allowedHost: string[];
  allowRemoteAdmin?: boolean;
  data?: string;
  generate?: string;
}

/** A start-up problem: one line on stderr and exit status 2, never a stack trace. */
class StartupError extends Error {}

const collect = (value: string, previous: string[]) => [...previous, value];

function parsePort(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new StartupError(`--port must be a number from 0 to 65535 (got "${value}")`);
  }
  return n;
}

function parseSeed(value: string): "demo" | "empty" {
  if (value !== "demo" && value !== "empty") {
    throw new StartupError(`--seed must be demo or empty (got "${value}")`);
  }
  return value;
}

/**
 * `--generate N`: a space of N pages, each with a content property and a label, and a footer
 * comment on every tenth page (the scale benchmark's site, docs/emulator.md "Scale").
 */
function parseGenerate(value: string | undefined): GenerateOptions | undefined {
  if (value === undefined) return undefined;
  const pages = Number(value);
  if (value.trim() === "" || !Number.isInteger(pages) || pages < 1 || pages > 5_000_000) {
    throw new StartupError(
      `--generate must be a number of pages from 1 to 5000000 (got "${value}")`,
    );
  }
  return { pages, propertiesPerPage: 1, labelsPerPage: 1, commentEvery: 10 };
}

/** Why listen() failed, in one line (Node's errors carry a `code`). */
function listenProblem(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "EADDRINUSE":
      return `port ${port} on ${host} is already in use (EADDRINUSE): pick another with --port, or --port 0 for a free one`;
    case "EACCES":
      return `not allowed to listen on port ${port} (EACCES): ports below 1024 need privileges`;
    case "EADDRNOTAVAIL":
      return `cannot bind to --host ${host}: not an address of this machine (EADDRNOTAVAIL)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot resolve --host ${host} (${code})`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `cannot start: ${message.split("\n")[0]}`;
    }
  }
}

/**
 * Binding beyond loopback exposes the site and the well-known demo credentials to the network;
 * the unauthenticated `/__emulator/*` endpoints stay loopback-only unless --allow-remote-admin.
 */
function exposureWarnings(host: string, url: string, remoteAdmin: boolean): string[] {
  if (isLoopbackHost(host)) return [];
  const where = isWildcardHost(host) ? `every interface (${host})` : host;
  const lines = [
    `WARNING: listening on ${where}, reachable from other machines; the demo credentials are public: use a trusted network only.`,
    remoteAdmin
      ? "WARNING: --allow-remote-admin: the /__emulator/* admin endpoints (reset, faults, requests, oauth) have no authentication and answer every machine."
      : "The /__emulator/* admin endpoints (no authentication) answer loopback clients only; --allow-remote-admin opens them to other machines.",
  ];
  if (!isWildcardHost(host)) {
    // src/core/host.ts: http:// is accepted for loopback hosts only.
    lines.push(`WARNING: the connector accepts http:// for loopback hosts only; ${url} is not.`);
  }
  return lines;
}

/** What to paste to use the emulator from the `confluence` command or the library. */
function banner(emulator: RunningEmulator, seed: "demo" | "empty", data?: string): string[] {
  const { url, credentials } = emulator;
  const lines = [
    `Confluence emulator listening on ${url}`,
    `Email:     ${credentials.email}`,
    `API token: ${credentials.apiToken}`,
  ];
  if (seed === "demo") {
    const { spaces, pages, attachments } = DEMO_IDS;
    lines.push(
      `Seeded:    space ${spaces.engineering.key} (id ${spaces.engineering.id}), pages ${pages.engineeringHome} (home) and ${pages.architecture}, attachment ${attachments.architecturePdf}`,
    );
  }
  lines.push(
    // The client takes plain http:// to loopback only with CONFLUENCE_ALLOW_LOOPBACK_HTTP=1.
    `Use it:    export CONFLUENCE_HOST=${url} CONFLUENCE_EMAIL=${credentials.email} CONFLUENCE_API_TOKEN=${credentials.apiToken} CONFLUENCE_ALLOW_LOOPBACK_HTTP=1`,
  );
  if (seed === "demo")
    lines.push(`Then:      confluence get-page --page-id ${DEMO_IDS.pages.architecture}`);
  lines.push(`Admin:     ${url}/__emulator/requests, POST ${url}/__emulator/reset`);
  if (data !== undefined) {
    lines.push(
      `Data:      kept in ${data} (export: GET ${url}/__emulator/export, import: POST ${url}/__emulator/import)`,
    );
  }
  return lines;
}

async function start(options: EmulatorCliOptions) {
  const port = parsePort(options.port);
  const seed = parseSeed(options.seed);
  const generate = parseGenerate(options.generate);
  try {
    const emulator = await startEmulator({
      port,
      host: options.host,
      seed,
      allowedHosts: options.allowedHost,
      allowRemoteAdmin: options.allowRemoteAdmin === true,
      dataDir: options.data,
      generate,
    });
    return { emulator, seed };
  } catch (error) {
    if (error instanceof StateFileError || error instanceof StateShapeError) {
      throw new StartupError(`--data ${options.data}: ${error.message}`);
    }
    throw new StartupError(listenProblem(error, options.host, port));
  }
}

export function addEmulatorCommand(program: Command, io: CliIo): void {
  program
    .command("emulator")
    .description("Run a local Confluence Cloud emulator")
    .option("-p, --port <port>", "TCP port (0 picks a free port)", "8080")
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--seed <seed>", "initial data: demo or empty", "demo")
    .option(
      "--allowed-host <name>",
      "accept this Host name too (besides IPs and localhost; repeatable)",
      collect,
      [],
    )
    .option("--allow-remote-admin", "answer /__emulator/* for clients on other machines")
    .option("--data <dir>", "keep the data in this directory across restarts (default: memory)")
    .option(
      "--generate <pages>",
      "add a generated space GEN of that many pages (with properties, labels and comments)",
    )
    .action(async (options: EmulatorCliOptions) => {
      let started: Awaited<ReturnType<typeof start>>;
      try {
        started = await start(options);
      } catch (error) {
        if (!(error instanceof StartupError)) throw error;
        io.err(`confluence emulator: ${error.message}`);
        process.exitCode = 2;
        return;
      }
      const { emulator, seed } = started;
      for (const line of exposureWarnings(
        options.host,
        emulator.url,
        options.allowRemoteAdmin === true,
      )) {
        io.err(line);
      }
      for (const line of banner(emulator, seed, options.data)) io.out(line);
      await io.untilStopped();
      await emulator.close();
      io.out("Confluence emulator stopped");
    });
}

// `confluence emulator`: runs the Confluence Cloud emulator until SIGINT/SIGTERM.
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { startEmulator } from "../emulator/index.js";
import { isLoopbackHost, isWildcardHost } from "../emulator/listen-address.js";

export interface CliIo {
  out: (line: string) => void;
  /** Warnings (stderr). */
  err: (line: string) => void;
  /** Resolves when the process should stop (signals, or a test). */
  untilStopped: () => Promise<void>;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("must be 0-65535");
  return n;
}

/**
 * Binding beyond loopback exposes the unauthenticated `/__emulator/*` endpoints (reset, faults,
 * the request log, OAuth token minting) and the well-known demo credentials to the network.
 */
function exposureWarnings(host: string, url: string): string[] {
  if (isLoopbackHost(host)) return [];
  const where = isWildcardHost(host) ? `every interface (${host})` : host;
  const lines = [
    `WARNING: listening on ${where}, reachable from other machines.`,
    "WARNING: the /__emulator/* admin endpoints (reset, faults, requests, oauth) have no authentication and the demo credentials are public: use a trusted network only.",
  ];
  if (!isWildcardHost(host)) {
    // src/core/host.ts: http:// is accepted for loopback hosts only.
    lines.push(`WARNING: the connector accepts http:// for loopback hosts only; ${url} is not.`);
  }
  return lines;
}

export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export function addEmulatorCommand(program: Command, io: CliIo): void {
  program
    .command("emulator")
    .description("Run a local Confluence Cloud emulator")
    .option("-p, --port <port>", "TCP port (0 picks a free port)", port, 8080)
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--seed <seed>", "initial data: demo or empty", "demo")
    .action(async (options: { port: number; host: string; seed: string }) => {
      if (options.seed !== "demo" && options.seed !== "empty") {
        throw new InvalidArgumentError("--seed must be demo or empty");
      }
      const emulator = await startEmulator({
        port: options.port,
        host: options.host,
        seed: options.seed,
      });
      for (const line of exposureWarnings(options.host, emulator.url)) io.err(line);
      io.out(`Confluence emulator listening on ${emulator.url}`);
      io.out(`Email:     ${emulator.credentials.email}`);
      io.out(`API token: ${emulator.credentials.apiToken}`);
      io.out(
        `Admin:     ${emulator.url}/__emulator/requests, POST ${emulator.url}/__emulator/reset`,
      );
      // src/core/host.ts: the connector refuses loopback hosts without the runner's consent.
      io.out(
        "Connector: set CONFLUENCE_ALLOW_LOOPBACK_HTTP=1 where it runs (CLI, your process); it refuses hosts on this machine otherwise",
      );
      await io.untilStopped();
      await emulator.close();
      io.out("Confluence emulator stopped");
    });
}

// The `confluence` command (bin/confluence.cjs calls main(process.argv)): `confluence emulator`,
// and one subcommand per catalog action (`confluence get-page --page-id 123`).
//
// Start-up time matters (`confluence --help` should cost little more than `node -e 0`, see
// bench/cli-startup.ts): this module loads commander and the catalog's action definitions only.
// The emulator (fastify) is imported only when `emulator` is on the command line, the catalog's
// runner (undici, graphql) only when an action runs.
import { Command, CommanderError } from "commander";
import { CONNECTOR_VERSION } from "../core/version.js";
import { type ActionsIo, addActionCommands } from "./actions-command.js";
import { CONNECTION_HELP, usesOAuth } from "./connection.js";
import type { CliIo } from "./emulator-command.js";
import { describeError, EXIT_CODES_HELP, EXIT_USAGE, exitCodeOf } from "./exit-codes.js";
import { addMcpCommand } from "./mcp-command.js";
import { untilSignal } from "./until-signal.js";

export type MainIo = CliIo & ActionsIo;

const EXAMPLES = [
  "Examples:",
  "  export CONFLUENCE_HOST=your-site.atlassian.net CONFLUENCE_EMAIL=you@example.com CONFLUENCE_API_TOKEN=...",
  "  confluence list-spaces --output table",
  "  confluence get-page --page-id 123456 --body-format storage",
  "  confluence list-pages --all | head -1",
  "  confluence raw-request --method GET --url /wiki/rest/api/user/current",
  "  confluence emulator --port 8080",
  "  confluence mcp --read-only",
].join("\n");

/** Same description as src/cli/emulator-command.ts, listed without loading the emulator. */
const EMULATOR_DESCRIPTION = "Run a local Confluence Cloud emulator";

async function addEmulator(program: Command, io: MainIo, argv: readonly string[]) {
  if (argv.slice(2).includes("emulator")) {
    const { addEmulatorCommand } = await import("./emulator-command.js");
    addEmulatorCommand(program, io);
  } else {
    program.command("emulator").description(EMULATOR_DESCRIPTION);
  }
}

export async function buildProgram(
  io: MainIo,
  argv: readonly string[],
  onError: () => void = () => {},
): Promise<Command> {
  const program = new Command("confluence")
    .description("Confluence Cloud connector tools")
    .version(CONNECTOR_VERSION, "-V, --version", "Print the version of confluence-connector")
    // Inherited by every subcommand: errors come back to main(), which picks the exit code.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, "")),
      writeErr: (text) => io.err(text.replace(/\n$/, "")),
      outputError: (text, write) => {
        onError();
        write(text);
      },
    })
    // `--version` before a subcommand is ours; after it, an input of the action (update-page).
    .enablePositionalOptions()
    .showSuggestionAfterError();
  await addEmulator(program, io, argv);
  addMcpCommand(program, { ...io, version: CONNECTOR_VERSION });
  addActionCommands(program, io, argv);
  program.addHelpText("after", `\n${CONNECTION_HELP}\n\n${EXAMPLES}`);
  program.addHelpText("afterAll", `\n${EXIT_CODES_HELP}`);
  return program;
}

/** `| head -1` closes stdout early: that is the reader's choice, not an error. */
function exitQuietlyOnEpipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

function defaultIo(io: Partial<MainIo> | undefined): MainIo {
  if (io?.out === undefined) exitQuietlyOnEpipe();
  return {
    out: io?.out ?? ((line) => process.stdout.write(`${line}\n`)),
    outBytes: io?.outBytes ?? ((bytes) => process.stdout.write(bytes)),
    err: io?.err ?? ((line) => process.stderr.write(`${line}\n`)),
    progress: io?.progress ?? ((text) => process.stderr.write(text)),
    stderrIsTty: io?.stderrIsTty ?? process.stderr.isTTY === true,
    env: io?.env ?? process.env,
    untilStopped: io?.untilStopped ?? untilSignal,
  };
}

/** Runs the command line; sets `process.exitCode` (0 success, 1 failure, 2 usage). */
export async function main(argv: string[], io?: Partial<MainIo>): Promise<void> {
  const full = defaultIo(io);
  let printed = false;
  const program = await buildProgram(full, argv, () => {
    printed = true;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with exitCode 0; everything else is a usage error.
      const shown = printed || error.code.startsWith("commander.help");
      if (error.exitCode !== 0 && !shown) full.err(`error: ${error.message}`);
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    for (const line of describeError(error, usesOAuth(full.env))) full.err(line);
    process.exitCode = exitCodeOf(error);
  }
}

// The `confluence` command (bin/confluence.js calls main(process.argv)): `confluence emulator`,
// and one subcommand per catalog action (`confluence get-page --page-id 123`).
import { Command } from "commander";
import { type ActionsIo, addActionCommands } from "./actions-command.js";
import { addEmulatorCommand, type CliIo, untilSignal } from "./emulator-command.js";
import { addMcpCommand } from "./mcp-command.js";

export type MainIo = CliIo & ActionsIo;

/** The package's version, for `confluence mcp`'s server info. */
const VERSION = "0.1.0";

export function buildProgram(io: MainIo): Command {
  const program = new Command("confluence").description("Confluence Cloud connector tools");
  addEmulatorCommand(program, io);
  addMcpCommand(program, { ...io, version: VERSION });
  addActionCommands(program, io);
  return program;
}

export async function main(argv: string[], io?: Partial<MainIo>): Promise<void> {
  const program = buildProgram({
    out: io?.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: io?.err ?? ((line) => process.stderr.write(`${line}\n`)),
    env: io?.env ?? process.env,
    untilStopped: io?.untilStopped ?? untilSignal,
  });
  await program.parseAsync(argv);
}

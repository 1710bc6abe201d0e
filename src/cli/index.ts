// The `confluence` command (bin/confluence.js calls main(process.argv)). Subcommands register
// themselves on the program; `emulator` is the first.
import { Command } from "commander";
import { addEmulatorCommand, type CliIo, untilSignal } from "./emulator-command.js";

export function buildProgram(io: CliIo): Command {
  const program = new Command("confluence").description("Confluence Cloud connector tools");
  addEmulatorCommand(program, io);
  return program;
}

export async function main(argv: string[], io?: Partial<CliIo>): Promise<void> {
  const program = buildProgram({
    out: io?.out ?? ((line) => process.stdout.write(`${line}\n`)),
    untilStopped: io?.untilStopped ?? untilSignal,
  });
  await program.parseAsync(argv);
}

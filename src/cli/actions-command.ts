// One `confluence <action>` subcommand per catalog action, generated from the catalog: each input
// becomes an option (`Page Id` → `--page-id`), with the input's label and comments as help. The
// catalog's runner (and with it undici and the GraphQL parser) is loaded only when an action
// runs, so `--help` stays fast.
import { type Command, Option } from "commander";
import { actions } from "../catalog/actions/index.js";
import type { ActionDef, ActionLogger, ActionOutput } from "../catalog/types.js";
import { CONNECTION_HINT, connectionFromEnv, connectionProblems, type Env } from "./connection.js";
import { UsageError } from "./exit-codes.js";
import { checkInputs, cliInputs, kebab, optionFor } from "./inputs.js";
import { streamAll } from "./list-all.js";
import {
  OUTPUT_FORMATS,
  type OutputFormat,
  type OutputIo,
  openSink,
  outProblems,
  writeResult,
} from "./output.js";

export interface ActionsIo extends OutputIo {
  env: Env;
  /** stderr is a terminal: `--all` shows its progress there. */
  stderrIsTty: boolean;
  /** Rewrites the progress line on stderr (`\r`, no newline). */
  progress: (text: string) => void;
}

interface CliOptions {
  output?: string;
  out?: string;
  all?: boolean;
}

const isListAction = (action: ActionDef) => "fetchAll" in action.inputs;

function consoleLogger(io: ActionsIo): ActionLogger {
  return { info: io.err, warn: io.err, error: io.err, debug: io.err };
}

/** `--all` exists on list actions only; elsewhere it is an unknown option (strayProblems). */
function cliOptionProblems(options: CliOptions): string[] {
  const problems = outProblems(options.out);
  const output = options.output ?? "json";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) {
    problems.push(
      `--output must be one of ${OUTPUT_FORMATS.join(", ")}, got ${JSON.stringify(output)}`,
    );
  }
  if (options.all === true) {
    if (output === "table")
      problems.push("--all writes NDJSON; it cannot be combined with --output table");
    const raw = options as Record<string, unknown>;
    if (raw.fetchAll !== undefined) problems.push("--all and --fetch-all cannot be combined");
    if (raw.maxItems !== undefined)
      problems.push("--max-items applies to --fetch-all, not to --all");
  }
  return problems;
}

function progressOf(io: ActionsIo) {
  if (!io.stderrIsTty) return undefined;
  return (count: number, done: boolean) =>
    io.progress(done ? `\r\x1b[2K${count} items\n` : `\r\x1b[2K${count} items so far…`);
}

/** Unknown options and stray words, reported with the other problems rather than alone. */
function strayProblems(action: ActionDef, args: readonly string[]): string[] {
  const help = `see confluence ${kebab(action.key)} --help`;
  return args.map((arg) =>
    arg.startsWith("-")
      ? `unknown option ${JSON.stringify(arg)} (${help})`
      : `unexpected argument ${JSON.stringify(arg)}: every input is an option (${help})`,
  );
}

async function runCommand(
  action: ActionDef,
  options: CliOptions,
  args: readonly string[],
  io: ActionsIo,
): Promise<void> {
  const { raw, problems } = checkInputs(action, options as Record<string, unknown>);
  const missing = connectionProblems(io.env);
  const all = [
    ...strayProblems(action, args),
    ...missing,
    ...problems,
    ...cliOptionProblems(options),
  ];
  if (all.length > 0) throw new UsageError(all, missing.length > 0 ? [CONNECTION_HINT] : []);
  raw.connection = connectionFromEnv(io.env);
  const [{ runAction }, { runtimeFrom }] = await Promise.all([
    import("../catalog/run.js"),
    import("./runtime.js"),
  ]);
  // One runtime for the command: every page of --all shares its client (src/cli/runtime.ts).
  const runtime = runtimeFrom(io.env);
  const run = (inputs: Record<string, unknown>): Promise<ActionOutput> =>
    runAction(action, inputs, consoleLogger(io), runtime);
  if (options.all === true) {
    const sink = openSink(options.out, io);
    try {
      await streamAll(raw, run, sink, progressOf(io));
    } finally {
      sink.close();
    }
    return;
  }
  const result = await run(raw);
  writeResult(
    result.data,
    { contentType: result.contentType, fileName: result.fileName },
    {
      output: (options.output ?? "json") as OutputFormat,
      out: options.out,
    },
    io,
  );
}

function addActionCommand(program: Command, action: ActionDef, io: ActionsIo, full: boolean) {
  const command = program
    .command(kebab(action.key))
    .description(`${action.label}: ${action.description}`)
    // Collected and reported together with every other problem (runCommand).
    .allowUnknownOption()
    .allowExcessArguments();
  // Options cost start-up time (~300 in all); only the command being run, or whose help is
  // asked for, needs them. The others are listed by name and description.
  if (!full) return;
  for (const [key, input] of cliInputs(action)) command.addOption(optionFor(key, input));
  command.addOption(
    new Option(
      "--output <format>",
      `How to print the result: ${OUTPUT_FORMATS.join(", ")}. Default: json.`,
    ),
  );
  command.addOption(
    new Option(
      "--out <file>",
      "Write the result to FILE (- for stdout); binary content is written raw.",
    ),
  );
  if (isListAction(action)) {
    command.addOption(
      new Option(
        "--all",
        "Every item of the list, one JSON object per line (NDJSON), fetched page by page; progress on stderr when it is a terminal.",
      ),
    );
  }
  command.action((options: CliOptions, self: Command) =>
    runCommand(action, options, self.args, io),
  );
}

/** The subcommand named on the command line (`confluence get-page ...`, `confluence help get-page`). */
function requestedCommand(argv: readonly string[]): string | undefined {
  const words = argv.slice(2).filter((arg) => !arg.startsWith("-"));
  return words[0] === "help" ? words[1] : words[0];
}

export function addActionCommands(program: Command, io: ActionsIo, argv: readonly string[]): void {
  const requested = requestedCommand(argv);
  for (const action of Object.values(actions)) {
    addActionCommand(program, action, io, kebab(action.key) === requested);
  }
}

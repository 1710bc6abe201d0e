// Start-up time of the `confluence` command line (the built one, bin/confluence.cjs → dist/)
// next to `node -e 0`, so its overhead is a ratio to Node's own start-up on the same machine.
// Commands alternate sample by sample so that machine drift hits all of them alike. Target: a
// median within 0.2 s for `--help` and `get-page --help`.
//
//   node --import tsx bench/cli-startup.ts      this section alone (after `npm run build`)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { MCP_INITIALIZE_LINE } from "../test/support/mcp-initialize.js";
import { type Summary, summarise } from "./stats.js";

const BIN = fileURLToPath(new URL("../bin/confluence.cjs", import.meta.url));
// CommonJS and --require: an ESM preload would start the ESM loader in `node -e 0` too.
const REPORT_CPU = ["--require", fileURLToPath(new URL("./report-cpu.cjs", import.meta.url))];

// `confluence mcp` (stdio) is timed from spawn to the exit that follows its answer to
// `initialize`: the input ends after that one request, and the server stops when it does.

const COMMANDS: { label: string; args: string[]; input?: string }[] = [
  { label: "`node -e 0` (baseline)", args: ["-e", "0"] },
  { label: "`confluence --help`", args: [BIN, "--help"] },
  { label: "`confluence get-page --help`", args: [BIN, "get-page", "--help"] },
  { label: "`confluence --version`", args: [BIN, "--version"] },
  {
    label: "`confluence mcp` answering `initialize`",
    args: [BIN, "mcp"],
    input: MCP_INITIALIZE_LINE,
  },
];

/** Wall time (spawn to exit) and the process's own CPU time, in ms. */
function once(args: string[], input?: string): { wall: number; cpu: number } {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [...REPORT_CPU, ...args], {
    stdio: [input === undefined ? "ignore" : "pipe", "ignore", "pipe"],
    input,
    encoding: "utf8",
  });
  const wall = performance.now() - t0;
  const cpu = /cpu-us (\d+)\s*$/.exec(result.stderr)?.[1];
  if (result.status !== 0 || cpu === undefined) {
    throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return { wall, cpu: Number(cpu) / 1000 };
}

export interface StartupResult {
  label: string;
  wall: Summary;
  cpu: Summary;
}

export function measureCliStartup(rounds: number): StartupResult[] {
  const wall = COMMANDS.map(() => [] as number[]);
  const cpu = COMMANDS.map(() => [] as number[]);
  for (const command of COMMANDS) once(command.args, command.input); // warm the file cache
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < COMMANDS.length; i++) {
      const index = (i + round) % COMMANDS.length;
      const sample = once(COMMANDS[index]!.args, COMMANDS[index]!.input);
      wall[index]!.push(sample.wall);
      cpu[index]!.push(sample.cpu);
    }
  }
  return COMMANDS.map((command, i) => ({
    label: command.label,
    wall: summarise(wall[i]!),
    cpu: summarise(cpu[i]!),
  }));
}

const cell = (s: Summary) => `**${s.median.toFixed(0)}** (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;

export function cliStartupTable(results: StartupResult[]): string {
  const base = results[0]!;
  const lines = [
    "| Command | wall ms, median (min–max) | × `node -e 0` | CPU ms, median (min–max) | × `node -e 0` |",
    "|---|---|---|---|---|",
  ];
  for (const { label, wall, cpu } of results) {
    lines.push(
      `| ${label} | ${cell(wall)} | ${(wall.median / base.wall.median).toFixed(2)}× | ${cell(cpu)} | ${(cpu.median / base.cpu.median).toFixed(2)}× |`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 21);
  process.stdout.write(`${cliStartupTable(measureCliStartup(rounds))}\n`);
}

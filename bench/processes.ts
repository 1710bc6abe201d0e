// Child processes of the bench: the emulator (pinned to the last core when `taskset` exists)
// and the one-shot listing probes (which inherit the runner's core).
import { execFileSync, fork, spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { CpuReport, EmulatorReady, ListingReport } from "./protocol.js";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
/** Children run TypeScript through tsx, like the runner. */
const TSX = ["--import", "tsx"];

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface Pinning {
  runnerCore: number | undefined;
  emulatorCore: number | undefined;
}

/** Pins this process (all threads) to core 0 and reserves the last core for the emulator. */
export function planPinning(): Pinning {
  const cores = availableParallelism();
  if (cores < 2 || !hasTaskset()) return { runnerCore: undefined, emulatorCore: undefined };
  execFileSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)], { stdio: "ignore" });
  return { runnerCore: 0, emulatorCore: cores - 1 };
}

export interface EmulatorProcess extends EmulatorReady {
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(
  pinning: Pinning,
  env: Record<string, string>,
): Promise<EmulatorProcess> {
  const script = here("./emulator-process.ts");
  const command =
    pinning.emulatorCore === undefined
      ? { file: process.execPath, args: [...TSX, script] }
      : {
          file: "taskset",
          args: ["-c", String(pinning.emulatorCore), process.execPath, ...TSX, script],
        };
  const child = spawn(command.file, command.args, {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  const ready = await new Promise<EmulatorReady>((resolve, reject) => {
    child.once("message", (message) => resolve(message as EmulatorReady));
    child.once("exit", (code) => reject(new Error(`the emulator process exited (${code})`)));
  });
  return {
    ...ready,
    cpuMicros: () =>
      new Promise((resolve) => {
        child.once("message", (message) => {
          const cpu = message as CpuReport;
          resolve(cpu.userMicros + cpu.systemMicros);
        });
        child.send({ type: "cpu" });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "stop" });
      }),
  };
}

export function runListingProbe(
  args: { contender: string; url: string; spaceId: string; mode: "keep" | "stream" },
  env: Record<string, string>,
): Promise<ListingReport> {
  const child = fork(
    here("./listing-probe.ts"),
    [args.contender, args.url, args.spaceId, args.mode],
    {
      execArgv: [...TSX, "--expose-gc"],
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  return new Promise((resolve, reject) => {
    let report: ListingReport | undefined;
    child.on("message", (message) => {
      report = message as ListingReport;
    });
    child.once("exit", (code) =>
      report
        ? resolve(report)
        : reject(new Error(`listing probe ${args.contender} exited (${code})`)),
    );
  });
}

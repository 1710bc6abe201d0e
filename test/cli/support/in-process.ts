// The command line run in this test process: the same `main` that bin/confluence.cjs calls, with
// its output and environment captured instead of the process's, and the exit code it leaves in
// `process.exitCode`. Spawning a node process costs a few hundred milliseconds per run; the
// tests that are about the process itself (real exit status, pipes closing early, raw stdout)
// keep spawning it (spawn-cli.ts), the rest run here.
import { main } from "../../../src/cli/index.js";
import type { CliRun } from "./spawn-cli.js";

/** `confluence ...args` with exactly `env` (no variable of this process leaks in). */
export async function runCliHere(args: string[], env: Record<string, string>): Promise<CliRun> {
  const stdout: Buffer[] = [];
  const stderr: string[] = [];
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await main(["node", "confluence", ...args], {
      out: (line) => stdout.push(Buffer.from(`${line}\n`)),
      outBytes: (bytes) => stdout.push(Buffer.from(bytes)),
      err: (line) => stderr.push(`${line}\n`),
      progress: (text) => stderr.push(text),
      stderrIsTty: false,
      env,
    });
    const bytes = Buffer.concat(stdout);
    const code = typeof process.exitCode === "number" ? process.exitCode : 0;
    return { code, stdout: bytes, out: bytes.toString("utf8"), err: stderr.join("") };
  } finally {
    process.exitCode = before;
  }
}

// `npm test`: the Biome check, the type check and the vitest suites, started together. The
// suites wait on sockets and child processes much of the time (about 1.2 of the 2 cores busy on
// average), so the two checks fit beside them instead of adding their ~25 s before them. The
// checks' output is held and printed when each ends (no interleaving with vitest's); the exit
// status is the first failure's, 0 when all pass. Arguments go to vitest (`npm test -- file`).
import { spawn } from "node:child_process";

const bin = (name) => `node_modules/.bin/${name}`;

function run(label, command, args, { buffered }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    const chunks = [];
    if (buffered) {
      child.stdout.on("data", (chunk) => chunks.push(chunk));
      child.stderr.on("data", (chunk) => chunks.push(chunk));
    }
    child.on("error", (error) => {
      process.stderr.write(`${label}: ${error.message}\n`);
      resolve(1);
    });
    child.on("close", (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      if (buffered) {
        const output = Buffer.concat(chunks).toString("utf8").trimEnd();
        process.stdout.write(`\n── ${label}: ${status === 0 ? "passed" : "FAILED"}\n`);
        if (output !== "") process.stdout.write(`${output}\n`);
      }
      resolve(status);
    });
  });
}

const statuses = await Promise.all([
  run("lint (biome check .)", bin("biome"), ["check", "."], { buffered: true }),
  run("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], {
    buffered: true,
  }),
  run("vitest run", bin("vitest"), ["run", ...process.argv.slice(2)], { buffered: false }),
]);
const failed = statuses.find((status) => status !== 0);
if (failed !== undefined) {
  process.stderr.write("\nnpm test failed: see the FAILED section(s) above.\n");
  process.exit(failed);
}

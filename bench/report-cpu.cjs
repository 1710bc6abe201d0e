// Preloaded by bench/cli-startup.ts into every measured process: reports the process's own CPU
// time at exit, which unlike wall time barely depends on how busy the machine is.
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-us ${user + system}\n`);
});

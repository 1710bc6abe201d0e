// Resolves on Ctrl-C or SIGTERM: how long-running commands (`emulator`, `mcp`) wait to stop.
// A module of its own, so that waiting loads nothing else (importing the emulator just for this
// cost `confluence mcp` ~300 ms before it could answer `initialize`).
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

// An emulator in a process of its own (test/component/emulator-child.ts), for tests that move
// this process's clock (vi.setSystemTime) and need the server's to stay right. No conformance
// monitor sees its exchanges.
import { fork } from "node:child_process";

export interface EmulatorProcess {
  url: string;
  stop(): void;
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = fork("test/component/emulator-child.ts", [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  // The child stops its emulator and exits when the channel closes.
  return { url, stop: () => child.disconnect() };
}

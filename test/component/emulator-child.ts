// An emulator in its own process (its clock is not the test's): started by a test with
// `fork(..., { execArgv: ["--import", "tsx"] })`; sends its URL over IPC, stops on disconnect.
import { startEmulator } from "../../src/emulator/index.js";

const emulator = await startEmulator({ port: 0, seed: "demo" });
process.send?.({ url: emulator.url });
process.on("disconnect", () => {
  void emulator.close().then(() => process.exit(0));
});

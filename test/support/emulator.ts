// The one place tests start the emulator. Every suite goes through here so that the
// conformance checks (issue 6) can observe every exchange the connector makes.
import { type EmulatorOptions, startEmulator } from "../../src/emulator/index.js";

export async function startTestEmulator(options: EmulatorOptions = {}) {
  return startEmulator({ port: 0, ...options });
}

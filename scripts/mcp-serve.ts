// Starts the emulator and `confluence mcp`'s Streamable HTTP server against it, prints the MCP
// URL on stdout and serves until killed. Used by scripts/mcp-conformance.sh.
import { createRuntime } from "../src/catalog/runtime.js";
import { startEmulator } from "../src/emulator/index.js";
import { startMcpHttp } from "../src/mcp/index.js";

const emulator = await startEmulator({ port: 0, seed: "demo" });
const mcp = await startMcpHttp({
  connection: { key: "basic", fields: { host: emulator.url, ...emulator.credentials } },
  version: "conformance",
  runtime: createRuntime({ allowLoopbackHttp: true, atlassianBaseUrl: undefined }),
  port: 0,
});
console.log(mcp.url);

// The first request of every MCP session, for tests and the start-up bench that talk to
// `confluence mcp` without the SDK's client (raw HTTP guards, a one-line stdio exchange).
export const MCP_INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "confluence-connector-test", version: "1" },
  },
} as const;

/** One newline-delimited JSON-RPC message, as the stdio transport reads it. */
export const MCP_INITIALIZE_LINE = `${JSON.stringify(MCP_INITIALIZE)}\n`;

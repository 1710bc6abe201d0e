// The MCP adapter's entry: a server over stdio or Streamable HTTP, tools generated from the
// catalog. The caller (the `confluence mcp` command) supplies the connection it read from the
// environment; nothing here reads the environment.
export { type McpHttpOptions, type RunningMcpHttp, startMcpHttp } from "./http.js";
export { createMcpServer, type McpServerOptions, toToolResult } from "./server.js";
export { serveMcpStdio } from "./stdio.js";
export {
  allTools,
  selectTools,
  snakeCase,
  type ToolSelection,
  type ToolSpec,
  toolFor,
  toolsetOf,
} from "./tools.js";

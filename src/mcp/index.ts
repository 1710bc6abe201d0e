// The MCP adapter's entry: a server over stdio or Streamable HTTP, tools generated from the
// catalog. The caller (the `confluence mcp` command) supplies the connection it read from the
// environment; nothing here reads the environment.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer, type McpServerOptions } from "./server.js";

export { type McpHttpOptions, type RunningMcpHttp, startMcpHttp } from "./http.js";
export { createMcpServer, type McpServerOptions, toToolResult } from "./server.js";
export {
  allTools,
  selectTools,
  snakeCase,
  type ToolSelection,
  type ToolSpec,
  toolFor,
  toolsetOf,
} from "./tools.js";

/** Serves MCP on this process's stdin/stdout until the input ends; logs go to `options.log`. */
export async function serveMcpStdio(
  options: McpServerOptions,
): Promise<{ close(): Promise<void> }> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  return { close: () => server.close() };
}

// MCP over this process's stdin/stdout (what desktop clients start). Imported on its own by
// `confluence mcp` so that the HTTP transport's dependencies are not loaded for stdio.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer, type McpServerOptions } from "./server.js";

/** Serves MCP until the input ends; logs go to `options.log` (stdout carries the protocol). */
export async function serveMcpStdio(
  options: McpServerOptions,
): Promise<{ close(): Promise<void> }> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  return { close: () => server.close() };
}

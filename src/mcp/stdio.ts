// MCP over this process's stdin/stdout (what desktop clients start). Imported on its own by
// `confluence mcp` so that the HTTP transport's dependencies are not loaded for stdio.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createMcpServer, type McpServerOptions } from "./server.js";

export interface StdioMcpServer {
  /** Resolves when the client closes our input (it has gone: nothing more will come). */
  readonly ended: Promise<void>;
  close(): Promise<void>;
}

/** Serves MCP on stdin/stdout; logs go to `options.log` (stdout carries the protocol). */
export async function serveMcpStdio(options: McpServerOptions): Promise<StdioMcpServer> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport();
  // The SDK's stdio transport does not watch for the end of its input; the process must not
  // outlive its client.
  const ended = new Promise<void>((resolve) => process.stdin.once("end", () => resolve()));
  await server.connect(transport);
  return { ended, close: () => server.close() };
}

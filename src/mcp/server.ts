// An MCP server over the catalog: tools/list gives one tool per selected action, tools/call runs
// the action through the catalog's runner (inputs validated before any request, typed and
// redacted errors). A Confluence failure is a tool result with `isError: true`, never a
// protocol error: the agent reads what went wrong and may correct its call.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { ConnectorRuntime } from "../catalog/runtime.js";
import type { ActionLogger, ActionOutput, ConnectionValue } from "../catalog/types.js";
import { selectTools, type ToolSelection, type ToolSpec } from "./tools.js";

export interface McpServerOptions {
  /** The connection every tool call uses (the adapter builds it from the environment). */
  readonly connection: ConnectionValue;
  readonly selection?: ToolSelection;
  /** Where action log lines go (stderr for stdio: stdout carries the protocol). */
  readonly log?: (line: string) => void;
  /**
   * The runtime every tool call runs in (src/catalog/runtime.ts: shared clients and site cache,
   * clock, retry policy, loopback consent, Atlassian endpoints), built by the adapter that
   * starts the server.
   */
  readonly runtime: ConnectorRuntime;
  readonly version: string;
}

const BINARY = /^(?!text\/|application\/(?:json|xml|[\w.+-]+\+(?:json|xml)))/i;

/** What an action returned, as MCP content: JSON as text (and structured), bytes as a blob. */
export function toToolResult(tool: ToolSpec, output: ActionOutput): CallToolResult {
  const { data, contentType } = output;
  if (data instanceof Uint8Array) {
    const mimeType = contentType ?? "application/octet-stream";
    const bytes = Buffer.from(data);
    if (!BINARY.test(mimeType)) {
      return { content: [{ type: "text", text: bytes.toString("utf8") }] };
    }
    return {
      content: [
        {
          type: "resource",
          resource: {
            uri: `confluence://${tool.name}/result`,
            mimeType,
            blob: bytes.toString("base64"),
          },
        },
      ],
    };
  }
  const text = typeof data === "string" ? data : (JSON.stringify(data, null, 2) ?? "null");
  const structured =
    typeof data === "object" && data !== null && !Array.isArray(data)
      ? { structuredContent: data as Record<string, unknown> }
      : {};
  return { content: [{ type: "text", text }], ...structured };
}

function errorResult(error: unknown): CallToolResult {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return { isError: true, content: [{ type: "text", text: `${name}: ${message}` }] };
}

function loggerFor(log: (line: string) => void): ActionLogger {
  return { info: log, warn: log, error: log, debug: log };
}

export function createMcpServer(options: McpServerOptions): Server {
  const tools = selectTools(options.selection);
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const logger = loggerFor(options.log ?? (() => {}));
  const server = new Server(
    { name: "confluence-connector", title: "Confluence Cloud", version: options.version },
    { capabilities: { tools: {} } },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: tools.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema as ToolSpec["inputSchema"] & { type: "object" },
      ...(tool.outputSchema && { outputSchema: tool.outputSchema }),
      annotations: tool.annotations,
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (tool === undefined) {
      return errorResult(new Error(`no tool named "${request.params.name}" on this server`));
    }
    const args = request.params.arguments ?? {};
    // A caller may not pass the connection: it is the server's.
    const { connection: _ignored, ...inputs } = args;
    try {
      // The runner (HTTP client, GraphQL parser) loads on the first call, not at start-up.
      const { runAction } = await import("../catalog/run.js");
      const output = await runAction(
        tool.action,
        // The tool's own defaults (bodies as Markdown) unless the caller says otherwise.
        { ...tool.defaults, ...inputs, connection: options.connection },
        logger,
        options.runtime,
      );
      return toToolResult(tool, output);
    } catch (error) {
      return errorResult(error);
    }
  });
  return server;
}

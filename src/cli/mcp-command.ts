// `confluence mcp`: every catalog action as an MCP tool, over stdio (what Claude Desktop, Claude
// Code, Cursor and VS Code start) or Streamable HTTP. The connection comes from the same
// environment variables as the action subcommands; the optional HTTP bearer token from
// CONFLUENCE_MCP_TOKEN (never from argv, which other processes can read). The MCP code is
// loaded only when this subcommand runs.
import { type Command, Option } from "commander";
import type { ActionsIo } from "./actions-command.js";
import { connectionFromEnv } from "./connection.js";
import type { CliIo } from "./emulator-command.js";

export const MCP_TOKEN_ENV = "CONFLUENCE_MCP_TOKEN";

export type McpIo = CliIo & ActionsIo & { version: string };

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "");

interface McpFlags {
  transport: "stdio" | "http";
  port: string;
  host: string;
  readOnly?: boolean;
  tools?: string;
  toolsets?: string;
}

export function addMcpCommand(program: Command, io: McpIo): void {
  program
    .command("mcp")
    .description("serve every action as an MCP tool (stdio, or Streamable HTTP at /mcp)")
    .addOption(
      new Option("--transport <kind>", "stdio or http").choices(["stdio", "http"]).default("stdio"),
    )
    .option("--port <number>", "HTTP port (0 picks a free one)", "8765")
    .option("--host <address>", "HTTP address to bind (loopback by default)", "127.0.0.1")
    .option("--read-only", "expose only the tools that read")
    .option("--tools <names>", "only these tools (comma-separated, e.g. get_page,list_pages)")
    .option(
      "--toolsets <names>",
      "only these toolsets: pages, spaces, attachments, properties, search, raw",
    )
    .addHelpText(
      "after",
      `\nOver HTTP, set ${MCP_TOKEN_ENV} to require "Authorization: Bearer <token>".`,
    )
    .action(async (flags: McpFlags) => {
      // Only what this transport needs: the HTTP transport and the runner (HTTP client) load
      // later or not at all, so the server answers `initialize` quickly.
      const { runtimeFrom } = await import("./runtime.js");
      const options = {
        connection: connectionFromEnv(io.env),
        // One runtime for the server's life: every tool call shares its clients.
        runtime: runtimeFrom(io.env),
        selection: {
          readOnly: flags.readOnly === true,
          tools: list(flags.tools),
          toolsets: list(flags.toolsets),
        },
        log: io.err,
        version: io.version,
      };
      if (flags.transport === "stdio") {
        const { serveMcpStdio } = await import("../mcp/stdio.js");
        const server = await serveMcpStdio(options);
        await Promise.race([io.untilStopped(), server.ended]);
        await server.close();
        return;
      }
      const { startMcpHttp } = await import("../mcp/http.js");
      const running = await startMcpHttp({
        ...options,
        host: flags.host,
        port: Number(flags.port),
        bearerToken: io.env[MCP_TOKEN_ENV] || undefined,
      });
      io.out(running.url);
      await io.untilStopped();
      await running.close();
    });
}

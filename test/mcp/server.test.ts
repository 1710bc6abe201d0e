// `confluence mcp` driven by the MCP SDK's own client, over stdio (the real command as a child
// process) and Streamable HTTP, against the emulator: every action is a tool with a valid JSON
// Schema, every tool is called (the demo scenario, in a person's order), errors come back as
// tool results, read-only and subsets hold, and no secret appears in any result.
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, BASIC_CONNECTION_KEY } from "../../src/catalog/index.js";
import { runScenario } from "../../src/demo/scenario.js";
import { DEMO_IDS, type RunningEmulator } from "../../src/emulator/index.js";
import { type RunningMcpHttp, snakeCase, startMcpHttp, toolsetOf } from "../../src/mcp/index.js";
import { documentedActionLabels } from "../catalog/spec-tables.js";
import { cliCommand } from "../cli/support/spawn-cli.js";
import { EMULATOR_RUNTIME } from "../support/catalog.js";
import { startTestEmulator } from "../support/emulator.js";
import { MCP_INITIALIZE } from "../support/mcp-initialize.js";

const EMAIL = "mcp-user@example.com";
const TOKEN = "ATATT3xFfGF0-mcp-s3cr3t-T0ken-0123456789";
const PAIR = Buffer.from(`${EMAIL}:${TOKEN}`).toString("base64");
const SECRETS = [TOKEN, PAIR];
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

let emulator: RunningEmulator;
let http: RunningMcpHttp;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: [{ email: EMAIL, apiToken: TOKEN }] });
  http = await startMcpHttp({
    connection: {
      key: BASIC_CONNECTION_KEY,
      fields: { host: emulator.url, email: EMAIL, apiToken: TOKEN },
    },
    runtime: EMULATOR_RUNTIME,
    version: "test",
  });
});
afterAll(async () => {
  await http?.close();
  await emulator?.close();
});

function environment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return {
    ...env,
    CONFLUENCE_HOST: emulator.url,
    CONFLUENCE_EMAIL: EMAIL,
    CONFLUENCE_API_TOKEN: TOKEN,
    CONFLUENCE_ALLOW_LOOPBACK_HTTP: "1",
    ...extra,
  };
}

function stdioTransport(args: string[] = []): Transport {
  const [node, bundle] = cliCommand();
  return new StdioClientTransport({
    command: node,
    args: [bundle, "mcp", ...args],
    cwd: repoRoot,
    env: environment(),
    stderr: "pipe",
  });
}

async function connect(transport: Transport): Promise<Client> {
  const client = new Client({ name: "test-client", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

type ToolResult = Awaited<ReturnType<Client["callTool"]>>;
const textOf = (result: ToolResult) =>
  (result.content as { type: string; text?: string }[]).map((part) => part.text ?? "").join("\n");

const transports = {
  stdio: () => stdioTransport(),
  http: () => new StreamableHTTPClientTransport(new URL(http.url)),
};

describe.each(Object.keys(transports) as (keyof typeof transports)[])("MCP over %s", (kind) => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(transports[kind]());
  }, 30_000);
  afterAll(() => client?.close());

  it("lists every action as a tool with a valid input schema and annotations", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      Object.keys(actions).map(snakeCase).sort(),
    );
    // ajv is CommonJS: under NodeNext its class is the module's `default`.
    const ajv = new Ajv2020.default({ strict: false });
    for (const tool of tools) {
      expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.inputSchema.properties).not.toHaveProperty("connection");
      expect(tool.title, tool.name).toEqual(expect.any(String));
      expect(tool.annotations?.openWorldHint, tool.name).toBe(true);
      // Every result shape is known but Raw Request's and GraphQL's (whatever was asked for) and
      // Download Attachment's (a file: an MCP resource, not structured content).
      const free = ["raw_request", "graphql_request", "download_attachment"].includes(tool.name);
      expect(tool.outputSchema === undefined, tool.name).toBe(free);
      if (tool.outputSchema) expect(() => ajv.compile(tool.outputSchema!), tool.name).not.toThrow();
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get("get_page")?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
    });
    expect(byName.get("delete_page")?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
    expect(byName.get("create_page")?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
    });
    expect(byName.get("get_page")?.inputSchema.required).toContain("pageId");
  });

  it("calls every tool: the demo scenario succeeds through MCP, with no secret in any result", async () => {
    emulator.reset(); // the scenario creates pages by title: start from the seed each time
    const texts: string[] = [];
    const called = new Set<string>();
    const { tools } = await client.listTools();
    const ajv = new Ajv2020.default({ strict: false });
    const validators = new Map(
      tools.flatMap((tool) =>
        tool.outputSchema ? [[tool.name, ajv.compile(tool.outputSchema)]] : [],
      ),
    );
    const perform = async (key: string, params: Record<string, unknown>) => {
      const result = await client.callTool({ name: snakeCase(key), arguments: params });
      const text = textOf(result);
      texts.push(text);
      if (result.isError) throw new Error(text);
      called.add(key);
      // The SDK client checks this too; asserted here so that the test cannot pass without it.
      const validate = validators.get(snakeCase(key));
      if (validate && !validate(result.structuredContent)) {
        throw new Error(
          `${key}: result breaks its outputSchema: ${ajv.errorsText(validate.errors)}`,
        );
      }
      return (
        result.structuredContent ??
        (text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : text)
      );
    };
    const { failures } = await runScenario(perform, () => {});
    expect(failures).toBe(0);
    expect(called.size).toBe(documentedActionLabels().length);
    const all = texts.join("\n");
    for (const secret of SECRETS) expect(all.includes(secret)).toBe(false);
  }, 120_000);

  it("returns bodies as Markdown by default, storage on request, and takes Markdown bodies", async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    const schemaOf = (name: string) =>
      byName.get(name)?.inputSchema.properties as Record<string, { default?: unknown }>;
    expect(schemaOf("get_page").bodyFormat?.default).toBe("markdown");
    expect(byName.get("get_page")?.description).toMatch(/Markdown by default/);
    // Lists stay small: no bodies unless asked for.
    expect(schemaOf("list_pages").bodyFormat?.default).toBeUndefined();
    expect(byName.get("create_page")?.description).toMatch(/"representation": "markdown"/);

    const created = await client.callTool({
      name: "create_page",
      arguments: {
        spaceId: DEMO_IDS.spaces.engineering.id,
        title: `Markdown over MCP (${kind})`,
        body: { representation: "markdown", value: "# Plan\n\n- [ ] ship\n" },
      },
    });
    expect(created.isError, textOf(created)).toBeFalsy();
    const pageId = (created.structuredContent as { id: string }).id;

    const asMarkdown = await client.callTool({ name: "get_page", arguments: { pageId } });
    expect(asMarkdown.structuredContent).toMatchObject({
      body: { markdown: { representation: "markdown", value: "# Plan\n\n- [ ] ship\n" } },
    });
    expect(asMarkdown.structuredContent).not.toHaveProperty("body.storage");

    const asStorage = await client.callTool({
      name: "get_page",
      arguments: { pageId, bodyFormat: "storage" },
    });
    expect(asStorage.structuredContent).toMatchObject({
      body: {
        storage: {
          value:
            "<h1>Plan</h1><ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>ship</ac:task-body></ac:task></ac:task-list>",
        },
      },
    });
  });

  it("answers a Confluence 404 and a bad input as tool errors, not protocol errors", async () => {
    const missing = await client.callTool({ name: "get_page", arguments: { pageId: "999999999" } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/404/);
    const bad = await client.callTool({ name: "get_page", arguments: { pageId: "not-a-number" } });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/InputError.*Page Id/);
    const unknown = await client.callTool({ name: "no_such_tool", arguments: {} });
    expect(unknown.isError).toBe(true);
    for (const secret of SECRETS) expect(textOf(missing) + textOf(bad)).not.toContain(secret);
  });
});

describe("tool selection", () => {
  it("--read-only lists only tools that read", async () => {
    const client = await connect(stdioTransport(["--read-only"]));
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(0);
      expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
      expect(tools.map((tool) => tool.name)).not.toContain("delete_page");
      const refused = await client.callTool({
        name: "delete_page",
        arguments: { pageId: DEMO_IDS.pages.architecture },
      });
      expect(refused.isError).toBe(true);
    } finally {
      await client.close();
    }
  }, 30_000);

  it("groups tools by resource, v1 operations by what follows the v1 root", () => {
    expect(toolsetOf(actions.searchContent!)).toBe("search");
    expect(toolsetOf(actions.getPage!)).toBe("pages");
    expect(toolsetOf(actions.createContentPropertyForPage!)).toBe("properties");
    expect(toolsetOf(actions.rawRequest!)).toBe("raw");
  });

  it("--tools and --toolsets select subsets", async () => {
    const client = await connect(
      stdioTransport(["--toolsets", "spaces", "--tools", "list_spaces"]),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(["list_spaces"]);
    } finally {
      await client.close();
    }
  }, 30_000);
});

describe("Streamable HTTP guards", () => {
  const initialize = MCP_INITIALIZE;
  const post = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...headers,
      },
      body: JSON.stringify(initialize),
    });

  it("refuses a foreign Origin and a foreign Host (DNS rebinding), serves its own", async () => {
    expect((await post(http.url, { origin: "http://evil.example" })).status).toBe(403);
    expect((await post(http.url)).status).toBe(200);
    expect((await post(http.url, { origin: new URL(http.url).origin })).status).toBe(200);
    const { port } = new URL(http.url);
    const rebound = await new Promise<number>((resolve, reject) => {
      import("node:http").then(({ request }) => {
        const req = request(
          {
            host: "127.0.0.1",
            port,
            path: "/mcp",
            method: "POST",
            headers: {
              host: `rebind.evil.example:${port}`,
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify(initialize));
      }, reject);
    });
    expect(rebound).toBe(403);
  });

  it("requires the bearer token when one is set", async () => {
    const guarded = await startMcpHttp({
      connection: {
        key: BASIC_CONNECTION_KEY,
        fields: { host: emulator.url, email: EMAIL, apiToken: TOKEN },
      },
      bearerToken: "mcp-bearer-0123",
      runtime: EMULATOR_RUNTIME,
      version: "test",
    });
    try {
      expect((await post(guarded.url)).status).toBe(401);
      expect((await post(guarded.url, { authorization: "Bearer wrong" })).status).toBe(401);
      expect((await post(guarded.url, { authorization: "Bearer mcp-bearer-0123" })).status).toBe(
        200,
      );
    } finally {
      await guarded.close();
    }
  });
});

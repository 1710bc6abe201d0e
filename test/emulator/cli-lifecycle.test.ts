// `confluence emulator` start-up and shutdown (issue 12, item 13), and its banner.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startEmulator } from "../../src/emulator/index.js";
import { cliCommand } from "../cli/support/spawn-cli.js";

interface CliRun {
  out: string[];
  err: string[];
  exitCode: number | string | undefined;
}

/** Runs the command in-process until it returns (start-up failures) or `stop` is called. */
async function runCli(args: string[], stop?: Promise<void>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  await main(["node", "confluence", "emulator", ...args], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    untilStopped: () => stop ?? Promise.resolve(),
  });
  return { out, err, exitCode: process.exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe("start-up errors: one line, exit status 2", () => {
  it("--seed nonsense", async () => {
    const run = await runCli(["--seed", "nonsense", "--port", "0"]);
    expect(run.err).toEqual(['confluence emulator: --seed must be demo or empty (got "nonsense")']);
    expect(run.exitCode).toBe(2);
    expect(run.out).toEqual([]);
  });

  it("--generate that is not a number of pages", async () => {
    for (const value of ["0", "many", "1.5"]) {
      const run = await runCli(["--generate", value, "--port", "0"]);
      expect(run.err).toEqual([
        `confluence emulator: --generate must be a number of pages from 1 to 5000000 (got "${value}")`,
      ]);
      expect(run.exitCode).toBe(2);
      process.exitCode = undefined;
    }
  });

  it("--generate 30 serves a GEN space of 30 labelled pages", async () => {
    const out: string[] = [];
    let stop = () => {};
    let listening = () => {};
    const ready = new Promise<void>((resolve) => (listening = resolve));
    const running = main(["node", "confluence", "emulator", "--generate", "30", "--port", "0"], {
      out: (line) => {
        out.push(line);
        if (line.startsWith("API token")) listening();
      },
      err: () => {},
      untilStopped: () => new Promise<void>((resolve) => (stop = resolve)),
    });
    await ready;
    try {
      const url = out[0]!.replace("Confluence emulator listening on ", "");
      const auth = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;
      const cql = encodeURIComponent("space = GEN AND type = page AND label = gen-3");
      const found = await fetch(`${url}/wiki/rest/api/search?cql=${cql}`, {
        headers: { authorization: auth },
      });
      // Page 3 and page 3 + 100… : one of the 30.
      expect(((await found.json()) as { totalSize: number }).totalSize).toBe(1);
    } finally {
      stop();
      await running;
    }
  });

  it("a port in use", async () => {
    const busy = await startEmulator({ seed: "empty" });
    try {
      const port = new URL(busy.url).port;
      const run = await runCli(["--port", port]);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      expect(run.exitCode).toBe(2);
    } finally {
      await busy.close();
    }
  });

  it("a --host that is not an address of this machine, and a bad --port", async () => {
    const host = await runCli(["--host", "192.0.2.250", "--port", "0"]);
    expect(host.err).toHaveLength(1);
    expect(host.err[0]).toMatch(/cannot bind to --host 192\.0\.2\.250/);
    expect(host.exitCode).toBe(2);
    process.exitCode = undefined;
    const port = await runCli(["--port", "70000"]);
    expect(port.err).toEqual([
      'confluence emulator: --port must be a number from 0 to 65535 (got "70000")',
    ]);
    expect(port.exitCode).toBe(2);
  });
});

describe("the banner", () => {
  it("lists seeded ids and a ready-to-paste export line", async () => {
    const run = await runCli(["--port", "0"]);
    const text = run.out.join("\n");
    const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(text).toContain("ENG (id 65537)");
    expect(text).toContain("98306");
    expect(text).toContain(
      `export CONFLUENCE_HOST=${url} CONFLUENCE_EMAIL=demo@example.com CONFLUENCE_API_TOKEN=demo-token CONFLUENCE_ALLOW_LOOPBACK_HTTP=1`,
    );
    expect(text).toContain("confluence get-page --page-id 98306");
    expect(run.exitCode).toBeUndefined();
  });

  it("lists no ids for --seed empty", async () => {
    const run = await runCli(["--port", "0", "--seed", "empty"]);
    expect(run.out.join("\n")).not.toContain("98306");
    expect(run.out.join("\n")).toContain("CONFLUENCE_ALLOW_LOOPBACK_HTTP=1");
  });
});

describe("shutdown", () => {
  it("Ctrl-C exits at once although a latency fault holds a request", async () => {
    // A real process (the built command line): what matters is that nothing keeps its event
    // loop alive.
    const [node, bundle] = cliCommand();
    const child = spawn(node, [bundle, "emulator", "--port", "0", "--seed", "empty"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    const exited = once(child, "exit");
    while (!/listening on (\S+)/.test(stdout)) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (\S+)/.exec(stdout)?.[1] as string;
    const rule = { rules: [{ path: "/wiki/**", latency: { ms: 120_000 } }] };
    const set = await fetch(`${url}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(rule),
    });
    expect(set.status).toBe(200);
    const auth = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;
    const held = fetch(`${url}/wiki/api/v2/spaces`, { headers: { authorization: auth } }).catch(
      () => "closed",
    );
    // Until the request is held by the fault (counted as matched).
    for (;;) {
      const listing = (await (await fetch(`${url}/__emulator/faults`)).json()) as {
        rules: { stats: { matched: number } }[];
      };
      if (listing.rules[0]?.stats.matched === 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGINT");
    // Generous: the fault would hold the process for 120 s; a prompt exit takes well under 20.
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const [code, signal] = await exited;
    clearTimeout(timer);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(stdout).toContain("Confluence emulator stopped");
    expect(await held).toBe("closed");
  }, 40_000);
});

// Binding the emulator beyond loopback: a usable URL, and a loud warning (review finding 24).
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { normaliseHost } from "../../src/core/host.js";
import { isLoopbackHost, isWildcardHost, siteUrl } from "../../src/emulator/listen-address.js";
import { startTestEmulator } from "../support/emulator.js";
import { client } from "./client.js";

describe("listen address", () => {
  it("classifies loopback and wildcard hosts, IPv6 spellings included", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    expect(isLoopbackHost("::ffff:127.0.0.1")).toBe(true);
    for (const host of ["0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0", "192.168.1.20", "example"]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
    for (const host of ["0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"]) {
      expect(isWildcardHost(host), host).toBe(true);
    }
    expect(isWildcardHost("127.0.0.1")).toBe(false);
    expect(isWildcardHost("192.168.1.20")).toBe(false);
  });

  it("maps a wildcard bind to a loopback URL the client accepts", () => {
    expect(siteUrl("0.0.0.0", 8080)).toBe("http://127.0.0.1:8080");
    expect(siteUrl("::", 8080)).toBe("http://[::1]:8080");
    expect(siteUrl("::1", 8080)).toBe("http://[::1]:8080");
    expect(siteUrl("192.168.1.20", 8080)).toBe("http://192.168.1.20:8080");
    for (const url of [siteUrl("0.0.0.0", 1), siteUrl("::", 1)]) {
      expect(normaliseHost(url, { allowLoopbackHttp: true }).isLoopback).toBe(true);
    }
  });

  it("startEmulator({ host: '0.0.0.0' }) answers with a loopback URL that works", async () => {
    const emulator = await startTestEmulator({ host: "0.0.0.0", seed: "empty" });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9][0-9]*$/);
      expect(() => normaliseHost(emulator.url, { allowLoopbackHttp: true })).not.toThrow();
      const spaces = await client(emulator.url)("/wiki/api/v2/spaces");
      expect(spaces.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});

async function runCli(host: string): Promise<{ out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  let stop = () => {};
  let printed = () => {};
  const ready = new Promise<void>((resolve) => {
    printed = resolve;
  });
  const running = main(
    ["node", "confluence", "emulator", "--port", "0", "--seed", "empty", "--host", host],
    {
      out: (line) => {
        out.push(line);
        if (line.startsWith("API token")) printed();
      },
      err: (line) => err.push(line),
      untilStopped: () => new Promise<void>((resolve) => (stop = resolve)),
    },
  );
  await ready;
  const url = /listening on (http:\/\/\S+)/.exec(out.join("\n"))?.[1];
  expect(url).toBeDefined();
  // The printed URL is the one to use: it must serve.
  expect((await client(url!)("/wiki/api/v2/spaces")).status).toBe(200);
  stop();
  await running;
  return { out, err };
}

describe("confluence emulator --host", () => {
  it("--host 0.0.0.0 prints a loopback URL and warns that the admin endpoints are exposed", async () => {
    const { out, err } = await runCli("0.0.0.0");
    expect(out.join("\n")).toMatch(/listening on http:\/\/127\.0\.0\.1:[1-9][0-9]*/);
    expect(out.join("\n")).not.toContain("0.0.0.0:");
    const warning = err.join("\n");
    expect(warning).toContain("WARNING");
    expect(warning).toContain("0.0.0.0");
    expect(warning).toContain("/__emulator/");
    expect(warning).toContain("no authentication");
  });

  it("--host 127.0.0.1 binds loopback only, without warnings", async () => {
    const { out, err } = await runCli("127.0.0.1");
    expect(out.join("\n")).toMatch(/listening on http:\/\/127\.0\.0\.1:/);
    expect(err).toEqual([]);
  });
});

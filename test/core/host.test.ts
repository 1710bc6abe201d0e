import { describe, expect, it } from "vitest";
import {
  guardedLookup,
  REFUSED_ADDRESS_CODE,
  type Resolver,
} from "../../src/core/guarded-lookup.js";
import {
  basicAuth,
  ConfluenceValidationError,
  createConfluenceClient,
  normaliseHost,
} from "../../src/core/index.js";

describe("normaliseHost", () => {
  it.each([
    ["example.atlassian.net", "https://example.atlassian.net"],
    ["https://example.atlassian.net", "https://example.atlassian.net"],
    ["https://example.atlassian.net/", "https://example.atlassian.net"],
    ["https://example.atlassian.net/wiki", "https://example.atlassian.net"],
    ["https://example.atlassian.net/wiki/", "https://example.atlassian.net"],
    ["example.atlassian.net/wiki", "https://example.atlassian.net"],
    ["  EXAMPLE.Atlassian.net  ", "https://example.atlassian.net"],
    ["https://example.atlassian.net:443", "https://example.atlassian.net"],
    // Custom domains and private networks are allowed (the client warns about the former).
    ["https://wiki.example.com", "https://wiki.example.com"],
    ["https://10.0.0.1", "https://10.0.0.1"],
    ["https://[fd00::1]", "https://[fd00::1]"],
  ])("accepts %j as %s", (input, origin) => {
    expect(normaliseHost(input).origin).toBe(origin);
  });

  // Every spelling of this machine (issue 12): the URL parser turns them into 127.0.0.1.
  const loopback: [string, string][] = [
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["http://127.3.4.5:1/wiki", "http://127.3.4.5:1"],
    ["http://localhost:3000/", "http://localhost:3000"],
    ["http://[::1]:9000", "http://[::1]:9000"],
    ["https://localhost", "https://localhost"],
    ["http://127.1", "http://127.0.0.1"],
    ["http://0x7f000001", "http://127.0.0.1"],
    ["http://2130706433", "http://127.0.0.1"],
    ["http://LOCALHOST.", "http://localhost."],
    ["http://app.localhost", "http://app.localhost"],
    ["http://0.0.0.0:8080", "http://0.0.0.0:8080"],
    ["http://[::]:8080", "http://[::]:8080"],
    ["http://[::ffff:127.0.0.1]", "http://[::ffff:7f00:1]"],
    ["127.0.0.1:8080", "https://127.0.0.1:8080"],
  ];

  it.each(loopback)("refuses %j unless loopback hosts are allowed", (input, origin) => {
    expect(() => normaliseHost(input)).toThrow(
      /points at this machine.*CONFLUENCE_ALLOW_LOOPBACK_HTTP=1/,
    );
    const allowed = normaliseHost(input, { allowLoopbackHttp: true });
    expect(allowed.origin).toBe(origin);
    expect(allowed.isLoopback).toBe(true);
  });

  it.each([
    "https://169.254.169.254",
    "169.254.169.254",
    "http://169.254.169.254/wiki",
    "https://2852039166",
    "https://0xa9fea9fe",
    "https://169.254.0.1",
    "https://[fe80::1]",
    "https://[::ffff:169.254.169.254]",
    "https://[fd00:ec2::254]",
    "https://metadata.google.internal",
    "https://100.100.100.200",
  ])("always refuses the link-local or metadata address %j", (input) => {
    for (const policy of [{}, { allowLoopbackHttp: true }]) {
      expect(() => normaliseHost(input, policy)).toThrow(/link-local and cloud metadata/);
    }
  });

  it("tells Atlassian's domains from others", () => {
    expect(normaliseHost("example.atlassian.net").isAtlassian).toBe(true);
    expect(normaliseHost("https://wiki.example.com").isAtlassian).toBe(false);
    expect(normaliseHost("https://atlassian.net.evil.example").isAtlassian).toBe(false);
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["http://example.atlassian.net", /http:\/\/ is only allowed for a local emulator/],
    ["http://128.0.0.1", /only allowed for a local emulator/],
    ["http://10.0.0.1", /only allowed for a local emulator/],
    ["ftp://example.atlassian.net", /scheme ftp/],
    ["https://example.atlassian.net/jira", /path "\/jira"/],
    ["https://example.atlassian.net/wiki/spaces", /path/],
    ["https://user:pw@example.atlassian.net", /credentials/],
    ["https://example.atlassian.net?x=1", /query string or fragment/],
    ["https://example.atlassian.net#frag", /query string or fragment/],
    ["https://exa mple.atlassian.net", /whitespace/],
    ["https://example.atlassian.net:99999", /not a valid URL/],
  ])("rejects %j", (input, reason) => {
    const attempt = () => normaliseHost(input);
    expect(attempt).toThrow(ConfluenceValidationError);
    expect(attempt).toThrow(reason);
  });

  it("names the input but never echoes credentials", () => {
    try {
      normaliseHost("https://me:hunter2@example.atlassian.net");
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("example.atlassian.net");
      expect(message).not.toContain("hunter2");
    }
    expect(() => normaliseHost("https://example.atlassian.net/jira")).toThrow(
      /"https:\/\/example.atlassian.net\/jira"/,
    );
  });
});

describe("the client's host rules", () => {
  const auth = basicAuth({ email: "a@example.com", apiToken: "token-123" });

  it("warns once per client about a host outside Atlassian's domains", async () => {
    const warnings: string[] = [];
    const onWarning = (message: string) => warnings.push(message);
    const custom = createConfluenceClient({ host: "https://wiki.example.com", auth, onWarning });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/https:\/\/wiki\.example\.com is not an Atlassian domain/);
    const atlassian = createConfluenceClient({ host: "example.atlassian.net", auth, onWarning });
    const local = createConfluenceClient({
      host: "http://127.0.0.1:1",
      auth,
      onWarning,
      allowLoopbackHttp: true,
    });
    expect(warnings).toHaveLength(1);
    // Without onWarning, the client's logger hears it.
    const logged: string[] = [];
    const record = (message: string) => logged.push(message);
    const logger = { debug: record, info: record, warn: record, error: record };
    const viaLogger = createConfluenceClient({ host: "https://wiki.example.com", auth, logger });
    expect(logged).toEqual([warnings[0]]);
    await Promise.all([custom, atlassian, local, viaLogger].map((client) => client.close()));
  });

  it("refuses a loopback host unless allowLoopbackHttp is set", async () => {
    expect(() => createConfluenceClient({ host: "http://localhost:1", auth })).toThrow(
      ConfluenceValidationError,
    );
    const allowed = createConfluenceClient({
      host: "http://localhost:1",
      auth,
      allowLoopbackHttp: true,
    });
    await allowed.close();
  });
});

describe("host names checked again once resolved", () => {
  const resolvingTo =
    (address: string, family = 4): Resolver =>
    (_hostname, _options, callback) =>
      callback(null, [{ address, family }]);

  function lookupWith(allowLoopback: boolean, hostname: string, resolver: Resolver) {
    return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      guardedLookup(allowLoopback, resolver)(hostname, {}, (error, address) =>
        resolve({ error, address }),
      ),
    );
  }

  it.each([
    ["169.254.169.254", 4],
    ["fe80::1", 6],
    ["::ffff:169.254.169.254", 6],
  ])("refuses a name resolving to %s", async (address, family) => {
    for (const allow of [false, true]) {
      const { error } = await lookupWith(allow, "sneaky.example", resolvingTo(address, family));
      expect(error?.code).toBe(REFUSED_ADDRESS_CODE);
      expect(error?.message).toMatch(/link-local or cloud metadata/);
    }
  });

  it("refuses a name resolving to this machine unless loopback is allowed", async () => {
    const toLoopback = resolvingTo("127.0.0.1");
    expect((await lookupWith(false, "sneaky.example", toLoopback)).error?.code).toBe(
      REFUSED_ADDRESS_CODE,
    );
    expect(await lookupWith(true, "sneaky.example", toLoopback)).toEqual({
      error: null,
      address: "127.0.0.1",
    });
    // "localhost" says where it goes; the host rules vetted it already.
    expect((await lookupWith(false, "localhost", toLoopback)).error).toBeNull();
    expect(await lookupWith(false, "site.example", resolvingTo("93.184.216.34"))).toEqual({
      error: null,
      address: "93.184.216.34",
    });
  });
});

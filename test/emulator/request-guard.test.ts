// Who may drive the emulator (issue 12, items 9 and 13): DNS rebinding, cross-site admin
// writes, and admin requests from other machines.
import { networkInterfaces } from "node:os";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { AUTH } from "./client.js";

async function send(
  url: string,
  init: {
    method?: "GET" | "POST" | "DELETE";
    headers?: Record<string, string>;
    body?: string;
  } = {},
) {
  const response = await request(url, {
    method: init.method ?? "GET",
    headers: init.headers,
    body: init.body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, text };
}

let emulator: RunningEmulator;
let port: string;
beforeAll(async () => {
  emulator = await startTestEmulator({ conformance: "off" });
  port = new URL(emulator.url).port;
});
afterAll(() => emulator.close());

describe("Host header (DNS rebinding)", () => {
  it("refuses a foreign Host on the admin endpoints and the site", async () => {
    const headers = { host: `rebind.evil.example:${port}` };
    const mint = await send(`${emulator.url}/__emulator/oauth/tokens`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: "{}",
    });
    expect(mint.status).toBe(403);
    expect(mint.text).not.toContain("access_token");
    const site = await send(`${emulator.url}/wiki/api/v2/spaces`, {
      headers: { ...headers, authorization: AUTH },
    });
    expect(site.status).toBe(403);
    expect(JSON.parse(site.text).errors[0].title).toMatch(
      /Host not allowed: rebind\.evil\.example/,
    );
  });

  it("accepts the Hosts a local client uses", async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `[::1]:${port}`,
      "app.localhost",
    ]) {
      const r = await send(`${emulator.url}/wiki/api/v2/spaces`, {
        headers: { host, authorization: AUTH },
      });
      expect(r.status, host).toBe(200);
    }
  });

  it("accepts names listed in allowedHosts", async () => {
    const named = await startTestEmulator({ conformance: "off", allowedHosts: ["confluence-emu"] });
    try {
      const r = await send(`${named.url}/wiki/api/v2/spaces`, {
        headers: { host: "confluence-emu:8080", authorization: AUTH },
      });
      expect(r.status).toBe(200);
    } finally {
      await named.close();
    }
  });
});

describe("cross-site admin writes", () => {
  it("refuses a foreign Origin, even with a JSON body", async () => {
    for (const origin of ["http://evil.example", "null", `http://localhost:${Number(port) + 1}`]) {
      const r = await send(`${emulator.url}/__emulator/reset`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: "{}",
      });
      expect(r.status, origin).toBe(403);
    }
  });

  it("refuses form-encoded and text bodies (what a cross-site form can send)", async () => {
    for (const contentType of [
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
    ]) {
      const r = await send(`${emulator.url}/__emulator/reset`, {
        method: "POST",
        headers: { "content-type": contentType },
        body: "a=b",
      });
      expect(r.status, contentType).toBe(415);
    }
    const noType = await send(`${emulator.url}/__emulator/faults`, { method: "POST", body: "{}" });
    expect(noType.status).toBe(415);
  });

  it("keeps JSON, bodiless and same-origin admin requests working", async () => {
    const json = await send(`${emulator.url}/__emulator/reset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: emulator.url },
      body: "{}",
    });
    expect(json.status).toBe(200);
    expect((await send(`${emulator.url}/__emulator/oauth/expire`, { method: "POST" })).status).toBe(
      200,
    );
    expect((await send(`${emulator.url}/__emulator/requests`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await send(`${emulator.url}/__emulator/requests`)).status).toBe(200);
  });
});

/** An address of this machine that is not loopback, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) {
      if (!entry.internal && entry.family === "IPv4") return entry.address;
    }
  }
  return undefined;
}

describe("admin endpoints from other machines", () => {
  const address = externalAddress();

  it.skipIf(address === undefined)(
    "bound to 0.0.0.0: the site answers everyone, /__emulator/ only loopback clients",
    async () => {
      const wide = await startTestEmulator({ conformance: "off", host: "0.0.0.0" });
      try {
        const remote = `http://${address}:${new URL(wide.url).port}`;
        const site = await send(`${remote}/wiki/api/v2/spaces`, {
          headers: { authorization: AUTH },
        });
        expect(site.status).toBe(200);
        const admin = await send(`${remote}/__emulator/requests`);
        expect(admin.status).toBe(403);
        expect(JSON.parse(admin.text).errors[0].title).toMatch(/loopback clients only/);
        expect((await send(`${wide.url}/__emulator/requests`)).status).toBe(200);
      } finally {
        await wide.close();
      }
    },
  );

  it.skipIf(address === undefined)("allowRemoteAdmin opens them on purpose", async () => {
    const wide = await startTestEmulator({
      conformance: "off",
      host: "0.0.0.0",
      allowRemoteAdmin: true,
    });
    try {
      const remote = `http://${address}:${new URL(wide.url).port}`;
      expect((await send(`${remote}/__emulator/requests`)).status).toBe(200);
    } finally {
      await wide.close();
    }
  });
});

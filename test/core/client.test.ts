import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  type AuthProvider,
  bearerAuth,
  CONNECTOR_VERSION,
  ConfluenceGraphQLError,
  ConfluenceValidationError,
  createConfluenceClient,
  USER_AGENT,
} from "../../src/core/index.js";
import * as library from "../../src/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

describe("client basics", () => {
  it("names the connector and its package.json version in the User-Agent", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(CONNECTOR_VERSION).toBe(pkg.version);
    site = await startSite((_req, res) => json(res, 200, {}));
    const { client } = clientFor(site);
    await client.request({ path: "/spaces" });
    expect(site.received[0]?.headers["user-agent"]).toBe(USER_AGENT);
    expect(USER_AGENT.startsWith(`confluence-connector/${pkg.version}`)).toBe(true);
    expect(site.received[0]?.headers.accept).toBe("application/json");
    await client.close();
  });

  it("sends JSON bodies, text and binary responses, and keeps connections alive", async () => {
    site = await startSite((req, res, received) => {
      if (req.url?.endsWith("/bin")) {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        res.end(Buffer.from([0, 255, 1]));
      } else
        json(res, 201, {
          got: received.body === "" ? null : JSON.parse(received.body),
          type: req.headers["content-type"],
        });
    });
    const { client } = clientFor(site);
    const created = await client.request<{ got: unknown; type: string }>({
      method: "POST",
      path: "/pages",
      body: { title: "é" },
    });
    expect(created).toMatchObject({
      status: 201,
      data: { got: { title: "é" }, type: "application/json" },
    });
    const text = await client.request<string>({ path: "/pages", responseType: "text" });
    expect(typeof text.data).toBe("string");
    const binary = await client.request<Uint8Array>({
      api: "site",
      path: "/bin",
      responseType: "binary",
    });
    expect([...binary.data]).toEqual([0, 255, 1]);
    expect(site.received.every((r) => r.headers.connection !== "close")).toBe(true);
    await client.close();
  });

  it("sends multipart forms with file names and the XSRF opt-out header", async () => {
    site = await startSite((_req, res) => json(res, 200, {}));
    const { client } = clientFor(site);
    const form = new FormData();
    form.append("comment", "hello");
    form.append("file", new Blob(["file-content"]), "notes.txt");
    await client.request({
      api: "v1",
      method: "POST",
      path: "/content/{id}/child/attachment",
      pathParams: { id: 1 },
      form,
    });
    const received = site.received[0];
    expect(received?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(received?.headers["x-atlassian-token"]).toBe("no-check");
    expect(received?.body).toContain('filename="notes.txt"');
    expect(received?.body).toContain("file-content");
    await client.close();
  });

  it("validates caller headers and body options", async () => {
    site = await startSite((_req, res) => json(res, 200, {}));
    const { client } = clientFor(site);
    await expect(
      client.request({ path: "/x", headers: { "X-Bad": "a\r\nInjected: 1" } }),
    ).rejects.toThrow(/control characters/);
    await expect(client.request({ path: "/x", headers: { "Bad Name": "a" } })).rejects.toThrow(
      /Invalid header name/,
    );
    await expect(
      client.request({ path: "/x", headers: { Authorization: "Bearer x" } }),
    ).rejects.toThrow(/managed by the client/);
    await expect(
      client.request({ method: "POST", path: "/x", body: {}, headers: { Expect: "100-continue" } }),
    ).rejects.toThrow(/"Expect" is not supported/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(
      client.request({ method: "POST", path: "/x", body: cyclic }),
    ).rejects.toBeInstanceOf(ConfluenceValidationError);
    await expect(client.request({ path: "/x", body: {}, rawBody: "x" })).rejects.toBeInstanceOf(
      ConfluenceValidationError,
    );
    await client.request({ path: "/x", headers: { "X-Trace": "ok", Accept: "text/plain" } });
    expect(site.received).toHaveLength(1);
    expect(site.received[0]?.headers["x-trace"]).toBe("ok");
    expect(site.received[0]?.headers.accept).toBe("text/plain");
    await client.close();
  });

  it("refuses requests after close", async () => {
    site = await startSite((_req, res) => json(res, 200, {}));
    const { client } = clientFor(site);
    await client.close();
    await expect(client.request({ path: "/x" })).rejects.toThrow(/closed/);
  });

  it("re-exports the core API from the library entry", () => {
    expect(library.createConfluenceClient).toBe(createConfluenceClient);
  });
});

describe("auth providers", () => {
  it("bearer with a cloud id goes through the gateway (atlassianBaseUrl) and GraphQL", async () => {
    site = await startSite((req, res) => {
      if (req.url === "/graphql")
        json(res, 200, {
          data: { ok: true },
          errors: req.headers["x-fail"] ? [{ message: "boom" }] : undefined,
        });
      else json(res, 200, { results: [] });
    });
    const client = createConfluenceClient({
      auth: bearerAuth({
        accessToken: "at-123456",
        cloudId: "cloud-1",
        atlassianBaseUrl: site.url,
      }),
    });
    expect(await client.endpoints()).toEqual({
      siteBaseUrl: `${site.url}/ex/confluence/cloud-1`,
      graphqlUrl: `${site.url}/graphql`,
    });
    await client.listPage("/pages");
    expect(site.received[0]?.url).toBe("/ex/confluence/cloud-1/wiki/api/v2/pages");
    expect(site.received[0]?.headers.authorization).toBe("Bearer at-123456");
    expect(await client.graphql({ query: "{ ok }" })).toEqual({ ok: true });
    const error = await client
      .graphql({ query: "{ ok }", headers: { "X-Fail": "1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceGraphQLError);
    expect((error as ConfluenceGraphQLError).messages).toEqual(["boom"]);
    await client.close();
  });

  it("basic uses the site's GraphQL gateway and needs a host", async () => {
    site = await startSite((_req, res) => json(res, 200, { data: { me: 1 } }));
    const { client } = clientFor(site);
    expect(await client.graphql({ query: "query { me }", variables: { a: 1 } })).toEqual({ me: 1 });
    expect(site.received[0]?.url).toBe("/gateway/api/graphql");
    expect(JSON.parse(site.received[0]?.body ?? "")).toEqual({
      query: "query { me }",
      variables: { a: 1 },
    });
    await client.close();
    const noHost = createConfluenceClient({ auth: bearerAuth({ accessToken: "abcdef" }) });
    await expect(noHost.request({ path: "/x" })).rejects.toThrow(/needs the client's "host"/);
    await noHost.close();
  });

  it("asks the provider to refresh once after 401 and retries with the new token", async () => {
    site = await startSite((req, res) =>
      req.headers.authorization === "Bearer fresh-token"
        ? json(res, 200, { ok: 1 })
        : json(res, 401, {}),
    );
    let token = "stale-token";
    const failures: number[] = [];
    const provider: AuthProvider = {
      kind: "test",
      resolveEndpoints: async () => ({ siteBaseUrl: site?.url ?? "", graphqlUrl: "" }),
      authorization: () => `Bearer ${token}`,
      onAuthFailure: async ({ status }) => {
        failures.push(status);
        if (token !== "stale-token") return false;
        token = "fresh-token";
        return true;
      },
      secrets: () => [token],
    };
    const client = createConfluenceClient({ auth: provider });
    expect((await client.request({ path: "/x" })).data).toEqual({ ok: 1 });
    expect(failures).toEqual([401]);
    token = "stale-again";
    await expect(client.request({ path: "/x" })).rejects.toMatchObject({ status: 401 });
    // Told once per request, and a provider that cannot refresh ends it.
    expect(failures).toEqual([401, 401]);
    expect(site.received).toHaveLength(3);
    await client.close();
  });
});

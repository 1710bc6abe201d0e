import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorExchange } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { AUTH, client } from "./client.js";

let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let call: ReturnType<typeof client>;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({
    // Hostile and invalid requests on purpose: check responses only.
    conformance: "responses-only",
    onExchange: (e) => exchanges.push(e),
    users: [{ email: "other@example.com", apiToken: "other-token" }],
  });
  call = client(emulator.url);
});
afterAll(() => emulator.close());

describe("authentication", () => {
  it("rejects missing credentials with 401, a challenge and the v2 error body", async () => {
    const r = await call("/wiki/api/v2/spaces", { headers: { authorization: "" } });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(r.body).toEqual({
      errors: [{ status: 401, code: "UNAUTHORIZED", title: "Unauthorized", detail: null }],
    });
  });

  it("rejects a wrong token, and answers v1 paths with the v1 body", async () => {
    const wrong = `Basic ${Buffer.from("demo@example.com:nope").toString("base64")}`;
    const r = await call("/wiki/rest/api/space", { headers: { authorization: wrong } });
    expect(r.status).toBe(401);
    expect(r.body.statusCode).toBe(401);
    expect(typeof r.body.message).toBe("string");
  });

  it("accepts configured extra users", async () => {
    const other = `Basic ${Buffer.from("other@example.com:other-token").toString("base64")}`;
    const r = await call("/wiki/rest/api/user/current", { headers: { authorization: other } });
    expect(r.status).toBe(200);
    expect(r.body.email).toBe("other@example.com");
  });
});

describe("hardening", () => {
  it("answers 413 to bodies over 5 MB", async () => {
    const r = await call("/wiki/api/v2/pages", {
      method: "POST",
      body: `"${"x".repeat(5 * 1024 * 1024 + 10)}"`,
    });
    expect(r.status).toBe(413);
    expect(r.body.errors[0].status).toBe(413);
  });

  it("answers 400 with the v2 body to malformed JSON", async () => {
    const r = await call("/wiki/api/v2/pages", { method: "POST", body: "{not json" });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ status: 400, detail: null });
  });

  it("answers 404 to unknown routes and stays up after hostile input", async () => {
    expect((await call("/wiki/api/v2/unknown")).status).toBe(404);
    expect((await call("/wiki/api/v2/pages/%")).status).toBe(400);
    expect((await call("/wiki/api/v2/pages/%E0%A4%A")).status).toBe(400);
    expect((await call("/wiki/api/v2/pages?title=%&id=%zz")).status).toBe(400);
    expect((await call(`/wiki/api/v2/pages?title=${"a".repeat(30_000)}`)).status).toBe(431);
    expect((await call("/wiki/api/v2/pages?__proto__=x&constructor=y")).status).toBe(200);
    expect((await call("/wiki/api/v2/spaces")).status).toBe(200);
  });
});

describe("exchanges and the request log", () => {
  it("reports every exchange with parsed bodies and redacted secrets", async () => {
    exchanges.length = 0;
    await call("/wiki/api/v2/spaces?limit=1&keys=ENG&keys=ARCH");
    const e = exchanges.at(-1)!;
    expect(e.method).toBe("GET");
    expect(e.path).toBe("/wiki/api/v2/spaces");
    expect(e.url).toBe("/wiki/api/v2/spaces?limit=1&keys=ENG&keys=ARCH");
    expect(e.query).toEqual({ limit: "1", keys: ["ENG", "ARCH"] });
    expect(e.status).toBe(200);
    expect(e.responseBody).toMatchObject({ results: [{ key: "ENG" }] });
    expect(JSON.stringify(e)).not.toContain(AUTH.slice(6));
    expect(e.requestHeaders.authorization).toBe("Basic [REDACTED]");
  });

  it("keeps a redacted request log with since= and clears it", async () => {
    const before = (await call("/__emulator/requests")).body.lastSeq as number;
    await call("/wiki/api/v2/pages/98306/properties", {
      method: "POST",
      body: { key: "k1", value: { password: "hunter2" } },
    });
    const log = await call(`/__emulator/requests?since=${before}`);
    expect(log.body.requests).toHaveLength(1);
    const entry = log.body.requests[0];
    expect(entry).toMatchObject({
      method: "POST",
      path: "/wiki/api/v2/pages/98306/properties",
      status: 200,
    });
    expect(entry.headers.authorization).toBe("Basic [REDACTED]");
    expect(JSON.stringify(log.body)).not.toContain("hunter2");
    expect(JSON.stringify(log.body)).not.toContain(AUTH.slice(6));
    expect((await call("/__emulator/requests", { method: "DELETE" })).status).toBe(204);
    expect((await call("/__emulator/requests")).body.requests).toHaveLength(0);
  });

  it("reset restores the seed", async () => {
    await call("/wiki/api/v2/pages/98309", { method: "DELETE" });
    expect((await call("/wiki/api/v2/pages/98309")).body.status).toBe("trashed");
    expect((await call("/__emulator/reset", { method: "POST" })).status).toBe(200);
    expect((await call("/wiki/api/v2/pages/98309")).body.status).toBe("current");
  });
});

describe("graphql", () => {
  it("answers queries over the emulator data and reports errors GraphQL-style", async () => {
    const ok = await call("/gateway/api/graphql", {
      method: "POST",
      body: {
        query:
          "query($id: ID!) { confluence { space(id: $id) { key } pages(spaceId: $id, first: 2) { id title } } }",
        variables: { id: "65537" },
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.confluence.space.key).toBe("ENG");
    expect(ok.body.data.confluence.pages).toHaveLength(2);
    const bad = await call("/gateway/api/graphql", { method: "POST", body: { query: "{ nope }" } });
    expect(bad.status).toBe(200);
    expect(bad.body.errors[0].message).toMatch(/nope/);
    const customers = await call("/gateway/api/graphql", {
      method: "POST",
      body: {
        query:
          "query($n: String!) { customers(name: $n) { nodes { id labels users { nodes { email } } } } }",
        variables: { n: "demo" },
      },
    });
    expect(customers.body.data.customers.nodes[0].users.nodes[0].email).toBe("demo@example.com");
    const anon = await call("/gateway/api/graphql", {
      method: "POST",
      body: { query: "{ __typename }" },
      headers: { authorization: "" },
    });
    expect(anon.status).toBe(401);
  });
});

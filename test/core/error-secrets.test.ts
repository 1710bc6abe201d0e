// Sweep of every failure path of the core client against a site that echoes the credential it
// received back in every way it can (error bodies cut at the stored-text limit, JSON fields,
// GraphQL `data`, trace ids, broken and oversized bodies, URLs): no field of any error, its
// JSON.stringify, message, stack or causes may hold the secret or a recognisable piece of it.
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth, type ConfluenceClient, ConfluenceGraphQLError } from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

// 20 + 1 + 57 bytes: the base64 pair is 104 characters, as in the reproduction (issue 12).
const EMAIL = "sweeper1@example.com";
const TOKEN = "ATATT3xFfGF0-sweep-s3cr3t-T0ken-0123456789abcdefghijklmno";
const PAIR = Buffer.from(`${EMAIL}:${TOKEN}`).toString("base64");
const STORED_TEXT_LIMIT = 4096;

/** Pieces this long of a secret are enough to recognise (and, for base64, decode) it. */
const PIECE = 12;

function leakedPieces(text: string): string[] {
  const found: string[] = [];
  for (const secret of [TOKEN, PAIR, encodeURIComponent(TOKEN)]) {
    for (let start = 0; start + PIECE <= secret.length; start++) {
      const piece = secret.slice(start, start + PIECE);
      if (text.includes(piece)) found.push(piece);
    }
  }
  return found;
}

/** Everything an error exposes: every own field (enumerable or not), JSON, message, stack, causes. */
function exposed(error: unknown, depth = 0): string {
  if (!(error instanceof Error) || depth > 5) return String(error);
  const fields = Object.getOwnPropertyNames(error).map((name) => {
    const value = (error as unknown as Record<string, unknown>)[name];
    return `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`;
  });
  return [
    JSON.stringify(error),
    error.message,
    error.stack,
    ...fields,
    exposed(error.cause, depth + 1),
  ].join("\n");
}

function echo(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, { "content-type": contentType, "atl-traceid": `trace-${PAIR}` });
  res.end(body);
}

let site: FakeSite;
let client: ConfluenceClient;
beforeAll(async () => {
  site = await startSite((req, res) => {
    const auth = req.headers.authorization ?? "";
    const encoded = auth.replace(/^Basic /, "");
    const path = (req.url ?? "").replace(/^\/wiki\/api\/v2/, "").split("?")[0];
    switch (path) {
      // The reproduction: the base64 pair straddles the stored-text limit by one character.
      case "/cut-pair":
        return echo(res, 500, "text/plain", `${"A".repeat(STORED_TEXT_LIMIT - 103)}${encoded}`);
      case "/cut-token":
        return echo(res, 500, "text/plain", `${"A".repeat(STORED_TEXT_LIMIT - 56)}${TOKEN}`);
      // A server that echoed only the beginning of the credential, right up to the cut.
      case "/cut-prefix":
        return echo(
          res,
          500,
          "text/plain",
          `${"A".repeat(STORED_TEXT_LIMIT - 40)}${encoded.slice(0, 40)}${"B".repeat(100)}`,
        );
      case "/json":
        return json(
          res,
          400,
          {
            errors: [{ status: 400, code: "BAD", title: "Bad", detail: `denied for ${auth}` }],
            nested: { deeper: [{ echo: auth, token: "x" }] },
          },
          { "atl-traceid": `trace-${PAIR}` },
        );
      case "/gateway/api/graphql":
        return json(res, 200, {
          errors: [{ message: `denied for ${auth}` }],
          data: { echo: auth },
        });
      case "/broken":
        return echo(res, 200, "application/json", `{"echo": "${auth}"`);
      case "/big":
        return echo(
          res,
          200,
          "application/json",
          JSON.stringify({ echo: auth, pad: "x".repeat(5000) }),
        );
      case "/reset":
        req.socket.destroy();
        return;
      case "/loop":
        return json(res, 200, {
          results: [{ id: 1 }],
          _links: { next: `/wiki/api/v2/loop?cursor=${encodeURIComponent(TOKEN)}` },
        });
      default:
        // "/stall": never answer.
        return;
    }
  });
  ({ client } = clientFor(site, {
    auth: basicAuth({ email: EMAIL, apiToken: TOKEN }),
    timeoutMs: 200,
    retry: { maxRetries: 0 },
  }));
});
afterAll(async () => {
  await client.close();
  await site.close();
});

const failures: Record<string, () => Promise<unknown>> = {
  "text body, pair straddling the cut": () => client.request({ path: "/cut-pair" }),
  "text body, token straddling the cut": () => client.request({ path: "/cut-token" }),
  "text body, a secret's beginning at the cut": () => client.request({ path: "/cut-prefix" }),
  "JSON error body and trace id": () => client.request({ path: "/json", query: { q: TOKEN } }),
  "GraphQL errors and data": () => client.graphql({ query: "{ echo }" }),
  "broken JSON on a POST": () => client.request({ method: "POST", path: "/broken", body: {} }),
  "response too large": () => client.request({ path: "/big", maxResponseBytes: 1000 }),
  "dropped connection (GET)": () => client.request({ path: "/reset" }),
  "dropped connection (POST)": () => client.request({ method: "POST", path: "/reset", body: {} }),
  timeout: () => client.request({ path: "/stall", query: { access_token: TOKEN } }),
  "pagination loop": async () => {
    for await (const _ of client.paginate("/loop", { cursor: TOKEN })) {
      // follow every link
    }
  },
  "path template refused": () => client.request({ path: `/pages?cursor=${TOKEN}` }),
  abort: () => client.request({ path: "/stall", signal: AbortSignal.abort() }),
  "header value refused": () => client.request({ path: "/x", headers: { "x-a": `${TOKEN}\r\n` } }),
  "URL off the site": () =>
    client.request({ api: "site", path: `https://evil.example/?access_token=${TOKEN}` }),
};

describe("no error of any failure path exposes a secret", () => {
  it.each(Object.keys(failures))("%s", async (name) => {
    const error = await failures[name]!().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(leakedPieces(exposed(error))).toEqual([]);
  });

  it("keeps what is not secret: the GraphQL data's shape and Confluence's error code", async () => {
    const graphql = (await client
      .graphql({ query: "{ echo }" })
      .catch((e: unknown) => e)) as ConfluenceGraphQLError;
    expect(graphql).toBeInstanceOf(ConfluenceGraphQLError);
    expect(graphql.data).toEqual({ echo: "Basic [REDACTED]" });
    expect(graphql.messages).toEqual(["denied for Basic [REDACTED]"]);
    const api = (await client.request({ path: "/json" }).catch((e: unknown) => e)) as {
      body: unknown;
    };
    expect(JSON.stringify(api.body)).toContain('"code":"BAD"');
  });
});

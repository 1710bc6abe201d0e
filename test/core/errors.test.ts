import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConfluenceApiError,
  ConfluenceError,
  ConfluenceNetworkError,
  ConfluenceOutcomeUnknownError,
} from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

describe("error mapping", () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startSite((req, res) => {
      if (req.url?.startsWith("/wiki/api/v2/pages/404")) {
        json(
          res,
          404,
          {
            errors: [
              { status: 404, code: "NOT_FOUND", title: "Not Found", detail: "Page not found" },
            ],
          },
          { "atl-traceid": "abc123" },
        );
      } else if (req.url?.startsWith("/wiki/rest/api/content")) {
        json(res, 400, { statusCode: 400, message: "Invalid expand value" });
      } else if (req.url?.startsWith("/wiki/api/v2/html")) {
        res.writeHead(502, { "content-type": "text/html" });
        res.end("<html><body><h1>Bad   Gateway</h1></body></html>");
      } else if (req.url?.startsWith("/wiki/api/v2/empty")) {
        res.writeHead(401);
        res.end();
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{not json");
      }
    });
  });
  afterAll(() => site.close());

  it("maps a v2 error body with trace id into an actionable message", async () => {
    const { client } = clientFor(site);
    const error = await client
      .request({
        path: "/pages/{id}",
        pathParams: { id: "404" },
        query: { "body-format": "storage" },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceApiError);
    const apiError = error as ConfluenceApiError;
    expect(apiError.message).toBe(
      "Confluence returned 404 Not Found for GET /wiki/api/v2/pages/404: Page not found (trace id abc123)",
    );
    expect(apiError.status).toBe(404);
    expect(apiError.method).toBe("GET");
    expect(apiError.path).toBe("/wiki/api/v2/pages/404?body-format=storage");
    expect(apiError.traceId).toBe("abc123");
    expect(apiError.body).toEqual({
      errors: [{ status: 404, code: "NOT_FOUND", title: "Not Found", detail: "Page not found" }],
    });
    await client.close();
  });

  it("maps a v1 error body", async () => {
    const { client } = clientFor(site);
    const error = (await client
      .request({ api: "v1", method: "POST", path: "/content", body: {} })
      .catch((e: unknown) => e)) as ConfluenceApiError;
    expect(error.message).toBe(
      "Confluence returned 400 Bad Request for POST /wiki/rest/api/content: Invalid expand value",
    );
    expect(error.traceId).toBeUndefined();
    await client.close();
  });

  it("keeps non-JSON bodies as text and summarises them", async () => {
    const { client } = clientFor(site, { retry: { maxRetries: 0 } });
    const error = (await client
      .request({ path: "/html" })
      .catch((e: unknown) => e)) as ConfluenceApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      "Confluence returned 502 Bad Gateway for GET /wiki/api/v2/html: Bad Gateway",
    );
    expect(error.body).toBe("<html><body><h1>Bad   Gateway</h1></body></html>");
    await client.close();
  });

  it("explains an empty 401", async () => {
    const { client } = clientFor(site);
    await expect(client.request({ path: "/empty" })).rejects.toThrow(
      /^Confluence returned 401 Unauthorized for GET \/wiki\/api\/v2\/empty: check the connection's email and API token/,
    );
    await client.close();
  });

  it("reports invalid JSON on a JSON success response", async () => {
    const { client } = clientFor(site, { retry: { maxRetries: 0 } });
    const error = await client.request({ path: "/broken" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfluenceError);
    expect((error as Error).message).toMatch(
      /GET \/wiki\/api\/v2\/broken with 200, but the JSON body was broken/,
    );
    await client.close();
  });
});

describe("a host without a scheme that speaks plain HTTP", () => {
  it("is reported as not speaking TLS, without OpenSSL's text", async () => {
    const site = await startSite((_req, res) => json(res, 200, {}));
    const { client } = clientFor(site, {
      host: site.url.replace("http://", ""),
      retry: { maxRetries: 0 },
    });
    const error = (await client.request({ path: "/x" }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConfluenceNetworkError);
    expect(error.message).toMatch(
      /^Could not reach Confluence for GET \/wiki\/api\/v2\/x \(the server does not speak TLS; use http:\/\/ for a local emulator \(ERR_SSL_[A-Z_]+\)\)$/,
    );
    // Nothing was sent, so a POST is not "outcome unknown".
    const post = await client
      .request({ method: "POST", path: "/x", body: {} })
      .catch((e: unknown) => e);
    expect(post).toBeInstanceOf(ConfluenceNetworkError);
    expect(post).not.toBeInstanceOf(ConfluenceOutcomeUnknownError);
    expect((post as Error).message).toMatch(/does not speak TLS/);
    expect(site.received).toEqual([]);
    await client.close();
    await site.close();
  });
});

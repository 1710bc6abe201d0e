// The one `outcomeUnknown` flag: set on every error after which a write may or may not have
// been applied, never on reads or on errors from before anything was sent; fateUnknown (the
// safe-write resolver's test) reads only the flag.
import { afterEach, describe, expect, it } from "vitest";
import {
  ConfluenceApiError,
  type ConfluenceError,
  ConfluenceNetworkError,
  ConfluenceOAuthOutcomeUnknownError,
  ConfluenceOutcomeUnknownError,
  ConfluenceTimeoutError,
  fateUnknown,
  type HttpMethod,
} from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

async function failure(method: HttpMethod, options = {}): Promise<unknown> {
  if (site === undefined) throw new Error("no site");
  const { client } = clientFor(site, { retry: { maxRetries: 0 }, ...options });
  const body = method === "GET" || method === "DELETE" ? undefined : {};
  const error = await client.request({ method, path: "/x", body }).catch((e: unknown) => e);
  await client.close();
  return error;
}

describe("outcomeUnknown", () => {
  it("is set by a timeout of any write, PUT and DELETE included, not of a read", async () => {
    site = await startSite(() => {
      // Never answers.
    });
    for (const [method, unknown] of [
      ["GET", false],
      ["POST", true],
      ["PUT", true],
      ["DELETE", true],
    ] as const) {
      const error = await failure(method, { timeoutMs: 100 });
      expect(error, method).toBeInstanceOf(ConfluenceTimeoutError);
      expect((error as ConfluenceError).outcomeUnknown, method).toBe(unknown);
      expect(fateUnknown(error), method).toBe(unknown);
    }
  });

  it("is set on a 5xx answer to a write, not to a read, and never on a 4xx", async () => {
    site = await startSite((req, res) => {
      json(res, req.method === "PUT" ? 409 : 502, { message: "no" });
    });
    const post = await failure("POST");
    expect(post).toBeInstanceOf(ConfluenceApiError);
    expect(post).toMatchObject({ status: 502, outcomeUnknown: true });
    expect(await failure("GET")).toMatchObject({ status: 502, outcomeUnknown: false });
    expect(await failure("PUT")).toMatchObject({ status: 409, outcomeUnknown: false });
  });

  it("is set on a dropped connection of a POST, not on a refused one", async () => {
    site = await startSite((req) => {
      req.socket.destroy();
    });
    const dropped = await failure("POST");
    expect(dropped).toBeInstanceOf(ConfluenceOutcomeUnknownError);
    expect(dropped).toMatchObject({ outcomeUnknown: true });
    const url = site.url;
    await site.close();
    site = { ...site, url, close: async () => {} };
    const refused = await failure("POST");
    expect(refused).toBeInstanceOf(ConfluenceNetworkError);
    expect(refused).toMatchObject({ outcomeUnknown: false });
  });

  it("is left false by OAuth's own outcome-unknown error: no Confluence request was sent", () => {
    const error = new ConfluenceOAuthOutcomeUnknownError("lost", {
      status: undefined,
      code: "timeout",
    });
    expect(error.outcomeUnknown).toBe(false);
    expect(fateUnknown(error)).toBe(false);
  });

  it("options-object constructors keep the cause out of the enumerable fields", () => {
    const cause = new Error("socket hang up");
    const error = new ConfluenceOutcomeUnknownError("lost", {
      method: "POST",
      path: "/wiki/api/v2/pages",
      code: "ECONNRESET",
      cause,
    });
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ConfluenceOutcomeUnknownError",
      outcomeUnknown: true,
      method: "POST",
      path: "/wiki/api/v2/pages",
      code: "ECONNRESET",
    });
  });
});

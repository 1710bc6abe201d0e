// The validator itself, on synthetic exchanges: wrong requests and wrong responses must be
// reported with the operation and the offending field; correct ones must pass.
import { describe, expect, it } from "vitest";
import { readSpecDocument, SPEC_DIR_ENV } from "./spec-location.js";
import { createExchangeValidator, type Exchange } from "./validator.js";
import type { Violation } from "./violation.js";

const AUTH = { authorization: "[REDACTED]", accept: "application/json" };
const JSON_REQUEST = { ...AUTH, "content-type": "application/json" };
const JSON_RESPONSE = { "content-type": "application/json; charset=utf-8" };
const ERROR_404 = {
  errors: [{ status: 404, code: "NOT_FOUND", title: "Not Found", detail: null }],
};

function exchange(overrides: Partial<Exchange> & { url: string }): Exchange {
  const url = new URL(overrides.url, "http://x");
  return {
    method: "GET",
    path: url.pathname,
    query: {},
    requestHeaders: AUTH,
    requestBody: undefined,
    status: 200,
    responseHeaders: JSON_RESPONSE,
    responseBody: {},
    ...overrides,
  };
}

async function check(overrides: Partial<Exchange> & { url: string }) {
  return (await createExchangeValidator()).check(exchange(overrides));
}

function fields(violations: Violation[]): string[] {
  return violations.map((violation) => `${violation.side} ${violation.field}`);
}

/** updatePage on page 9 with a JSON body; `changes` completes or overrides the body's fields. */
function updatePage9(changes: Record<string, unknown>, rest: Partial<Exchange> = {}) {
  return check({
    method: "PUT",
    url: "/wiki/api/v2/pages/9",
    requestHeaders: JSON_REQUEST,
    requestBody: { id: "9", status: "current", title: "T", ...changes },
    ...rest,
  });
}

const page = {
  id: "123",
  status: "current",
  title: "Home",
  spaceId: "42",
  createdAt: "2024-01-02T03:04:05.000Z",
};

describe("request checks", () => {
  it("accepts a correct GET /pages/{id}", async () => {
    const result = await check({
      url: "/wiki/api/v2/pages/123?body-format=storage&include-labels=true",
      responseBody: page,
    });
    expect(result.operationId).toBe("getPageById");
    expect(result.pathTemplate).toBe("/wiki/api/v2/pages/{id}");
    expect(result.violations).toEqual([]);
  });

  it("reports a camelCase query parameter as unknown, naming operation and field", async () => {
    const result = await check({
      url: "/wiki/api/v2/pages/123?bodyFormat=storage",
      responseBody: page,
    });
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatchObject({
      side: "request",
      operationId: "getPageById",
      method: "GET",
      pathTemplate: "/wiki/api/v2/pages/{id}",
      field: "query.bodyFormat",
    });
    expect(result.violations[0]!.message).toMatch(/not declared/);
  });

  it("reports a numeric id in a string-typed body field", async () => {
    const result = await check({
      method: "POST",
      url: "/wiki/api/v2/pages",
      requestHeaders: JSON_REQUEST,
      requestBody: {
        spaceId: 42,
        status: "current",
        title: "T",
        body: { representation: "storage", value: "<p/>" },
      },
      responseBody: page,
    });
    expect(result.operationId).toBe("createPage");
    expect(fields(result.violations)).toEqual(["request body.spaceId"]);
    expect(result.violations[0]!.message).toMatch(/must be string/);
  });

  it("reports a missing required body field and a wrong body content type", async () => {
    const result = await check({
      method: "POST",
      url: "/wiki/api/v2/pages",
      requestHeaders: { ...AUTH, "content-type": "text/plain" },
      requestBody: { title: "T" },
      responseBody: page,
    });
    expect(fields(result.violations)).toEqual(
      expect.arrayContaining(["request body.spaceId", "request header.content-type"]),
    );
  });

  it("reports a wrong enum, out-of-bounds limit and wrong path parameter type", async () => {
    const result = await check({
      url: "/wiki/api/v2/spaces/abc/pages?sort=newest&limit=500&depth=root",
      responseBody: { results: [] },
    });
    expect(result.operationId).toBe("getPagesInSpace");
    expect(fields(result.violations).sort()).toEqual([
      "request path.id",
      "request query.limit",
      "request query.sort",
    ]);
    const sort = result.violations.find((violation) => violation.field === "query.sort")!;
    expect(sort.message).toMatch(/"-title"/);
  });

  it("reports unknown paths, unknown methods and paths outside the specs", async () => {
    const unknown = await check({ url: "/wiki/api/v2/not-a-thing/1" });
    expect(unknown.violations[0]).toMatchObject({ side: "request", field: "path" });
    expect(unknown.violations[0]!.message).toMatch(/no operation of the v2 spec/);

    const patch = await check({ method: "PATCH", url: "/wiki/api/v2/pages/1" });
    expect(patch.violations[0]!.message).toMatch(
      /no PATCH operation on \/wiki\/api\/v2\/pages\/\{id\}/,
    );

    const outside = await check({ url: "/rest/api/content" });
    expect(outside.violations[0]!.message).toMatch(/neither \/wiki\/api\/v2/);
  });

  it("accepts comma-separated arrays and checks each item", async () => {
    const ok = await check({
      url: "/wiki/api/v2/pages?id=1,2&status=current,archived&limit=5",
      responseBody: { results: [] },
    });
    expect(ok.violations).toEqual([]);
    const bad = await check({
      url: "/wiki/api/v2/pages?status=current,bogus",
      responseBody: { results: [] },
    });
    expect(fields(bad.violations)).toEqual(["request query.status[1]"]);
  });

  it("requires credentials on secured operations", async () => {
    const result = await check({
      url: "/wiki/api/v2/spaces/1",
      requestHeaders: {},
      responseBody: {},
    });
    expect(fields(result.violations)).toEqual(["request header.authorization"]);
  });

  it("routes OAuth gateway paths as site paths and skips identity, GraphQL and admin", async () => {
    const gateway = await check({
      url: "/ex/confluence/cloud-1/wiki/api/v2/pages/7",
      responseBody: page,
    });
    expect(gateway.operationId).toBe("getPageById");
    expect(gateway.violations).toEqual([]);
    for (const url of ["/oauth/token", "/authorize", "/gateway/api/graphql", "/__emulator/reset"]) {
      const skipped = await check({ method: "POST", url });
      expect(skipped.classification.kind).toBe("skipped");
      expect(skipped.violations).toEqual([]);
    }
  });

  it("validates v1 operations by their full path", async () => {
    const result = await check({
      url: "/wiki/rest/api/space?spaceKeys=DEMO",
      responseBody: { results: [], start: 0, limit: 25, size: 0, _links: {} },
    });
    expect(result.spec).toBe("v1");
    expect(result.operationId).toBe("getSpaces");
    expect(fields(result.violations)).toEqual(["request query.spaceKeys"]);
  });

  it("accepts attachment ids on the operation whose pattern is fixed by an exception", async () => {
    const result = await check({
      url: "/wiki/api/v2/attachments/att123/properties/9",
      responseBody: { id: "9", key: "k", value: 1 },
    });
    expect(result.operationId).toBe("getAttachmentContentPropertiesById");
    expect(result.violations).toEqual([]);
  });
});

describe("response checks", () => {
  it("reports a body that does not match the schema of its status", async () => {
    const result = await check({
      url: "/wiki/api/v2/pages/123",
      responseBody: { ...page, id: 123, createdAt: "yesterday", status: "alive" },
    });
    expect(fields(result.violations).sort()).toEqual([
      "response body.createdAt",
      "response body.id",
      "response body.status",
    ]);
    expect(result.violations.every((violation) => violation.operationId === "getPageById")).toBe(
      true,
    );
  });

  it("checks error bodies against Confluence's error shape and rejects undeclared statuses", async () => {
    const good = await check({ url: "/wiki/api/v2/pages/9", status: 404, responseBody: ERROR_404 });
    expect(good.violations).toEqual([]);
    const bad = await check({
      url: "/wiki/api/v2/pages/9",
      status: 404,
      responseBody: { message: "nope" },
    });
    expect(fields(bad.violations)).toEqual(["response body.errors"]);
    const undeclared = await check({
      url: "/wiki/api/v2/pages/9",
      status: 418,
      responseBody: ERROR_404,
    });
    expect(fields(undeclared.violations)).toEqual(["response status"]);
    expect(undeclared.violations[0]!.message).toMatch(/418 is not declared/);
  });

  it("accepts the documented exception statuses only where they apply", async () => {
    const conflict = {
      errors: [
        { status: 409, code: "CONFLICT", title: "Version must be incremented", detail: null },
      ],
    };
    const update = await updatePage9(
      { body: { representation: "storage", value: "<p/>" }, version: { number: 1 } },
      { status: 409, responseBody: conflict },
    );
    expect(update.violations).toEqual([]);
    const get = await check({ url: "/wiki/api/v2/pages/9", status: 409, responseBody: conflict });
    expect(fields(get.violations)).toEqual(["response status"]);
    const limited = await check({
      url: "/wiki/api/v2/pages/9",
      status: 429,
      responseBody: conflict,
    });
    expect(limited.violations).toEqual([]);
  });

  it("checks 204 responses carry no body and JSON responses declare their content type", async () => {
    const withBody = await check({
      method: "DELETE",
      url: "/wiki/api/v2/pages/9",
      status: 204,
      responseBody: { ok: true },
    });
    expect(fields(withBody.violations)).toEqual(["response body"]);
    const ok = await check({
      method: "DELETE",
      url: "/wiki/api/v2/pages/9",
      status: 204,
      responseBody: undefined,
      responseHeaders: {},
    });
    expect(ok.violations).toEqual([]);
    const text = await check({
      url: "/wiki/api/v2/pages/9",
      responseHeaders: { "content-type": "text/plain" },
      responseBody: page,
    });
    expect(fields(text.violations)).toEqual(["response header.content-type"]);
  });

  it("checks the Link header of list responses", async () => {
    const next = "/wiki/api/v2/pages?limit=1&cursor=abc";
    const list = { results: [page], _links: { next, base: "http://x/wiki" } };
    const ok = await check({
      url: "/wiki/api/v2/pages?limit=1",
      responseHeaders: {
        ...JSON_RESPONSE,
        link: `<${next}>; rel="next", <http://x/wiki>; rel="base"`,
      },
      responseBody: list,
    });
    expect(ok.violations).toEqual([]);

    const missing = await check({ url: "/wiki/api/v2/pages?limit=1", responseBody: list });
    expect(fields(missing.violations)).toEqual(["response header.link"]);

    const dropsLimit = "/wiki/api/v2/pages?cursor=abc&sort=bogus";
    const wrong = await check({
      url: "/wiki/api/v2/pages?limit=1",
      responseHeaders: { ...JSON_RESPONSE, link: `<${dropsLimit}>; rel="next"` },
      responseBody: { results: [page, page], _links: { next: dropsLimit } },
    });
    expect(fields(wrong.violations).sort()).toEqual([
      "response body.results",
      "response header.link.next query.limit",
      "response header.link.next query.sort",
    ]);

    const malformed = await check({
      url: "/wiki/api/v2/pages",
      responseHeaders: { ...JSON_RESPONSE, link: "/wiki/api/v2/pages?cursor=a; next" },
      responseBody: { results: [] },
    });
    expect(fields(malformed.violations)).toEqual(["response header.link"]);
  });
});

describe("spec location", () => {
  it("fails with a message that says where it looked", () => {
    const env = { [SPEC_DIR_ENV]: "/nonexistent/openapi-dir" };
    expect(() => readSpecDocument("v2", env)).toThrow(
      /confluence-v2\.json not found: looked for \/nonexistent\/openapi-dir\/confluence-v2\.json \(\$CONFLUENCE_OPENAPI_DIR\)/,
    );
  });
});

describe("page bodies (exception page-body-one-of)", () => {
  const post = (body: unknown, spaceId: unknown = "42") =>
    check({
      method: "POST",
      url: "/wiki/api/v2/pages",
      requestHeaders: JSON_REQUEST,
      requestBody: { spaceId, title: "T", body },
      responseBody: page,
    });

  it("accepts the flat and the nested body shapes", async () => {
    expect((await post({ representation: "storage", value: "<p/>" })).violations).toEqual([]);
    expect(
      (await post({ storage: { representation: "storage", value: "<p/>" } })).violations,
    ).toEqual([]);
  });

  it("rejects bodies of neither shape and wrong representations", async () => {
    expect(fields((await post({ value: "<p/>" })).violations)).toContain("request body.body");
    expect(fields((await post({ representation: "html", value: "x" })).violations)).toContain(
      "request body.body.representation",
    );
  });

  it("checks updatePage ids as strings (exception page-update-format-string)", async () => {
    const result = await updatePage9(
      {
        spaceId: 42,
        body: { representation: "storage", value: "" },
        version: { number: 2 },
      },
      { responseBody: page },
    );
    expect(fields(result.violations)).toEqual(["request body.spaceId"]);
  });
});

describe("multipart bodies (v1 createAttachment)", () => {
  const NO_ATTACHMENTS = { results: [], size: 0, start: 0, limit: 25, _links: {} };
  const upload = (parts: string[]) =>
    check({
      method: "POST",
      url: "/wiki/rest/api/content/123/child/attachment",
      requestHeaders: {
        ...AUTH,
        "content-type": "multipart/form-data; boundary=XyZ",
        "x-atlassian-token": "nocheck",
      },
      requestBody: `${parts.map((part) => `--XyZ\r\n${part}\r\n`).join("")}--XyZ--\r\n`,
      responseBody: NO_ATTACHMENTS,
    });
  const file =
    'Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello';
  const minorEdit = 'Content-Disposition: form-data; name="minorEdit"\r\n\r\ntrue';

  it("accepts a form upload and reports a missing body or a JSON body", async () => {
    const ok = await upload([file, minorEdit]);
    expect(ok.operationId).toBe("createAttachment");
    expect(ok.violations).toEqual([]);
    // openapi-backend drops binary fields (all three here) from `required`; the body itself is
    // required and must be multipart.
    const none = await check({
      method: "POST",
      url: "/wiki/rest/api/content/123/child/attachment",
      responseBody: NO_ATTACHMENTS,
    });
    expect(fields(none.violations)).toEqual(["request body"]);
    const json = await check({
      method: "POST",
      url: "/wiki/rest/api/content/123/child/attachment",
      requestHeaders: JSON_REQUEST,
      requestBody: { file: "x", minorEdit: "true" },
      responseBody: NO_ATTACHMENTS,
    });
    expect(fields(json.violations)).toEqual(["request header.content-type"]);
  });
});

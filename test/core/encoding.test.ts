import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildPath,
  ConfluenceUrlError,
  ConfluenceValidationError,
  parseLinkHeader,
  parseSitePath,
  parseSiteUrl,
  toQueryString,
} from "../../src/core/index.js";
import { clientFor, type FakeSite, json, startSite } from "./helpers/site.js";

describe("toQueryString", () => {
  it("keeps names, joins arrays with commas, omits undefined and null", () => {
    expect(
      toQueryString({
        "body-format": "storage",
        "space-id": [1, 2, 3],
        "include-labels": true,
        "get-draft": false,
        status: ["current", "archived"],
        cursor: undefined,
        title: null,
        limit: 25,
      }),
    ).toBe(
      "?body-format=storage&space-id=1,2,3&include-labels=true&get-draft=false&status=current,archived&limit=25",
    );
  });

  it("encodes values and names, spaces as %20, and commas inside items", () => {
    expect(toQueryString({ title: "a b&c=d/é", "we ird": "x", ids: ["a,b", "c"] })).toBe(
      "?title=a%20b%26c%3Dd%2F%C3%A9&we%20ird=x&ids=a%2Cb,c",
    );
  });

  it("returns an empty string when nothing is left, and rejects non-finite numbers", () => {
    expect(toQueryString({ a: undefined, b: [] })).toBe("");
    expect(toQueryString(undefined)).toBe("");
    expect(() => toQueryString({ limit: Number.NaN })).toThrow(ConfluenceValidationError);
  });
});

describe("buildPath", () => {
  it("fills placeholders with encoded segments", () => {
    expect(
      buildPath("/pages/{id}/properties/{property-id}", { id: 12, "property-id": "a/b" }),
    ).toBe("/pages/12/properties/a%2Fb");
  });

  it.each([
    ["/pages/{id}", { id: "" }, /empty/],
    ["/pages/{id}", { id: "." }, /must not be "."/],
    ["/pages/{id}", { id: ".." }, /must not be ".."/],
    ["/pages/{id}", {}, /needs the parameter "id"/],
    ["/pages/{id}", { id: 1, other: 2 }, /no placeholder \{other\}/],
    ["/pages/1?x=y", {}, /need encoding/],
    ["/pages/a b", {}, /need encoding/],
    ["/pages/../admin", {}, /"\." or "\.\." segment/],
    ["/pages/x{id}", { id: 1 }, /whole path segment/],
    ["pages/{id}", { id: 1 }, /single "\/"/],
    ["/pages/{id}", { id: Number.POSITIVE_INFINITY }, /finite/],
  ] as const)("rejects %s with %j", (template, params, reason) => {
    expect(() => buildPath(template, params)).toThrow(reason);
  });
});

describe("parseSitePath", () => {
  it("accepts encoded site paths with a query", () => {
    expect(parseSitePath("/wiki/api/v2/pages/1%2F2?limit=5")).toEqual({
      path: "/wiki/api/v2/pages/1%2F2",
      query: "limit=5",
    });
  });
  it.each([
    "wiki/api",
    "//evil.com/x",
    "/wiki/../admin",
    "/wiki/%2E%2e/admin",
    "/a b",
    "/a#b",
    "/a%zz",
    "/é",
  ])("rejects %j", (input) => {
    expect(() => parseSitePath(input)).toThrow(ConfluenceValidationError);
  });
});

describe("parseSiteUrl", () => {
  const site = "https://example.atlassian.net";
  it("accepts paths and URLs on the site's origin, as typed", () => {
    expect(parseSiteUrl("/wiki/api/v2/pages?limit=1", site)).toEqual({
      path: "/wiki/api/v2/pages",
      query: "limit=1",
      absolute: false,
    });
    expect(parseSiteUrl("HTTPS://Example.atlassian.net:443/wiki?x=1", site)).toEqual({
      path: "/wiki",
      query: "x=1",
      absolute: true,
    });
    expect(parseSiteUrl(`${site}?x=1`, site)).toEqual({ path: "/", query: "x=1", absolute: true });
  });
  it.each([
    // Each was accepted by one of the three former rules and refused by another.
    "/wiki/api/v2/pages#top",
    `${site}/wiki#top`,
    '/wiki/"x"',
    "/wiki/{x}",
    "/wiki/é",
    "/wiki/a|b",
    "/wiki?q=a b",
    "/wiki?q=<x>",
    `${site}/wiki/../ex/confluence/other`,
    `${site}/wiki/%2E./x`,
    `${site}\\evil.com`,
    `${site}/wiki\t/x`,
    "https://evil.example.com/wiki",
    `https://user:pass@${site.slice(8)}/wiki`,
    "ftp://example.atlassian.net/wiki",
    "javascript:alert(1)",
    "//evil.example.com/wiki",
  ])("refuses %j with a ConfluenceUrlError", (input) => {
    expect(() => parseSiteUrl(input, site)).toThrow(ConfluenceUrlError);
  });
  it("refuses absolute URLs when the site origin is not known", () => {
    expect(() => parseSiteUrl(`${site}/wiki`, undefined)).toThrow(/Refusing to send credentials/);
  });
  it("quotes the input without query values, fragment or userinfo", () => {
    for (const input of [
      "/wiki?access_token=s3cr3t&x=1#frag",
      "/wiki x?token=s3cr3t",
      "https://u:s3cr3t@evil.example.com/?a=s3cr3t",
      "/wiki#s3cr3t",
    ]) {
      const error = (() => {
        try {
          parseSiteUrl(input, site);
        } catch (caught) {
          return caught as ConfluenceUrlError;
        }
      })();
      expect(error).toBeInstanceOf(ConfluenceUrlError);
      expect(`${error?.message} ${error?.reason} ${JSON.stringify(error)}`).not.toContain("s3cr3t");
    }
  });
});

describe("parseLinkHeader", () => {
  it("reads Confluence's next and base links", () => {
    expect(
      parseLinkHeader(
        '</wiki/api/v2/pages?cursor=abc%3D&limit=2>; rel="next", <https://x.atlassian.net/wiki>; rel="base"',
      ),
    ).toEqual({
      next: "/wiki/api/v2/pages?cursor=abc%3D&limit=2",
      base: "https://x.atlassian.net/wiki",
    });
  });
  it("handles unquoted, multiple relations and absence", () => {
    expect(parseLinkHeader('<a>; rel=next, <b>; rel="prev last"')).toEqual({
      next: "a",
      prev: "b",
      last: "b",
    });
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader("garbage")).toEqual({});
  });
});

describe("paths the server receives", () => {
  let site: FakeSite;
  beforeAll(async () => {
    site = await startSite((_req, res) => json(res, 200, { ok: true }));
  });
  afterAll(() => site.close());

  it.each([
    ["../", "..%2F"],
    ["a?b=c", "a%3Fb%3Dc"],
    ["a#b", "a%23b"],
    ["100%", "100%25"],
    ["a/b", "a%2Fb"],
    ["ünï cødé", "%C3%BCn%C3%AF%20c%C3%B8d%C3%A9"],
    ["..", null],
    ["", null],
  ])("segment %j", async (segment, encoded) => {
    const { client } = clientFor(site);
    const before = site.received.length;
    const send = client.request({
      path: "/pages/{id}/properties/{property-id}",
      pathParams: { id: 7, "property-id": segment },
    });
    if (encoded === null) {
      await expect(send).rejects.toBeInstanceOf(ConfluenceValidationError);
      expect(site.received.length).toBe(before);
    } else {
      await send;
      expect(site.received.at(-1)?.url).toBe(`/wiki/api/v2/pages/7/properties/${encoded}`);
    }
    await client.close();
  });

  it("sends v1, site and query paths as expected", async () => {
    const { client } = clientFor(site);
    await client.request({
      api: "v1",
      path: "/content/{id}/child/attachment",
      pathParams: { id: "9" },
    });
    expect(site.received.at(-1)?.url).toBe("/wiki/rest/api/content/9/child/attachment");
    await client.request({
      api: "site",
      path: "/wiki/api/v2/spaces?keys=A",
      query: { limit: 3, ids: [1, 2] },
    });
    expect(site.received.at(-1)?.url).toBe("/wiki/api/v2/spaces?keys=A&limit=3&ids=1,2");
    await client.request({ api: "site", path: `${site.url}/wiki/api/v2/pages` });
    expect(site.received.at(-1)?.url).toBe("/wiki/api/v2/pages");
    await client.close();
  });

  it("refuses absolute URLs on another origin before sending credentials", async () => {
    const { client } = clientFor(site);
    const before = site.received.length;
    await expect(
      client.request({ api: "site", path: "https://evil.example.com/wiki/api/v2/pages" }),
    ).rejects.toThrow(/Refusing to send credentials to https:\/\/evil.example.com/);
    expect(site.received.length).toBe(before);
    await client.close();
  });
});

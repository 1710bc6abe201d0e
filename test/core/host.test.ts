import { describe, expect, it } from "vitest";
import { ConfluenceValidationError, normaliseHost } from "../../src/core/index.js";

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
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["http://127.3.4.5:1/wiki", "http://127.3.4.5:1"],
    ["http://localhost:3000/", "http://localhost:3000"],
    ["http://[::1]:9000", "http://[::1]:9000"],
    ["https://localhost", "https://localhost"],
  ])("accepts %j as %s", (input, origin) => {
    expect(normaliseHost(input).origin).toBe(origin);
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["http://example.atlassian.net", /http:\/\/ is only allowed for localhost/],
    ["http://128.0.0.1", /only allowed for localhost/],
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

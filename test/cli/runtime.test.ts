// The CLI builds its runtime from the environment (src/cli/runtime.ts): the runner's settings,
// and for tests a retry backoff override that keeps every retry but not the waits.
import { describe, expect, it } from "vitest";
import { runtimeFrom, TEST_RETRY_DELAY_ENV } from "../../src/cli/runtime.js";

describe("the CLI's runtime", () => {
  it("takes loopback consent and the Atlassian base from the environment", () => {
    const runtime = runtimeFrom({
      CONFLUENCE_ALLOW_LOOPBACK_HTTP: "1",
      CONFLUENCE_ATLASSIAN_API_URL: "http://127.0.0.1:1234",
    });
    expect(runtime.environment).toEqual({
      allowLoopbackHttp: true,
      atlassianBaseUrl: "http://127.0.0.1:1234",
    });
  });

  it(`backs off as the client does unless ${TEST_RETRY_DELAY_ENV} is a number of ms`, () => {
    expect(runtimeFrom({}).retry).toBeUndefined();
    expect(runtimeFrom({ [TEST_RETRY_DELAY_ENV]: "0" }).retry).toEqual({
      baseDelayMs: 0,
      maxDelayMs: 0,
    });
    expect(runtimeFrom({ [TEST_RETRY_DELAY_ENV]: " 20 " }).retry).toEqual({
      baseDelayMs: 20,
      maxDelayMs: 20,
    });
    for (const ignored of ["", "soon", "-1"]) {
      expect(runtimeFrom({ [TEST_RETRY_DELAY_ENV]: ignored }).retry).toBeUndefined();
    }
  });

  it("gives each command its own caches", () => {
    expect(runtimeFrom({}).clients).not.toBe(runtimeFrom({}).clients);
  });
});

// Many concurrent requests on one client must not pile abort listeners onto one shared signal:
// Node reports more than 10 as a MaxListenersExceededWarning, which users read as a leak.
import { afterEach, describe, expect, it } from "vitest";
import { basicAuth, createConfluenceClient, oauthAuth } from "../../src/core/index.js";
import { SITE_IDS } from "../../src/emulator/index.js";
import { CLIENT, mint } from "../oauth/support.js";
import { startTestEmulator } from "../support/emulator.js";
import { API_TOKEN, EMAIL, type FakeSite, json, startSite } from "./helpers/site.js";

let site: FakeSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const CONCURRENCY = 40;

/** Warnings Node emits while `run` is running (and the ticks right after it). */
async function warningsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const record = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on("warning", record);
  try {
    await run();
    // process.emitWarning reports on the next tick.
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off("warning", record);
  }
  return warnings;
}

describe("abort listeners under concurrency", () => {
  it.each([
    ["no signal at all", false, false],
    ["a client signal", true, false],
    ["a client signal and retries", true, true],
    ["retries without a signal", false, true],
  ])(
    `%s: ${CONCURRENCY} requests at once, no MaxListenersExceededWarning`,
    async (_name, withSignal, fail) => {
      const attempts = new Map<string, number>();
      site = await startSite(async (req, res) => {
        const seen = (attempts.get(req.url ?? "") ?? 0) + 1;
        attempts.set(req.url ?? "", seen);
        await new Promise((resolve) => setTimeout(resolve, 10));
        // With `fail`, every request's first attempt fails and waits before its retry.
        if (fail && seen === 1) json(res, 500, { message: "try again" });
        else json(res, 200, { ok: true });
      });
      const controller = new AbortController();
      const client = createConfluenceClient({
        host: site.url,
        auth: basicAuth({ email: EMAIL, apiToken: API_TOKEN }),
        allowLoopbackHttp: true,
        signal: withSignal ? controller.signal : undefined,
        retry: { baseDelayMs: 20, exponentialBackoff: false },
      });
      const warnings = await warningsDuring(() =>
        Promise.all(
          Array.from({ length: CONCURRENCY }, (_, index) =>
            client.request({ path: `/p/${index}` }),
          ),
        ),
      );
      expect(warnings).toEqual([]);
      expect(site.received).toHaveLength(fail ? 2 * CONCURRENCY : CONCURRENCY);
      await client.close();
    },
  );

  it(`an OAuth token refresh awaited by ${CONCURRENCY} requests at once, no warning`, async () => {
    const emulator = await startTestEmulator();
    const tokens = await mint(emulator.url);
    const client = createConfluenceClient({
      auth: oauthAuth({
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        clientId: CLIENT.clientId,
        clientSecret: CLIENT.clientSecret,
        // Due now, and no site lookup first: every request waits for the one refresh.
        expiresAt: Date.now(),
        cloudId: SITE_IDS.demo,
        atlassianBaseUrl: emulator.url,
      }),
      maxInFlight: CONCURRENCY,
    });
    try {
      const warnings = await warningsDuring(() =>
        Promise.all(Array.from({ length: CONCURRENCY }, () => client.request({ path: "/spaces" }))),
      );
      expect(warnings).toEqual([]);
    } finally {
      await client.close();
      await emulator.close();
    }
  });
});

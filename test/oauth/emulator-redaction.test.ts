// The emulator's own reports (request log and onExchange) never carry OAuth secrets: not the
// authorization code in the /authorize redirect, not the client secret, code or tokens of the
// /oauth/token exchange.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { EmulatorExchange, RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { CLIENT } from "./support.js";

let emulator: RunningEmulator;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ onExchange: (exchange) => exchanges.push(exchange) });
});
afterAll(() => emulator.close());

it("keeps the code, client secret and tokens out of onExchange and the request log", async () => {
  const authorize = new URL("/authorize", emulator.url);
  authorize.search = new URLSearchParams({
    audience: "api.atlassian.com",
    client_id: CLIENT.clientId,
    scope: "read:space:confluence offline_access",
    redirect_uri: CLIENT.redirectUri,
    state: "s1",
    response_type: "code",
    prompt: "consent",
  }).toString();
  const redirect = await fetch(authorize, { redirect: "manual" });
  const code = new URL(redirect.headers.get("location") ?? "").searchParams.get("code") ?? "";
  expect(code).not.toBe("");
  const tokenResponse = await fetch(`${emulator.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      grant_type: "authorization_code",
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      code,
      redirect_uri: CLIENT.redirectUri,
    }),
  });
  const tokens = (await tokenResponse.json()) as { access_token: string; refresh_token: string };
  expect(tokens.access_token).toBeTruthy();
  const log = await (await fetch(`${emulator.url}/__emulator/requests`)).text();
  const requestsSide = JSON.stringify(exchanges.map(({ responseBody, ...rest }) => rest));
  for (const secret of [code, CLIENT.clientSecret]) {
    expect(log).not.toContain(secret);
    expect(requestsSide).not.toContain(secret);
  }
  // The token response body is the one place tokens legitimately travel, to the caller.
  expect(log).not.toContain(tokens.refresh_token);
});

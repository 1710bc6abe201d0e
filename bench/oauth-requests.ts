// OAuth 2.0 workload: HTTP requests per action after warm-up, counted from the emulator's
// request log (GET /__emulator/requests). Target for our client: exactly 1 (the token and the
// cloud id are cached; peers that look up accessible-resources per call send 2).
// The token pair comes from the emulator's admin endpoint (POST /__emulator/oauth/tokens), so
// no browser consent is needed. confluence.js's OAuth mode cannot be pointed at the emulator
// (it hard-codes auth.atlassian.com / api.atlassian.com), so only our client is measured here.
import { core } from "./library.js";

const { createConfluenceClient, oauthAuth } = core;

import type { Site } from "./contenders.js";

const ACTIONS = 50;

export async function oauthWorkload(site: Site, pageId: string): Promise<string> {
  try {
    const minted = await fetch(`${site.url}/__emulator/oauth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    if (!minted.ok) return `Not measured: the emulator did not mint a token (${minted.status}).`;
    const tokens = (await minted.json()) as { access_token: string; refresh_token?: string };
    const client = createConfluenceClient({
      auth: oauthAuth({
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        clientId: "demo-client-id",
        clientSecret: "demo-client-secret",
        atlassianBaseUrl: site.url,
      }),
    });
    const lastSeq = async () =>
      ((await (await fetch(`${site.url}/__emulator/requests`)).json()) as { lastSeq: number })
        .lastSeq;
    const get = () => client.request({ path: "/pages/{id}", pathParams: { id: pageId } });
    const before = await lastSeq();
    await get(); // warm-up: site lookup (accessible-resources) + the request
    const warm = await lastSeq();
    for (let i = 0; i < ACTIONS; i++) await get();
    const after = await lastSeq();
    await client.close();
    const perAction = (after - warm) / ACTIONS;
    return [
      "| Client | Requests for the first action (warm-up) | Requests per action after warm-up |",
      "|---|---|---|",
      `| ours (oauthAuth, ${ACTIONS} × GET /pages/{id} through the gateway) | ${warm - before} | **${perAction.toFixed(2)}** (target: 1) |`,
      "| confluence.js 3.2.0 | not measured: its OAuth endpoints cannot be redirected to the emulator | – |",
    ].join("\n");
  } catch (error) {
    return `Not measured: ${(error as Error).message}`;
  }
}

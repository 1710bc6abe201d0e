// Shared helpers of the OAuth suites: the emulator as Atlassian's identity service and gateway,
// its request log, and minting tokens through its admin endpoint.
import { afterAll, beforeAll } from "vitest";
import type { ConfluenceClient } from "../../src/core/index.js";
import { DEFAULT_OAUTH_CLIENT } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import type { LoggedRequest } from "../support/emulator-requests.js";

export const CLIENT = {
  clientId: DEFAULT_OAUTH_CLIENT.clientId,
  clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
  redirectUri: "http://localhost:3000/callback",
};

/** Every scope the catalog actions need (v2 granular scopes + v1 upload's granular set). */
export const ALL_SCOPES = [
  "offline_access",
  "read:space:confluence",
  "read:page:confluence",
  "write:page:confluence",
  "delete:page:confluence",
  "read:attachment:confluence",
  "write:attachment:confluence",
  "delete:attachment:confluence",
  "read:custom-content:confluence",
  "write:custom-content:confluence",
  "delete:custom-content:confluence",
  "read:content-details:confluence",
  // Labels (v1 writes and lookup), spaces (create, delete and its long task), users.
  "read:label:confluence",
  "write:label:confluence",
  "read:content:confluence",
  "write:space:confluence",
  "delete:space:confluence",
  "read:content.metadata:confluence",
  "read:user:confluence",
  // The actions beyond the specification: page tree, comments, v1 version restore.
  "read:hierarchical-content:confluence",
  "read:comment:confluence",
  "write:comment:confluence",
  "delete:comment:confluence",
  "write:content:confluence",
];

export { lastSeq, requestsSince } from "../support/emulator-requests.js";

export interface Minted {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

export async function mint(
  url: string,
  body: { scopes?: string[]; sites?: string[]; expiresInSeconds?: number; email?: string } = {},
): Promise<Minted> {
  const response = await fetch(`${url}/__emulator/oauth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scopes: ALL_SCOPES, ...body }),
  });
  return (await response.json()) as Minted;
}

export function isRefresh(entry: LoggedRequest): boolean {
  return (
    entry.method === "POST" &&
    entry.path === "/oauth/token" &&
    (entry.body as { grant_type?: string } | undefined)?.grant_type === "refresh_token"
  );
}

/** Collects every string a logger or error may expose, to sweep for secrets. */
export class Capture {
  readonly lines: string[] = [];
  readonly logger = {
    debug: (m: string, meta?: unknown) => this.push(m, meta),
    info: (m: string, meta?: unknown) => this.push(m, meta),
    warn: (m: string, meta?: unknown) => this.push(m, meta),
    error: (m: string, meta?: unknown) => this.push(m, meta),
  };

  push(message: string, meta?: unknown): void {
    this.lines.push(message, JSON.stringify(meta ?? null));
  }

  error(error: unknown): void {
    if (error instanceof Error) {
      this.lines.push(error.message, String(error.stack), JSON.stringify(error));
    } else this.lines.push(String(error));
  }

  leaks(secrets: readonly (string | undefined)[]): string[] {
    const text = this.lines.join("\n");
    return secrets.filter(
      (s): s is string => typeof s === "string" && s.length > 0 && text.includes(s),
    );
  }
}

/**
 * Starts the emulator for the suite (as identity service and gateway), reports its URL through
 * `onStart`, and returns `track`: clients passed to it are closed with the emulator after the
 * suite.
 */
export function useGatewayEmulator(
  onStart: (url: string) => void,
): <T extends ConfluenceClient>(client: T) => T {
  const clients: ConfluenceClient[] = [];
  let close = async () => {};
  beforeAll(async () => {
    const emulator = await startTestEmulator();
    onStart(emulator.url);
    close = emulator.close;
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await close();
  });
  return (client) => {
    clients.push(client);
    return client;
  };
}

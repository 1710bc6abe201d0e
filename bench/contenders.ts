// The three contenders, behind one small interface so every workload runs the same exchanges:
// - ours: the core client as built into dist/lib (bench/library.ts), as the catalog uses it;
// - confluence.js 3.x through its public v2 API (createV2Client, Basic auth; transport: fetch);
// - raw undici: `request()` on a keep-alive Agent, the least work Node can do for the same
//   exchange (it still parses the JSON, as any caller must).
import { existsSync } from "node:fs";
import { Agent, request } from "undici";
import { core } from "./library.js";

const { basicAuth, createConfluenceClient } = core;

export type ContenderName = "ours" | "confluence.js" | "undici";
export const CONTENDERS: readonly ContenderName[] = ["ours", "confluence.js", "undici"];

export interface Site {
  url: string;
  credentials: { email: string; apiToken: string };
}

export interface Contender {
  name: ContenderName;
  getPage(id: string): Promise<unknown>;
  /** POST /pages then DELETE /pages/{id}: one write pair. */
  createAndDelete(spaceId: string, title: string): Promise<void>;
  /**
   * Every page of a space, 250 a request (getPagesInSpace's maximum). `keep` collects them in
   * an array (what "list all" callers do); otherwise each item is looked at and dropped.
   */
  listSpace(spaceId: string, keep: boolean): Promise<{ items: number; kept: unknown[] }>;
  close(): Promise<void>;
}

/** Requests in flight in the concurrent workload; every contender gets this many sockets. */
export const IN_FLIGHT = 16;
const PAGE_SIZE = 250;

const newPage = (spaceId: string, title: string) => ({
  spaceId,
  status: "current",
  title,
  body: { representation: "storage", value: "<p>Bench page</p>" },
});

function ours(site: Site): Contender {
  const client = createConfluenceClient({
    host: site.url,
    auth: basicAuth(site.credentials),
    allowLoopbackHttp: true,
    maxInFlight: IN_FLIGHT,
  });
  return {
    name: "ours",
    getPage: async (id) => (await client.request({ path: "/pages/{id}", pathParams: { id } })).data,
    async createAndDelete(spaceId, title) {
      const created = await client.request<{ id: string }>({
        method: "POST",
        path: "/pages",
        body: newPage(spaceId, title),
      });
      await client.request({
        method: "DELETE",
        path: "/pages/{id}",
        pathParams: { id: created.data.id },
      });
    },
    async listSpace(spaceId, keep) {
      const kept: unknown[] = [];
      let items = 0;
      for await (const page of client.paginate("/spaces/{id}/pages", {
        pathParams: { id: spaceId },
        limit: PAGE_SIZE,
      })) {
        items++;
        if (keep) kept.push(page);
      }
      return { items, kept };
    },
    close: () => client.close(),
  };
}

/** The `cursor` of a v2 `_links.next` (confluence.js has no paginator: callers loop). */
function cursorOf(next: string | undefined): string | undefined {
  if (next === undefined) return undefined;
  return new URLSearchParams(next.split("?")[1] ?? "").get("cursor") ?? undefined;
}

// confluence.js is installed by `npm run bench` into bench/peers (its own package and lockfile),
// not as a dependency of ours: 3.x declares Node >= 22 and would make every `npm install` of
// this package warn EBADENGINE on Node 20. The surface used here is typed locally.
interface ConfluenceJsPage {
  id: string;
}
interface ConfluenceJsList {
  results?: unknown[];
  _links?: { next?: string };
}
interface ConfluenceJsModule {
  createV2Client(config: {
    host: string;
    auth: { type: "basic"; email: string; apiToken: string };
  }): {
    page: {
      getPageById(params: { id: number }): Promise<unknown>;
      createPage(params: { body: unknown }): Promise<ConfluenceJsPage>;
      deletePage(params: { id: number }): Promise<unknown>;
      getPagesInSpace(params: {
        id: number;
        limit: number;
        cursor: string | undefined;
      }): Promise<ConfluenceJsList>;
    };
  };
}

const PEERS = new URL("./peers/", import.meta.url);

async function loadConfluenceJs(): Promise<ConfluenceJsModule> {
  // A re-export beside bench/peers/node_modules, so that Node resolves the package there.
  const entry = new URL("confluence-js.mjs", PEERS).href;
  return (await import(entry)) as ConfluenceJsModule;
}

async function confluenceJs(site: Site): Promise<Contender> {
  const { createV2Client } = await loadConfluenceJs();
  const client = createV2Client({
    host: site.url,
    auth: { type: "basic", email: site.credentials.email, apiToken: site.credentials.apiToken },
  });
  return {
    name: "confluence.js",
    getPage: (id) => client.page.getPageById({ id: Number(id) }),
    async createAndDelete(spaceId, title) {
      const created = await client.page.createPage({ body: newPage(spaceId, title) });
      await client.page.deletePage({ id: Number(created.id) });
    },
    async listSpace(spaceId, keep) {
      const kept: unknown[] = [];
      let items = 0;
      let cursor: string | undefined;
      do {
        const page = await client.page.getPagesInSpace({
          id: Number(spaceId),
          limit: PAGE_SIZE,
          cursor,
        });
        items += page.results?.length ?? 0;
        if (keep) kept.push(...(page.results ?? []));
        cursor = cursorOf(page._links?.next);
      } while (cursor !== undefined);
      return { items, kept };
    },
    close: async () => {},
  };
}

function rawUndici(site: Site): Contender {
  const agent = new Agent({ connections: IN_FLIGHT });
  const { email, apiToken } = site.credentials;
  const authorization = `Basic ${Buffer.from(`${email}:${apiToken}`).toString("base64")}`;
  const headers = { authorization, accept: "application/json" };
  const json = async (url: string, method: "GET" | "POST" | "DELETE" = "GET", body?: unknown) => {
    const response = await request(url, {
      dispatcher: agent,
      method,
      headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode}`);
    if (response.statusCode === 204) {
      await response.body.dump();
      return undefined;
    }
    return response.body.json();
  };
  const v2 = `${site.url}/wiki/api/v2`;
  return {
    name: "undici",
    getPage: (id) => json(`${v2}/pages/${encodeURIComponent(id)}`),
    async createAndDelete(spaceId, title) {
      const created = (await json(`${v2}/pages`, "POST", newPage(spaceId, title))) as {
        id: string;
      };
      await json(`${v2}/pages/${created.id}`, "DELETE");
    },
    async listSpace(spaceId, keep) {
      const kept: unknown[] = [];
      let items = 0;
      let next: string | undefined = `/wiki/api/v2/spaces/${spaceId}/pages?limit=${PAGE_SIZE}`;
      while (next !== undefined) {
        const page = (await json(`${site.url}${next}`)) as {
          results: unknown[];
          _links?: { next?: string };
        };
        items += page.results.length;
        if (keep) kept.push(...page.results);
        next = page._links?.next;
      }
      return { items, kept };
    },
    close: () => agent.close(),
  };
}

/** confluence.js 3.x declares Node >= 22; it is skipped (with a message) where it cannot run. */
export function contenderSkipReason(name: ContenderName): string | undefined {
  if (name !== "confluence.js") return undefined;
  if (!existsSync(new URL("node_modules/confluence.js/package.json", PEERS))) {
    return "confluence.js is not installed in bench/peers (npm run bench installs it)";
  }
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 20) return `confluence.js 3.x needs Node >= 20 in practice (>= 22 declared)`;
  return undefined;
}

export async function createContender(name: ContenderName, site: Site): Promise<Contender> {
  if (name === "ours") return ours(site);
  if (name === "confluence.js") return confluenceJs(site);
  return rawUndici(site);
}

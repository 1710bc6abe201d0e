// Helpers of the trigger suites: polls through the component as Prismatic runs them (the state
// kept in the instance state between polls), and page writes straight to the emulator.
import { testing } from "@prismatic-io/spectral";
import component from "../../src/component/index.js";

export interface Poll {
  events: Record<string, unknown>[];
  polledNoChanges: boolean;
}

/** One flow's polling trigger: each `poll()` is one scheduled run, state carried over. */
export function pollingFlow(url: string, key: string, params: Record<string, unknown> = {}) {
  const harness = testing.createHarness(component);
  const instanceState: Record<string, unknown> = {};
  const connection = {
    key: "basic",
    configVarKey: "",
    fields: { email: "demo@example.com", apiToken: "demo-token", host: url },
  };
  return {
    instanceState,
    /** The saved polling state (what Prismatic stores between runs). */
    state: () =>
      (instanceState.__prismaticInternal as { polling?: Record<string, unknown> } | undefined)
        ?.polling,
    async poll(): Promise<Poll> {
      const result = (await harness.trigger(key, {}, { connection, ...params }, {
        instanceState,
      } as never)) as {
        payload: { body: { data: Record<string, unknown>[] } };
        resultType?: string;
      };
      return {
        events: result.payload.body.data,
        polledNoChanges: result.resultType === "polled_no_changes",
      };
    },
  };
}

const AUTH = `Basic ${Buffer.from("demo@example.com:demo-token").toString("base64")}`;

/** A JSON call to the emulator as the demo user; throws on a non-2xx answer. */
export async function call<T>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: AUTH, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface PageWire {
  id: string;
  title: string;
  version: { number: number };
}

export function createPage(url: string, spaceId: string, title: string): Promise<PageWire> {
  return call(url, "POST", "/wiki/api/v2/pages", {
    spaceId,
    status: "current",
    title,
    body: { representation: "storage", value: `<p>${title}</p>` },
  });
}

/** A new version of the page (its title gets a suffix so each edit differs). */
export async function editPage(url: string, id: string): Promise<PageWire> {
  const page = await call<PageWire>(url, "GET", `/wiki/api/v2/pages/${id}`);
  const next = page.version.number + 1;
  return call(url, "PUT", `/wiki/api/v2/pages/${id}`, {
    id,
    status: "current",
    title: `${page.title.replace(/ \(v\d+\)$/, "")} (v${next})`,
    body: { representation: "storage", value: `<p>v${next}</p>` },
    version: { number: next },
  });
}

/** `id@version` of a delivered search result. */
export function eventKey(event: Record<string, unknown>): string {
  const content = event.content as { id: string; version?: { number: number } };
  return `${content.id}@${content.version?.number}`;
}

// The component's overhead: the built Prismatic component (dist/index.js, through spectral's
// createHarness, as the platform would invoke it) running "getPage" versus the bare core client
// sending the same GET /pages/{id}. Component actions share one client per connection
// (src/catalog/client-factory.ts), so after the first call the difference is input parsing,
// the cache lookup (a SHA-256 of the connection) and spectral's wrapper.
import { createRequire } from "node:module";
import { core } from "./library.js";

const { basicAuth, createConfluenceClient } = core;

import type { Site } from "./contenders.js";

type Harness = {
  action(key: string, params: Record<string, unknown>, context?: unknown): Promise<unknown>;
};

export interface ComponentRunner {
  viaComponent(n: number): Promise<number>;
  viaClient(n: number): Promise<number>;
  close(): Promise<void>;
}

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** undefined (with the reason) when dist/index.js has not been built. */
export async function componentRunner(
  site: Site,
  pageId: string,
): Promise<ComponentRunner | string> {
  const require = createRequire(import.meta.url);
  let component: unknown;
  try {
    const loaded = require("../dist/index.js") as { default?: unknown };
    component = loaded.default ?? loaded;
  } catch (error) {
    return `dist/index.js could not be loaded (${(error as Error).message.split("\n")[0]}); run npm run build`;
  }
  const { testing } = (await import("@prismatic-io/spectral")) as unknown as {
    testing: { createHarness(component: unknown): Harness };
  };
  const harness = testing.createHarness(component);
  // The component accepts the loopback emulator only with the runner's consent.
  process.env.CONFLUENCE_ALLOW_LOOPBACK_HTTP = "1";
  const connection = {
    key: "basic",
    configVarKey: "",
    fields: { ...site.credentials, host: site.url },
  };
  const client = createConfluenceClient({
    host: site.url,
    auth: basicAuth(site.credentials),
    allowLoopbackHttp: true,
  });
  const rate = async (n: number, once: () => Promise<unknown>) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await once();
    return n / ((performance.now() - started) / 1000);
  };
  return {
    viaComponent: (n) =>
      rate(n, () => harness.action("getPage", { connection, pageId }, { logger: silent })),
    viaClient: (n) =>
      rate(n, () => client.request({ path: "/pages/{id}", pathParams: { id: pageId } })),
    close: () => client.close(),
  };
}

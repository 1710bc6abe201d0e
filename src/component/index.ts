// The Prismatic component: everything generated from the catalog. `npm run build` bundles this
// file to dist/index.js (CommonJS), which `prism components:publish` uploads with dist/icon.png.
import { component } from "@prismatic-io/spectral";
import { COMPONENT_DESCRIPTION } from "../catalog/description.js";
import {
  actions,
  connections,
  createRuntime,
  dataSources,
  environmentFrom,
  triggers,
} from "../catalog/index.js";
import { toComponentError } from "./errors.js";
import { toAction, toConnection } from "./from-catalog.js";
import { toDataSource, toTrigger } from "./from-sources.js";

// The component's runtime (src/catalog/runtime.ts): its client cache, site cache, clock and
// retry policy. Spectral gives a component no per-instance object to hold live state: an
// action's `context` carries the logger, key/value stores persisted as JSON (instanceState,
// crossFlowState, executionState) and metadata, and `component()` takes no factory. So the
// runtime lives as long as this loaded module: built here, by the adapter, once per load, and
// shared by the invocations the runner performs with that load, which reuse each connection's
// keep-alive sockets and resolved OAuth site. A fresh load starts with empty caches, as before.
const runtime = createRuntime();

// The runner's environment, read per invocation as before the runtime existed: the operator's
// settings, not the connection's (CONFLUENCE_ALLOW_LOOPBACK_HTTP, CONFLUENCE_ATLASSIAN_API_URL).
const invocationRuntime = () => runtime.withEnvironment(environmentFrom(process.env));

export default component({
  key: "confluence",
  // `public` marks Prismatic's own components; a component a customer publishes is private to
  // their organisation.
  public: false,
  documentationUrl: "https://prismatic.io/docs/components/confluence/",
  display: {
    label: "Confluence",
    description: COMPONENT_DESCRIPTION,
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  actions: Object.fromEntries(
    Object.entries(actions).map(([key, def]) => [key, toAction(def, invocationRuntime)]),
  ),
  triggers: Object.fromEntries(
    Object.entries(triggers).map(([key, def]) => [key, toTrigger(def, invocationRuntime)]),
  ),
  dataSources: Object.fromEntries(
    Object.entries(dataSources).map(([key, def]) => [key, toDataSource(def, invocationRuntime)]),
  ),
  connections: connections.map(toConnection),
  hooks: { error: toComponentError },
});

// The Prismatic component: everything generated from the catalog. `npm run build` bundles this
// file to dist/index.js (CommonJS), which `prism components:publish` uploads with dist/icon.png.
import { component } from "@prismatic-io/spectral";
import { COMPONENT_DESCRIPTION } from "../catalog/description.js";
import { actions, connections, dataSources, triggers } from "../catalog/index.js";
import { toComponentError } from "./errors.js";
import { toAction, toConnection } from "./from-catalog.js";
import { toDataSource, toTrigger } from "./from-sources.js";

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
  actions: Object.fromEntries(Object.entries(actions).map(([key, def]) => [key, toAction(def)])),
  triggers: Object.fromEntries(Object.entries(triggers).map(([key, def]) => [key, toTrigger(def)])),
  dataSources: Object.fromEntries(
    Object.entries(dataSources).map(([key, def]) => [key, toDataSource(def)]),
  ),
  connections: connections.map(toConnection),
  hooks: { error: toComponentError },
});

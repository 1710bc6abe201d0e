// The spec operation behind each of the connector's actions, derived from the catalog: every
// action declares its `endpoint` ("POST /pages", a v2 path template), which the validator's
// OpenAPI router resolves to an operationId, so a new action cannot be forgotten here. The
// coverage report and the demo-scenario test use it to show which of them the run exercised.
import { actions } from "../../src/catalog/index.js";
import { classifyPath } from "./classify.js";
import type { LoadedSpec } from "./spec.js";
import type { SpecName } from "./spec-location.js";

export interface ConnectorOperation {
  /** The action's label. */
  action: string;
  /** `v2:<operationId>`, or a non-REST category ("graphql"; "any" for Raw Request). */
  target: string;
}

// Catalog endpoints are v2 templates relative to /wiki/api/v2, except v1 operations
// (`/wiki/rest/api/...`, whose spec paths carry that root) and the two raw actions, which name a
// site path (`/wiki/...`, `/gateway/api/graphql`).
const V2_ROOT = "/wiki/api/v2";

const sameTemplate = (a: string, b: string) =>
  a.replace(/\{[^}]*\}/g, "{}") === b.replace(/\{[^}]*\}/g, "{}");

function targetOf(endpoint: string, specs: Record<SpecName, LoadedSpec>): string {
  const [method = "", template = ""] = endpoint.split(" ");
  if (method === "ANY") return "any";
  const sitePath = /^\/(wiki|gateway)\//.test(template) ? template : `${V2_ROOT}${template}`;
  const classification = classifyPath(sitePath);
  if (classification.kind === "skipped") return classification.category;
  if (classification.kind === "unknown") throw new Error(`${endpoint}: ${classification.reason}`);
  const spec = specs[classification.spec];
  const operation = spec.api.matchOperation({
    method: method.toLowerCase(),
    path: classification.sitePath,
    headers: {},
    query: {},
  });
  const id = operation?.operationId;
  const declared = id === undefined ? undefined : spec.operations.get(id);
  // The router matches `{id}` as a value; insist it landed on the very template declared.
  const declaredSitePath = spec.name === "v2" ? `${V2_ROOT}${declared?.path}` : declared?.path;
  if (id === undefined || !declared || !sameTemplate(declaredSitePath ?? "", sitePath)) {
    throw new Error(`catalog endpoint "${endpoint}" is no operation of the ${spec.name} spec`);
  }
  return `${spec.name}:${id}`;
}

/** One entry per catalog action, by label. Throws on an endpoint the specs do not declare. */
export function connectorOperations(specs: Record<SpecName, LoadedSpec>): ConnectorOperation[] {
  return Object.values(actions).map((action) => ({
    action: action.label,
    target: targetOf(action.endpoint, specs),
  }));
}

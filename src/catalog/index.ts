// The catalog: the specification's 2 connections and 29 actions as data. Adapters (the
// Prismatic component, the docs generator, the CLI) iterate these; nothing here knows them.

export { actions } from "./actions/index.js";
export {
  BASIC_CONNECTION_KEY,
  basicConnection,
  connections,
  OAUTH2_CONNECTION_KEY,
  oauth2Connection,
} from "./connections.js";
export { dataSources } from "./data-sources/index.js";
export {
  type ConnectorEnvironment,
  DEFAULT_ENVIRONMENT,
  environmentFrom,
} from "./environment.js";
export { InputError } from "./input-error.js";
export {
  type ActionKind,
  actionInputSchema,
  actionKind,
  endpointMethod,
  inputSchema,
  type JsonSchema,
  type ObjectSchema,
} from "./json-schema.js";
export type { ListOutput } from "./request.js";
export { parseInputs, runAction } from "./run.js";
export { runDataSource, runTrigger } from "./run-sources.js";
export { type ConnectorRuntime, createRuntime, type RuntimeOptions } from "./runtime.js";
export type * from "./source-types.js";
export { triggers } from "./triggers/index.js";
export type * from "./types.js";

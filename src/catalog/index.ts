// The catalog: the specification's 2 connections and 29 actions as data. Adapters (the
// Prismatic component, the docs generator, the CLI) iterate these; nothing here knows them.
import * as attachments from "./actions/attachments.js";
import * as pages from "./actions/pages.js";
import { propertyActions } from "./actions/properties.js";
import * as raw from "./actions/raw.js";
import * as spaces from "./actions/spaces.js";
import type { ActionDef } from "./types.js";

export {
  BASIC_CONNECTION_KEY,
  basicConnection,
  connections,
  OAUTH2_CONNECTION_KEY,
  oauth2Connection,
} from "./connections.js";
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
export type * from "./types.js";

const all: readonly ActionDef[] = [
  pages.createPage,
  pages.getPage,
  pages.updatePage,
  pages.deletePage,
  pages.listPages,
  pages.listPagesInSpace,
  spaces.listSpaces,
  spaces.getSpace,
  attachments.listAttachments,
  attachments.getAttachment,
  attachments.deleteAttachment,
  attachments.getPageAttachment,
  ...propertyActions,
  raw.rawRequest,
  raw.graphqlRequest,
] as ActionDef[];

/** Every action by key. */
export const actions: Readonly<Record<string, ActionDef>> = Object.fromEntries(
  all.map((action) => [action.key, action]),
);

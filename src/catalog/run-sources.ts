// Runs data sources and polling triggers like runAction runs actions: every input parsed and
// validated first (a bad one is named, nothing is sent), then one client for the invocation.
// The client comes from `invocationClient`, the one place these two reach the client factory.
import { connectClient } from "./client-factory.js";
import { InputError, InvalidValue } from "./input-error.js";
import { parseInputs } from "./run.js";
import type { ConnectorRuntime } from "./runtime.js";
import type {
  DataSourceDef,
  PicklistItem,
  PollResult,
  PollState,
  TriggerDef,
} from "./source-types.js";
import type { ActionDef, ActionLogger, ConnectionValue, RunContext } from "./types.js";
import { assemble } from "./wire.js";

type Definition = DataSourceDef | TriggerDef;

async function withInvocation<T>(
  def: Definition,
  raw: Readonly<Record<string, unknown>>,
  logger: ActionLogger,
  runtime: ConnectorRuntime,
  body: (parsed: Record<string, unknown>, ctx: RunContext) => Promise<T>,
): Promise<T> {
  // parseInputs reads only `inputs` (and names the bad one by its label).
  const parsed = parseInputs(def as unknown as ActionDef, raw);
  const debug = parsed.debugRequest === true;
  const { client, siteOrigin } = connectClient(
    parsed.connection as ConnectionValue,
    logger,
    debug,
    runtime,
  );
  try {
    return await body(parsed, {
      client,
      logger,
      debug,
      siteOrigin,
      endpoint: def.endpoints[0] ?? "",
      request: assemble(def.inputs, parsed),
      clock: runtime.clock,
    });
  } catch (error) {
    if (error instanceof InvalidValue) throw new InputError(def.label, error.message);
    throw error;
  } finally {
    await client.close();
  }
}

export function runDataSource(
  def: DataSourceDef,
  raw: Readonly<Record<string, unknown>>,
  logger: ActionLogger,
  runtime: ConnectorRuntime,
): Promise<PicklistItem[]> {
  return withInvocation(def, raw, logger, runtime, (parsed, ctx) => def.run(parsed as never, ctx));
}

export function runTrigger(
  def: TriggerDef,
  raw: Readonly<Record<string, unknown>>,
  state: PollState | undefined,
  logger: ActionLogger,
  runtime: ConnectorRuntime,
): Promise<PollResult> {
  return withInvocation(def, raw, logger, runtime, (parsed, ctx) =>
    def.poll(parsed as never, ctx, state),
  );
}

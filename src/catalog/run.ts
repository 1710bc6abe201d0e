// Runs a catalog action: parse and validate every input (naming the bad one by its label),
// only then build the client and call Confluence. Platform adapters call this.
import { connectClient } from "./client-factory.js";
import { convertInputs, convertOutput } from "./conversions.js";
import { InputError, InvalidValue } from "./input-error.js";
import { runDeclared } from "./request.js";
import type { ConnectorRuntime } from "./runtime.js";
import type { ActionDef, ActionLogger, ActionOutput, ConnectionValue, InputDefs } from "./types.js";
import { assemble } from "./wire.js";

export function parseInputs(def: ActionDef, raw: Readonly<Record<string, unknown>>) {
  const parsed: Record<string, unknown> = {};
  for (const [key, input] of Object.entries(def.inputs as InputDefs)) {
    try {
      parsed[key] = input.parse(raw[key]);
    } catch (error) {
      if (error instanceof InvalidValue) throw new InputError(input.label, error.message);
      throw error;
    }
  }
  return parsed;
}

export async function runAction(
  def: ActionDef,
  raw: Readonly<Record<string, unknown>>,
  logger: ActionLogger,
  // The adapter's runtime: shared clients and site cache, clock, retry policy, and what the
  // process running the action allows (loopback hosts, Atlassian endpoints elsewhere).
  runtime: ConnectorRuntime,
): Promise<ActionOutput> {
  const parsed = parseInputs(def, raw);
  // Declared conversions (a Markdown body to storage...) happen before any client exists.
  const request = await convertInputs(def, parsed);
  const debug = parsed.debugRequest === true;
  // The client is shared with other invocations of the same connection (the runtime's cache):
  // closing this invocation's view releases its lease and leaves the shared client open for
  // them; idle sockets do not hold the process.
  const { client, siteOrigin } = connectClient(
    parsed.connection as ConnectionValue,
    logger,
    debug,
    runtime,
  );
  let output: ActionOutput;
  try {
    const ctx = {
      client,
      logger,
      debug,
      siteOrigin,
      endpoint: def.endpoint,
      request: assemble(def.inputs, request),
      clock: runtime.clock,
    };
    // Actions that only place inputs on the wire have no `run` of their own.
    output = await (def.run === undefined
      ? runDeclared(def, request, ctx)
      : def.run(request as never, ctx));
  } catch (error) {
    if (error instanceof InvalidValue) throw new InputError(def.label, error.message);
    throw error;
  } finally {
    await client.close();
  }
  // After the lease is given back: converting a large body takes a while.
  return convertOutput(def, parsed, output);
}

// The inputs' declared conversions (`InputDef.convert`, e.g. Markdown bodies), applied by the
// runner: `request` before anything is sent (the request is assembled from, and `run` reads,
// what it returns), `output` on the action's result with the value the caller gave.
import type { ActionDef, ActionOutput, InputDefs } from "./types.js";

export async function convertInputs(
  def: ActionDef,
  parsed: Readonly<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const converted: Record<string, unknown> = { ...parsed };
  for (const [key, input] of Object.entries(def.inputs as InputDefs)) {
    if (input.convert?.request) converted[key] = await input.convert.request(parsed[key]);
  }
  return converted;
}

export async function convertOutput(
  def: ActionDef,
  parsed: Readonly<Record<string, unknown>>,
  output: ActionOutput,
): Promise<ActionOutput> {
  let result = output;
  for (const [key, input] of Object.entries(def.inputs as InputDefs)) {
    if (input.convert?.output) result = await input.convert.output(parsed[key], result);
  }
  return result;
}

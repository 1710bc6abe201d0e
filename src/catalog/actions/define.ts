// `defineAction` only exists to infer each action's input types for its `run`.
import type { ActionDef, InputDefs } from "../types.js";

export function defineAction<I extends InputDefs>(def: ActionDef<I>): ActionDef<I> {
  return def;
}

// Data sources (configuration pickers) and polling triggers as data, beside the actions
// (types.ts). Nothing here knows spectral; src/component/from-catalog.ts translates them.
import type { InputDefs, ParsedInputs, RunContext } from "./types.js";

/** One choice of a picker: what the user sees (`label`) and the value it stands for (`key`). */
export interface PicklistItem {
  readonly label: string;
  readonly key: string;
}

export interface DataSourceDef<I extends InputDefs = InputDefs> {
  /** Stable camelCase key. */
  readonly key: string;
  readonly label: string;
  readonly description: string;
  /** The Confluence operations it calls, for the docs (`GET /spaces`). */
  readonly endpoints: readonly string[];
  readonly inputs: I;
  run(input: ParsedInputs<I>, ctx: RunContext): Promise<PicklistItem[]>;
}

/** What a trigger keeps between polls: plain JSON, small (see triggers/poller.ts). */
export type PollState = Readonly<Record<string, unknown>>;

/** One poll's outcome: the events to deliver (oldest first) and the state for the next poll. */
export interface PollResult {
  readonly events: readonly unknown[];
  readonly state: PollState;
  /** True on the first poll, which records where "now" is and delivers nothing. */
  readonly baseline: boolean;
}

export interface TriggerDef<I extends InputDefs = InputDefs> {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly endpoints: readonly string[];
  readonly inputs: I;
  /** `state` is what the previous poll returned, or undefined on the first poll. */
  poll(input: ParsedInputs<I>, ctx: RunContext, state: PollState | undefined): Promise<PollResult>;
}

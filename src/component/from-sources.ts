// Catalog data sources and polling triggers → spectral, like from-catalog.ts does for actions.
import {
  type ConfigVarResultCollection,
  type DataSourceDefinition,
  dataSource,
  type Inputs,
  type PollingTriggerDefinition,
  pollingTrigger,
} from "@prismatic-io/spectral";
import {
  type ConnectorRuntime,
  type DataSourceDef,
  type PollState,
  runDataSource,
  runTrigger,
  type TriggerDef,
} from "../catalog/index.js";
import { toInput } from "./from-catalog.js";

function toInputs(def: DataSourceDef | TriggerDef): Inputs {
  return Object.fromEntries(
    Object.entries(def.inputs).map(([key, value]) => [key, toInput(value)]),
  ) as Inputs;
}

export function toDataSource(
  def: DataSourceDef,
  runtime: () => ConnectorRuntime,
): DataSourceDefinition<Inputs, ConfigVarResultCollection, "picklist"> {
  return dataSource({
    display: { label: def.label, description: def.description },
    dataSourceType: "picklist",
    inputs: toInputs(def),
    perform: async (context, params) => {
      const result = await runDataSource(
        def,
        params as Record<string, unknown>,
        context.logger,
        runtime(),
      );
      return { result };
    },
  });
}

export function toTrigger(
  def: TriggerDef,
  runtime: () => ConnectorRuntime,
): PollingTriggerDefinition {
  return pollingTrigger({
    display: { label: def.label, description: def.description },
    inputs: toInputs(def),
    perform: async (context, payload, params) => {
      // Prismatic keeps the state between polls (`context.polling`); `{}` before the first.
      const saved = context.polling.getState();
      const state: PollState | undefined = Object.keys(saved).length === 0 ? undefined : saved;
      const result = await runTrigger(
        def,
        params as Record<string, unknown>,
        state,
        context.logger,
        runtime(),
      );
      context.polling.setState({ ...result.state });
      return {
        payload: { ...payload, body: { data: result.events } },
        polledNoChanges: result.events.length === 0,
      };
    },
  }) as PollingTriggerDefinition;
}

// Catalog → spectral. One function per kind of definition; no per-action code anywhere.
import {
  type ActionDefinition,
  action,
  type ConnectionDefinition,
  type ConnectionInput,
  connection,
  type InputFieldDefinition,
  input,
  OAuth2Type,
  oauth2Connection,
} from "@prismatic-io/spectral";
import { EXAMPLE_OUTPUTS } from "../catalog/examples.generated.js";
import {
  type ActionDef,
  type ConnectionDef,
  type ConnectionInputDef,
  type ConnectorRuntime,
  type InputDef,
  runAction,
} from "../catalog/index.js";

const blankToUndefined = (text: string | undefined) => (text === "" ? undefined : text);

/** A catalog input as a spectral input. Values are parsed by the catalog, so no `clean`. */
export function toInput(def: InputDef): InputFieldDefinition {
  const common = {
    label: def.label,
    comments: blankToUndefined(def.comments),
    required: def.required,
    example: def.example,
    placeholder: def.placeholder,
  };
  if (def.type === "connection") return input({ ...common, type: "connection" });
  const model = def.choices?.map((value) => ({ label: value, value }));
  if (def.type === "code") {
    return input({
      ...common,
      type: "code",
      language: def.language ?? "json",
      default: def.default,
    });
  }
  if (def.collection === "keyvaluelist") {
    return input({ ...common, type: def.type, collection: "keyvaluelist" });
  }
  if (def.collection === "valuelist") {
    return input({ ...common, type: def.type, collection: "valuelist", model });
  }
  // string/text/password/boolean share one shape; TS cannot narrow the union by itself.
  return input({ ...common, type: def.type, model, default: def.default } as InputFieldDefinition);
}

/**
 * `runtime` gives the runtime of one invocation (index.ts: the component's runtime under the
 * runner's current environment variables).
 */
export function toAction(def: ActionDef, runtime: () => ConnectorRuntime): ActionDefinition {
  const inputs = Object.fromEntries(
    Object.entries(def.inputs).map(([key, value]) => [key, toInput(value)]),
  );
  const example = EXAMPLE_OUTPUTS[def.key];
  return action({
    display: { label: def.label, description: def.description },
    inputs,
    // What the action returned on the emulator's demo data (npm run examples).
    ...(example === undefined ? {} : { examplePayload: { data: example } }),
    perform: async (context, params) => {
      const output = await runAction(
        def,
        params as Record<string, unknown>,
        context.logger,
        runtime(),
      );
      if (output.contentType === undefined) return { data: output.data };
      // A file's name rides in Content-Disposition (RFC 6266), as a synchronous response sends it.
      const headers =
        output.fileName === undefined
          ? undefined
          : {
              "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(output.fileName)}`,
            };
      return {
        data: output.data,
        contentType: output.contentType,
        ...(headers === undefined ? {} : { headers }),
      };
    },
  });
}

function toConnectionInput(def: ConnectionInputDef): ConnectionInput {
  return {
    label: def.label,
    comments: blankToUndefined(def.comments),
    type: def.type,
    required: def.required,
    default: def.default,
    example: def.example,
    placeholder: def.placeholder,
    shown: true,
  };
}

export function toConnection(def: ConnectionDef): ConnectionDefinition {
  const inputs = Object.fromEntries(
    Object.entries(def.inputs).map(([key, value]) => [key, toConnectionInput(value)]),
  );
  const display = { label: def.label, description: def.description };
  if (!def.oauth2) return connection({ key: def.key, display, inputs });
  const { authorizeUrl, tokenUrl, scopes, clientId, clientSecret, ...rest } = inputs;
  if (!authorizeUrl || !tokenUrl || !scopes || !clientId || !clientSecret) {
    throw new Error(`OAuth 2.0 connection ${def.key} lacks a standard OAuth input`);
  }
  return oauth2Connection({
    key: def.key,
    display,
    oauth2Type: OAuth2Type.AuthorizationCode,
    inputs: { authorizeUrl, tokenUrl, scopes, clientId, clientSecret, ...rest },
  });
}

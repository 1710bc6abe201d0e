// One `confluence <action>` subcommand per catalog action, generated from the catalog: each input
// becomes an option (`Page Id` → `--page-id`), with the input's label and comments as help. The
// connection comes from the environment, never from argv (argv is visible to other processes).
import { type Command, Option } from "commander";
import {
  type ActionDef,
  type ActionLogger,
  actions,
  BASIC_CONNECTION_KEY,
  type ConnectionValue,
  environmentFrom,
  type InputDef,
  OAUTH2_CONNECTION_KEY,
  runAction,
} from "../catalog/index.js";

export interface ActionsIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

/** The environment variables a connection is read from. */
export const CONNECTION_ENV = {
  host: "CONFLUENCE_HOST",
  email: "CONFLUENCE_EMAIL",
  apiToken: "CONFLUENCE_API_TOKEN",
  accessToken: "CONFLUENCE_ACCESS_TOKEN",
  siteOverride: "CONFLUENCE_SITE",
} as const;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** `--query-parameters key=value` (repeatable) → the platform's `[{ key, value }]`. */
function keyValue(text: string, previous: { key: string; value: string }[] = []) {
  const at = text.indexOf("=");
  const pair =
    at < 0 ? { key: text, value: "" } : { key: text.slice(0, at), value: text.slice(at + 1) };
  return [...previous, pair];
}

const listValue = (text: string, previous: string[] = []) => [...previous, text];

function optionFor(key: string, input: InputDef): Option {
  const flag = `--${kebab(key)}`;
  const help = input.comments === "" ? input.label : `${input.label}: ${input.comments}`;
  if (input.type === "boolean") {
    // Platforms deliver booleans as "true"/"false" strings; so does the flag.
    return new Option(`${flag} [value]`, help).argParser((value) => value ?? "true");
  }
  const option = new Option(`${flag} <value>`, help);
  if (input.collection === "keyvaluelist") return option.argParser(keyValue);
  if (input.collection === "valuelist") return option.argParser(listValue);
  if (input.choices) option.choices(input.choices);
  return option;
}

export function connectionFromEnv(env: ActionsIo["env"]): ConnectionValue {
  const accessToken = env[CONNECTION_ENV.accessToken];
  if (accessToken) {
    return {
      key: OAUTH2_CONNECTION_KEY,
      fields: { apiSiteOverride: env[CONNECTION_ENV.siteOverride] ?? "" },
      token: { access_token: accessToken },
    };
  }
  return {
    key: BASIC_CONNECTION_KEY,
    fields: {
      host: env[CONNECTION_ENV.host] ?? "",
      email: env[CONNECTION_ENV.email] ?? "",
      apiToken: env[CONNECTION_ENV.apiToken] ?? "",
    },
  };
}

function consoleLogger(io: ActionsIo): ActionLogger {
  return { info: io.err, warn: io.err, error: io.err, debug: io.err };
}

function addActionCommand(program: Command, action: ActionDef, io: ActionsIo): void {
  const command = program
    .command(kebab(action.key))
    .description(`${action.label}: ${action.description}`);
  const inputs = Object.entries(action.inputs).filter(([, input]) => input.type !== "connection");
  for (const [key, input] of inputs) command.addOption(optionFor(key, input));
  command.action(async (options: Record<string, unknown>) => {
    const raw: Record<string, unknown> = { connection: connectionFromEnv(io.env) };
    for (const [key] of inputs) {
      if (options[key] !== undefined) raw[key] = options[key];
    }
    try {
      const result = await runAction(action, raw, consoleLogger(io), environmentFrom(io.env));
      io.out(JSON.stringify(result.data, null, 2));
    } catch (error) {
      // Core and catalog errors are already redacted and name the failing input or request.
      io.err(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      process.exitCode = 1;
    }
  });
}

export function addActionCommands(program: Command, io: ActionsIo): void {
  for (const action of Object.values(actions)) addActionCommand(program, action, io);
  program.addHelpText(
    "after",
    `\nConnection: ${CONNECTION_ENV.host}, ${CONNECTION_ENV.email} and ${CONNECTION_ENV.apiToken} ` +
      `(Basic), or ${CONNECTION_ENV.accessToken} and optionally ${CONNECTION_ENV.siteOverride} (OAuth 2.0).`,
  );
}

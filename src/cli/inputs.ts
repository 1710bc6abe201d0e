// Catalog inputs as command-line options: `Page Id` → `--page-id <id>`, with help that marks
// required inputs, lists choices and shows an example for every JSON input. Values are collected
// as given and checked all together (checkInputs), so one run reports every problem.
import { Option } from "commander";
import { InvalidValue } from "../catalog/input-error.js";
import type { ActionDef, InputDef } from "../catalog/types.js";

export const kebab = (name: string) =>
  name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export const flagOf = (key: string) => `--${kebab(key)}`;

/** The inputs a command line can give (the connection comes from the environment). */
export const cliInputs = (action: ActionDef): [string, InputDef][] =>
  Object.entries(action.inputs).filter(([, input]) => input.type !== "connection");

/** Whether the input must be given: its own parser refuses "nothing". */
export function isRequired(input: InputDef): boolean {
  try {
    input.parse(undefined);
    return false;
  } catch {
    return true;
  }
}

const collect = (text: string, previous: string[] = []) => [...previous, text];

/** A template's `"<string>"` placeholders made readable for an example. */
function jsonExample(input: InputDef): string | undefined {
  const source = input.example ?? input.default;
  if (source === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(source)).replaceAll('"<string>"', '"..."');
  } catch {
    return source;
  }
}

/** An example `key=value` for a key/value input (query parameters, headers, form fields). */
function keyValueExample(input: InputDef): string {
  if (/header/i.test(input.label)) return "X-Request-Id=abc123";
  if (/query/i.test(input.label)) return "include-versions=true";
  return "name=value";
}

function placeholder(input: InputDef): string {
  if (input.collection === "keyvaluelist") return "<key=value>";
  if (input.language === "json") return "<json>";
  if (input.language === "graphql") return "<query>";
  if (input.choices !== undefined && input.collection === undefined) return "<choice>";
  return "<value>";
}

function helpOf(key: string, input: InputDef): string {
  const text = input.comments === "" ? input.label : `${input.label}: ${input.comments}`;
  const parts = [/[.!?]$/.test(text) ? text : `${text}.`];
  if (input.collection === "keyvaluelist") {
    // The catalog's wording ("Ex. Key: include-versions Value: true") describes a form builder.
    parts.push(`As key=value, repeatable, e.g. ${flagOf(key)} ${keyValueExample(input)}.`);
  }
  if (input.collection === "valuelist") parts.push("Repeatable, or comma-separated.");
  if (input.choices !== undefined) parts.push(`Choices: ${input.choices.join(", ")}.`);
  if (input.language === "json") {
    parts.push(`JSON, e.g. ${flagOf(key)} '${jsonExample(input)}'.`);
  } else if (input.example !== undefined) {
    parts.push(`e.g. ${input.example}.`);
  }
  if (input.default !== undefined && input.language === undefined && input.type !== "boolean") {
    parts.push(`Default: ${input.default}.`);
  }
  return [isRequired(input) ? "(required)" : undefined, ...parts]
    .filter((part) => part !== undefined)
    .join(" ");
}

export function optionFor(key: string, input: InputDef): Option {
  const flag = flagOf(key);
  const help = helpOf(key, input);
  if (input.type === "boolean") {
    // Platforms deliver booleans as "true"/"false" strings; so does the flag.
    return new Option(`${flag} [true|false]`, help).argParser((value) => value ?? "true");
  }
  const option = new Option(`${flag} ${placeholder(input)}`, help);
  // Lists are collected as given; checkInputs validates every value with the others.
  if (input.collection !== undefined) return option.argParser(collect);
  return option;
}

const KEY_VALUE = /^([^=]+)=(.*)$/s;

/** `key=value` texts → the platform's `[{ key, value }]`, or the problems with them. */
function keyValues(key: string, input: InputDef, texts: string[], problems: string[]) {
  const pairs: { key: string; value: string }[] = [];
  for (const text of texts) {
    const match = KEY_VALUE.exec(text);
    if (match === null || (match[1] as string).trim() === "") {
      problems.push(
        `${flagOf(key)} expects key=value (e.g. ${flagOf(key)} ${keyValueExample(input)}), got ${JSON.stringify(text)}`,
      );
    } else {
      pairs.push({ key: (match[1] as string).trim(), value: match[2] as string });
    }
  }
  return pairs;
}

/**
 * The raw inputs for `runAction` from the parsed options, after checking every one of them with
 * the catalog's own parsers; `problems` names each bad option (none means runAction's own
 * parsing will accept them).
 */
export function checkInputs(
  action: ActionDef,
  options: Readonly<Record<string, unknown>>,
): { raw: Record<string, unknown>; problems: string[] } {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, input] of cliInputs(action)) {
    let value = options[key];
    if (input.collection === "keyvaluelist" && Array.isArray(value)) {
      const before = problems.length;
      value = keyValues(key, input, value as string[], problems);
      if (problems.length > before) continue;
    }
    if (value !== undefined) raw[key] = value;
    try {
      input.parse(value);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      problems.push(`${flagOf(key)} (${input.label}) ${error.message}`);
    }
  }
  return { raw, problems };
}

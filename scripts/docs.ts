// `npm run docs`: writes docs/confluence.md from the catalog, in the specification's format
// (front matter, `## Connections` / `## Actions`, one `Input | Comments | Default` table each,
// actions sorted by label). Importing this module only exposes `renderDocs`.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { COMPONENT_DESCRIPTION } from "../src/catalog/description.js";
import type { ActionDef, ConnectionDef, InputDef } from "../src/catalog/index.js";
import { actions, connections } from "../src/catalog/index.js";
import { LOST_ANSWERS } from "./docs-lost-answers.js";
import { renderSourcesAndTriggers } from "./docs-triggers.js";

type Row = [string, string, string];

/** Newlines become `<br />` (the specification's convention); pipes are escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br />");
}

function renderDefault(def: Pick<InputDef, "default" | "type" | "language">): string {
  const value = def.default ?? "";
  if (value === "") return "";
  // JSON templates are shown as code, as the specification does.
  return def.type === "code" && def.language === "json"
    ? `<code>${cell(value)}</code>`
    : cell(value);
}

/** A table padded like the specification's (prettier's markdown style). */
export function renderTable(rows: readonly Row[]): string {
  const all: Row[] = [["Input", "Comments", "Default"], ...rows];
  const widths = [0, 1, 2].map((c) => Math.max(3, ...all.map((row) => row[c]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    `| ${row.map((text, c) => text.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  const [header, ...body] = all;
  return [line(header ?? []), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

const byLabel = (a: { label: string }, b: { label: string }) => {
  const x = a.label.toLowerCase();
  const y = b.label.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

function renderConnection(def: ConnectionDef): string {
  const rows = Object.values(def.inputs).map(
    (input): Row => [input.label, cell(input.comments), cell(input.default ?? "")],
  );
  const oauth = def.oauth2
    ? "This connection uses OAuth 2.0, a common authentication mechanism for integrations.\nRead about how OAuth 2.0 works [here](./oauth.md).\n\n"
    : "";
  const notes = Object.values(def.inputs)
    .filter((input) => input.docsNote !== undefined)
    .map((input) => `\n**Note on ${input.label}:** ${input.docsNote}\n`)
    .join("");
  return `### ${def.label}\n\n${def.description}\n\n${oauth}${renderTable(rows)}\n${notes}`;
}

export function renderDocs(): string {
  const parts = [
    "---",
    "title: Confluence Connector",
    "sidebar_label: Confluence",
    `description: ${COMPONENT_DESCRIPTION}`,
    "---",
    "",
    "![Confluence](../assets/icon.png#connector-icon)",
    COMPONENT_DESCRIPTION,
    "",
    "## Connections",
    "",
    connections.map(renderConnection).join("\n"),
    "## Actions",
    "",
  ];
  const sorted = Object.values(actions).sort(byLabel);
  parts.push(
    sorted
      .filter((action) => !action.beyondSpecification)
      .map(renderAction)
      .join("\n"),
  );
  const beyond = sorted.filter((action) => action.beyondSpecification);
  if (beyond.length > 0) {
    parts.push(
      "## Beyond the specification",
      "",
      "Actions this connector adds to the specification's; each names the Confluence operation it calls.",
      "",
      beyond.map(renderAction).join("\n"),
      LOST_ANSWERS,
    );
  }
  parts.push(renderSourcesAndTriggers(renderInputs));
  return parts.join("\n");
}

/** The inputs table of an action, data source or trigger, with its notes. */
export function renderInputs(inputs: readonly InputDef[]): string {
  const rows = inputs.map(
    (input): Row => [input.label, cell(input.comments), renderDefault(input)],
  );
  const notes = inputs
    .filter((input) => input.docsNote !== undefined)
    .map((input) => `\n**Note on ${input.label}:** ${input.docsNote}\n`)
    .join("");
  return `${renderTable(rows)}\n${notes}`;
}

function renderAction(action: ActionDef): string {
  // Actions beyond the specification say which operation they call (the specification's
  // descriptions are kept verbatim).
  const operation = action.beyondSpecification ? `\n\nConfluence: \`${action.endpoint}\`.` : "";
  const inputs = Object.values(action.inputs) as InputDef[];
  return `### ${action.label}\n\n${action.description}${operation}\n\n${renderInputs(inputs)}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync("docs/confluence.md", renderDocs());
  console.log("Wrote docs/confluence.md");
}

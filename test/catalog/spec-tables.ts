// Reads the specification's markdown (and our generated docs, which use the same format):
// each `### Section` with its description and `Input | Comments | Default` rows.
import { readFileSync } from "node:fs";

export const SPEC_PATH = "/work/shared/spec/confluence-connector.md";

export interface SpecRow {
  input: string;
  comments: string;
  default: string;
}

export interface SpecSection {
  kind: "connection" | "action";
  label: string;
  description: string;
  rows: SpecRow[];
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

export function parseSections(markdown: string): SpecSection[] {
  const sections: SpecSection[] = [];
  let kind: SpecSection["kind"] = "connection";
  let current: SpecSection | undefined;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## Actions")) kind = "action";
    if (line.startsWith("### ")) {
      current = { kind, label: line.slice(4).trim(), description: "", rows: [] };
      sections.push(current);
      continue;
    }
    if (current === undefined) continue;
    if (line.startsWith("|")) {
      const [input = "", comments = "", def = ""] = cells(line);
      if (input === "Input" || /^-+$/.test(input)) continue;
      current.rows.push({ input, comments, default: def });
    } else if (current.description === "" && line.trim() !== "") {
      current.description = line.trim();
    }
  }
  return sections;
}

export function specSections(): SpecSection[] {
  return parseSections(readFileSync(SPEC_PATH, "utf8"));
}

/** The specification's rendering of a default: `<br />` are newlines, `<code>` is markup. */
export function specDefaultValue(rendered: string): string {
  return rendered
    .replace(/^<code>/, "")
    .replace(/<\/code>$/, "")
    .replace(/<br \/>/g, "\n");
}

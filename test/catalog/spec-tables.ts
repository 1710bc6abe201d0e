// Reads the specification's markdown (and our generated docs, which use the same format):
// each `### Section` with its description and `Input | Comments | Default` rows.
//
// The specification page sits beside the repository (scripts/beside-repo.ts, as in CI), not in it: a
// bare clone has only docs/confluence.md, our generated reference page, which docs.test.ts
// proves identical to the specification wherever the specification is present. Counts and
// labels that tests need on any machine come from that page (`referenceSections`).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SPEC_PAGE } from "../../scripts/beside-repo.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const SPEC_PATH = SPEC_PAGE;
export const REFERENCE_PATH = resolve(repoRoot, "docs/confluence.md");
/** Whether the specification page is beside the repository; tests comparing with it skip if not. */
export const specAvailable = existsSync(SPEC_PATH);
export const SPEC_SKIP_REASON = `the specification page is not at ${SPEC_PATH} (it is beside the repository in CI)`;

export interface SpecRow {
  input: string;
  comments: string;
  default: string;
}

export interface SpecSection {
  /** "extra": a section under any other `## ` heading (what we add beyond the specification). */
  kind: "connection" | "action" | "extra";
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

/** Sections of the reference page that document no action (data sources, triggers...). */
const NOT_ACTIONS = new Set(["Lost answers", "Data sources", "Triggers", "Push events (webhooks)"]);

export function parseSections(markdown: string): SpecSection[] {
  const sections: SpecSection[] = [];
  let kind: SpecSection["kind"] = "connection";
  let current: SpecSection | undefined;
  let skipping = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) {
      const heading = line.slice(3).trim();
      kind = heading === "Actions" ? "action" : heading === "Connections" ? "connection" : "extra";
      skipping = NOT_ACTIONS.has(heading);
      current = undefined;
    }
    if (skipping) continue;
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

/** The specification's sections, or none (with the reason printed) where it is not present. */
export function specSections(): SpecSection[] {
  if (!specAvailable) {
    console.log(`skipping the comparisons with the specification: ${SPEC_SKIP_REASON}`);
    return [];
  }
  return parseSections(readFileSync(SPEC_PATH, "utf8"));
}

/** The committed reference page's sections (docs/confluence.md, generated from the catalog). */
export function referenceSections(): SpecSection[] {
  return parseSections(readFileSync(REFERENCE_PATH, "utf8"));
}

/** How many actions the specification has, read from the reference page that reproduces it. */
export function specifiedActionCount(): number {
  return referenceSections().filter((section) => section.kind === "action").length;
}

/** Every documented action: the specification's and those beyond it (the "extra" sections). */
export function documentedActionLabels(): string[] {
  return referenceSections()
    .filter((section) => section.kind !== "connection")
    .map((section) => section.label);
}

/** The specification's rendering of a default: `<br />` are newlines, `<code>` is markup. */
export function specDefaultValue(rendered: string): string {
  return rendered
    .replace(/^<code>/, "")
    .replace(/<\/code>$/, "")
    .replace(/<br \/>/g, "\n");
}

/**
 * The specification where present; otherwise the committed reference page, which docs.test.ts
 * checks against the specification wherever both are present.
 */
export function specOrReferenceSections(): SpecSection[] {
  return specAvailable ? specSections() : referenceSections();
}

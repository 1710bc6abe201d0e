// The rules of labels, apart from HTTP. Labels are site-wide records (one id per prefix and
// name, src/emulator/store.ts `label()`); content holds references. Only v1 writes them
// (addLabelsToContent, removeLabelFromContent): the v2 API has no label write
// (https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-label/ lists reads only).
import type { Label } from "../../types/confluence.js";
import { badRequest, notFound } from "../errors.js";
import type { Store } from "../store.js";

/** What can carry labels: pages, blog posts, attachments (their `labels` array). */
export interface Labelled {
  id: string;
  labels: Label[];
}

/** The prefixes v1 accepts on a label write (LabelCreate.prefix; "global" is the usual one). */
const WRITE_PREFIXES = new Set(["global", "my", "team"]);

/**
 * Confluence stores label names in lower case and rejects names with spaces or any of
 * `: ; , . ? & [ ] ( ) # ^ * @ !` ("Labels can't contain spaces or the characters ...",
 * https://support.atlassian.com/confluence-cloud/docs/use-labels-to-organize-your-content/);
 * names are at most 255 characters.
 */
const FORBIDDEN = /[\s:;,.?&[\]()#^*@!]/;

export function labelName(raw: unknown): string {
  if (typeof raw !== "string" || raw.trim() === "") throw badRequest("Label name is required");
  const name = raw.trim().toLowerCase();
  if (name.length > 255 || FORBIDDEN.test(name)) {
    throw badRequest(`'${name.slice(0, 100)}' is not a valid label name`);
  }
  return name;
}

export function labelPrefix(raw: unknown): string {
  const prefix = raw === undefined || raw === null || raw === "" ? "global" : raw;
  if (typeof prefix !== "string" || !WRITE_PREFIXES.has(prefix)) {
    throw badRequest(`Invalid label prefix: ${String(prefix).slice(0, 50)}`);
  }
  return prefix;
}

/** Adds labels not yet on the target (adding an existing label is not an error). */
export function addLabels(
  store: Store,
  target: Labelled,
  wanted: readonly { prefix: string; name: string }[],
): void {
  for (const { prefix, name } of wanted) {
    store.attachLabel(target, store.label(prefix, name));
  }
  store.touch();
}

/** Removes a label by name (any prefix); 404 when the content does not carry it. */
export function removeLabel(store: Store, target: Labelled, name: string): void {
  const lower = name.toLowerCase();
  const held = target.labels.find((label) => label.name === lower);
  if (held === undefined) throw notFound();
  store.detachLabel(target, held);
  store.touch();
}

// Tiny helpers over parsed JSON documents (the OpenAPI specs), used by the spec patches.

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Calls `visit` on every object in `root`, depth first, with its JSON pointer. */
export function walkObjects(
  root: unknown,
  visit: (node: JsonObject, pointer: string) => void,
  pointer = "#",
): void {
  if (Array.isArray(root)) {
    for (const [index, item] of root.entries()) walkObjects(item, visit, `${pointer}/${index}`);
    return;
  }
  if (!isJsonObject(root)) return;
  visit(root, pointer);
  for (const [key, value] of Object.entries(root)) walkObjects(value, visit, `${pointer}/${key}`);
}

/** The object at `path` (plain keys, no escaping), or undefined. */
export function objectAt(root: unknown, path: readonly string[]): JsonObject | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (!isJsonObject(node)) return undefined;
    node = node[key];
  }
  return isJsonObject(node) ? node : undefined;
}

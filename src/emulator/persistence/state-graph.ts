// Generic capture and restore of the emulator's state holders (the Store, its ContentStore, the
// OAuth token store...): every own property that holds data is kept, whatever its name, so a map
// or counter added to a holder later is persisted without anyone remembering to list it. Wiring
// (functions, hook objects, maps of callbacks, weak maps) is skipped; nested class instances are
// holders themselves. Maps, sets and arrays are refilled in place because other objects keep
// references to them (e.g. the ContentStore's container lookups close over the Store's maps).

/** What a holder looks like once captured: its data properties and its nested holders. */
export interface CapturedHolder {
  data: Record<string, unknown>;
  holders: Record<string, CapturedHolder>;
}

type Kind = "data" | "holder" | "skip";

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Callbacks or objects of callbacks: wiring, rebuilt by the code, never data. */
function isWiring(value: unknown): boolean {
  if (typeof value === "function") return true;
  if (typeof value !== "object" || value === null || !isPlainObject(value)) return false;
  return Object.values(value).some((inner) => typeof inner === "function");
}

/** Collections are homogeneous: their first element tells data from wiring. */
function firstOf(collection: Map<unknown, unknown> | Set<unknown> | unknown[]): unknown {
  for (const value of collection.values()) return value;
  return undefined;
}

function kindOf(value: unknown): Kind {
  if (typeof value === "function") return "skip";
  if (typeof value !== "object" || value === null) return "data";
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) {
    return "skip";
  }
  if (value instanceof Map || value instanceof Set || Array.isArray(value)) {
    return isWiring(firstOf(value)) ? "skip" : "data";
  }
  if (ArrayBuffer.isView(value) || value instanceof Date) return "data";
  if (isPlainObject(value)) return isWiring(value) ? "skip" : "data";
  return "holder";
}

/** The holder's data, ready for one structured-clone pass (shared records stay shared). */
export function captureHolder(holder: object, exclude: ReadonlySet<string>): CapturedHolder {
  const captured: CapturedHolder = { data: {}, holders: {} };
  for (const [key, value] of Object.entries(holder)) {
    if (exclude.has(key)) continue;
    const kind = kindOf(value);
    if (kind === "data") captured.data[key] = value;
    else if (kind === "holder") captured.holders[key] = captureHolder(value as object, exclude);
  }
  return captured;
}

/** Thrown when captured state does not fit the running emulator's holders. */
export class StateShapeError extends Error {}

/**
 * Refuses state whose layout differs from this emulator's (a file from another version): a
 * missing map would leave an index empty beside restored records. Checked before any change, so
 * a refused restore leaves the running state untouched.
 */
export function checkShape(
  holder: object,
  captured: CapturedHolder,
  exclude: ReadonlySet<string>,
  path: string,
): void {
  const expected = captureHolder(holder, exclude);
  const keys = (c: CapturedHolder) => [...Object.keys(c.data), ...Object.keys(c.holders)].sort();
  const want = keys(expected).join(",");
  const got = keys(captured).join(",");
  if (want !== got) {
    throw new StateShapeError(
      `${path} does not match this emulator's layout (expected fields ${want}; got ${got})`,
    );
  }
  for (const key of Object.keys(expected.holders)) {
    const nested = (holder as Record<string, object>)[key] as object;
    checkShape(nested, captured.holders[key] as CapturedHolder, exclude, `${path}.${key}`);
  }
}

/** Refills a map, set or array in place (others keep a reference to it); false for other values. */
export function refill(current: unknown, value: unknown): boolean {
  if (current instanceof Map && value instanceof Map) {
    current.clear();
    for (const [k, v] of value) current.set(k, v);
    return true;
  }
  if (current instanceof Set && value instanceof Set) {
    current.clear();
    for (const v of value) current.add(v);
    return true;
  }
  if (Array.isArray(current) && Array.isArray(value)) {
    current.length = 0;
    for (const v of value) current.push(v);
    return true;
  }
  return false;
}

/** Puts captured data back into a holder of the same layout (see checkShape). */
export function restoreHolder(holder: object, captured: CapturedHolder): void {
  const target = holder as Record<string, unknown>;
  for (const [key, value] of Object.entries(captured.data)) {
    if (!refill(target[key], value)) target[key] = value;
  }
  for (const [key, inner] of Object.entries(captured.holders)) {
    restoreHolder(target[key] as object, inner);
  }
}

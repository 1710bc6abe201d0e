// A part of the state that can say what changed since the last time it was asked, so a write
// journals its changes rather than the whole state (journal.ts).
import { deserialize, serialize } from "node:v8";
import type { StatePart } from "./state.js";

/**
 * What a part changed: nothing, its changes (structured-cloneable), or "snapshot" when it cannot
 * say (its holder was replaced wholesale, e.g. by a reset) and only a full snapshot will do.
 */
export type PartDelta = "none" | "snapshot" | { changes: unknown };

export interface JournaledPart extends StatePart {
  /** The current data is on disk: later deltas are relative to it. */
  baseline(): void;
  /** The changes since the last baseline or delta; tracking restarts from now. */
  delta(): PartDelta;
  /** Puts changes read back from the journal into the (restored) data. */
  applyDelta(changes: unknown): void;
  /** After the last delta of a replay (rebuild what deltas do not carry). */
  replayed(): void;
}

/**
 * A small part (OAuth tokens, fault rules) journaled whole whenever its serialized bytes
 * change: no tracking to get wrong, and its size does not grow with the site's.
 */
export function wholePart(part: StatePart): JournaledPart {
  let last: Buffer | undefined;
  return {
    ...part,
    baseline() {
      last = serialize(part.capture());
    },
    delta() {
      const bytes = serialize(part.capture());
      if (last?.equals(bytes)) return "none";
      last = bytes;
      return { changes: bytes };
    },
    applyDelta(changes) {
      part.restore(deserialize(changes as Buffer));
    },
    replayed() {},
  };
}

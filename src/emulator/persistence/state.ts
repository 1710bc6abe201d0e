// Everything an emulator keeps, as named parts captured and restored together. One structured
// clone of all parts at once keeps records shared between parts shared after a restore (the
// second OAuth site's users are the demo site's user records). Between snapshots, each write's
// changes are asked of the parts and journaled (journal.ts).
import { deserialize, serialize } from "node:v8";
import type { JournaledPart } from "./journaled.js";
import {
  type CapturedHolder,
  captureHolder,
  checkShape,
  restoreHolder,
  StateShapeError,
} from "./state-graph.js";
import { WriteWindow } from "./write-window.js";

/** One part of the state: captured as plain data, restored from it. */
export interface StatePart {
  capture(): unknown;
  /** Throws (before changing anything) when the data does not fit. */
  check(data: unknown): void;
  restore(data: unknown): void;
}

/**
 * A holder object (Store, TokenStore...) persisted generically: every data property it has now
 * or later (state-graph.ts). `exclude` names fields that are configuration, not data.
 */
export function holderPart(holder: () => object, exclude: string[] = []): StatePart {
  const skipped = new Set(exclude);
  return {
    capture: () => captureHolder(holder(), skipped),
    check: (data) => checkShape(holder(), data as CapturedHolder, skipped, "state"),
    restore: (data) => restoreHolder(holder(), data as CapturedHolder),
  };
}

interface StateDocument {
  format: 1;
  parts: Record<string, unknown>;
}

export class EmulatorState {
  /** The writes being handled (set by the persistence hooks; parts may track only inside). */
  readonly writes = new WriteWindow();
  private readonly parts = new Map<string, JournaledPart>();
  private readonly restoredListeners: (() => void)[] = [];
  /** Restored wholesale (an import) since the last baseline: only a snapshot describes it. */
  private restoredSinceBaseline = false;

  add(name: string, part: JournaledPart): void {
    this.parts.set(name, part);
  }

  /** Called after every restore (caches built on the old data must go). */
  onRestored(listener: () => void): void {
    this.restoredListeners.push(listener);
  }

  capture(): StateDocument {
    const parts: Record<string, unknown> = {};
    for (const [name, part] of this.parts) parts[name] = part.capture();
    return { format: 1, parts };
  }

  /** All or nothing: every part is checked before any is restored. */
  restore(document: unknown): void {
    const doc = document as Partial<StateDocument> | undefined;
    if (doc?.format !== 1 || typeof doc.parts !== "object" || doc.parts === null) {
      throw new StateShapeError("state has an unknown format");
    }
    const parts = doc.parts;
    const names = [...this.parts.keys()].sort().join(",");
    const given = Object.keys(parts).sort().join(",");
    if (names !== given) {
      throw new StateShapeError(`state has parts ${given}; this emulator has ${names}`);
    }
    for (const [name, part] of this.parts) {
      try {
        part.check(parts[name]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new StateShapeError(`${name}: ${message}`);
      }
    }
    for (const [name, part] of this.parts) part.restore(parts[name]);
    this.restoredSinceBaseline = true;
    for (const listener of this.restoredListeners) listener();
  }

  /** The current state is on disk (a snapshot was written or loaded and replayed). */
  baseline(): void {
    this.restoredSinceBaseline = false;
    for (const part of this.parts.values()) part.baseline();
  }

  /**
   * One journal record's payload: the parts' changes since the last baseline or delta, captured
   * now (synchronously); "none" when nothing changed, "snapshot" when a part cannot tell.
   */
  delta(): Buffer | "none" | "snapshot" {
    if (this.restoredSinceBaseline) return "snapshot";
    const changes: Record<string, unknown> = {};
    let any = false;
    for (const [name, part] of this.parts) {
      const delta = part.delta();
      if (delta === "snapshot") return "snapshot";
      if (delta === "none") continue;
      changes[name] = delta.changes;
      any = true;
    }
    // One structured clone: records shared between parts of a record stay shared.
    return any ? serialize(changes) : "none";
  }

  /** Applies one journal record (from `delta`) over the restored state. */
  applyRecord(payload: Buffer): void {
    const changes = deserialize(payload) as Record<string, unknown>;
    for (const [name, delta] of Object.entries(changes)) this.parts.get(name)?.applyDelta(delta);
  }

  /** After the last record of a replay: parts rebuild what records do not carry. */
  replayed(): void {
    for (const part of this.parts.values()) part.replayed();
    for (const listener of this.restoredListeners) listener();
  }
}

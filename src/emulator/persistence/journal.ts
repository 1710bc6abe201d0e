// A data directory: the latest snapshot (state.bin: the whole state and its epoch) and the
// journal of the writes since (journal-<epoch>.log, journal-file.ts). Start-up loads the
// snapshot and replays the journal of the same epoch; a write appends one record; compaction
// writes a snapshot of the next epoch and starts its empty journal. Epochs make every crash
// point safe: a journal whose epoch is not the snapshot's is either already in it or never
// began, and is deleted. Design and reasons: docs/emulator.md, "Persistence".
import { readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { emptyJournal, frameRecord, JournalWriter, readJournal } from "./journal-file.js";
import {
  encodeState,
  readStateFile,
  removeTempFiles,
  STATE_FILE,
  syncDirectory,
  writeFileAtomically,
} from "./snapshot-file.js";
import type { EmulatorState } from "./state.js";

/** Compaction starts once the journal outgrows both this and the last snapshot. */
export const COMPACT_MIN_BYTES = 4 * 1024 * 1024;

interface SnapshotPayload {
  epoch: number;
  state: unknown;
}

const journalName = (epoch: number) => `journal-${epoch}.log`;
const JOURNAL_NAME = /^journal-(\d+)\.log$/;

/** state.bin as written before journals existed holds the state itself: epoch 0. */
function snapshotPayload(decoded: unknown): SnapshotPayload {
  const payload = decoded as Partial<SnapshotPayload> & { format?: unknown };
  if (payload.format === 1) return { epoch: 0, state: decoded };
  return { epoch: Number(payload.epoch), state: payload.state };
}

export class Journal {
  private writer: JournalWriter | undefined;
  private epoch = 0;
  private snapshotBytes = 0;
  /** A record could not be appended: its changes are only in memory until a snapshot. */
  private snapshotDue = false;

  constructor(
    private readonly dir: string,
    private readonly state: EmulatorState,
  ) {}

  /** Loads DIR (snapshot, then the journal up to its first torn record), or starts it. */
  async open(): Promise<void> {
    removeTempFiles(this.dir);
    const saved = readStateFile(this.dir);
    if (saved === undefined) {
      await this.compact();
      return;
    }
    const { epoch, state } = snapshotPayload(saved);
    this.state.restore(state);
    const journal = readJournal(join(this.dir, journalName(epoch)));
    for (const payload of journal?.payloads ?? []) this.state.applyRecord(payload);
    this.state.replayed();
    this.state.baseline();
    this.epoch = epoch;
    this.snapshotBytes = statSync(join(this.dir, STATE_FILE)).size;
    if (journal === undefined || journal.validBytes === 0) {
      await writeFileAtomically(this.dir, journalName(epoch), emptyJournal());
    }
    this.removeOtherJournals();
    this.writer = await JournalWriter.open(join(this.dir, journalName(epoch)));
  }

  /**
   * Makes the writes done so far durable: one record of their changes, appended and fsync'd
   * (saver.ts runs one at a time and captures synchronously, before the first await).
   */
  async save(): Promise<void> {
    // Not opened (a start-up that failed): nothing was loaded, so nothing may be written.
    if (this.writer === undefined) return;
    const payload = this.snapshotDue ? "snapshot" : this.state.delta();
    if (payload === "none") return;
    if (payload === "snapshot") {
      await this.compact();
      return;
    }
    try {
      await this.writer.append(frameRecord(payload));
    } catch (error) {
      this.snapshotDue = true;
      throw error;
    }
    if (this.writer.bytes > Math.max(COMPACT_MIN_BYTES, this.snapshotBytes)) await this.compact();
  }

  /** A snapshot of the next epoch with its empty journal; the old journal goes. */
  private async compact(): Promise<void> {
    // Captured and baselined in one synchronous step: later changes go to the next journal.
    const snapshot = encodeState({ epoch: this.epoch + 1, state: this.state.capture() });
    this.state.baseline();
    this.snapshotDue = true; // until the snapshot is on disk
    const epoch = this.epoch + 1;
    // The new journal first: until the snapshot names its epoch it is a stale file.
    await writeFileAtomically(this.dir, journalName(epoch), emptyJournal());
    await writeFileAtomically(this.dir, STATE_FILE, snapshot);
    const previous = this.writer;
    this.writer = await JournalWriter.open(join(this.dir, journalName(epoch)));
    this.epoch = epoch;
    this.snapshotBytes = snapshot.length;
    this.snapshotDue = false;
    await previous?.close();
    this.removeOtherJournals();
    await syncDirectory(this.dir);
  }

  private removeOtherJournals(): void {
    for (const name of readdirSync(this.dir)) {
      const match = JOURNAL_NAME.exec(name);
      if (match && Number(match[1]) !== this.epoch) unlinkSync(join(this.dir, name));
    }
  }

  async close(): Promise<void> {
    await this.writer?.close();
    this.writer = undefined;
  }
}

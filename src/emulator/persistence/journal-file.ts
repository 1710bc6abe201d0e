// The append-only journal beside the snapshot: a magic line, then records framed as
// [payload length: u32 LE][CRC-32 of the payload: u32 LE][payload]. A record is appended and
// fsync'd before the writes it holds are answered (journal.ts). A kill -9 or a power cut can
// leave only the last record torn (short, or with bytes that fail the checksum); reading stops
// at the first such record and the file is cut back to the last good one, so later appends
// never land behind garbage.
import { closeSync, fsyncSync, ftruncateSync, openSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
// zlib.crc32: Node 20.15+ / 22.2+ (https://github.com/nodejs/node/pull/52692); engines: >=20.18.1.
import { crc32 } from "node:zlib";
import { readIfExists } from "./snapshot-file.js";

const MAGIC = Buffer.from("confluence-emulator-journal v1\n", "utf8");
const FRAME_BYTES = 8;

/** One record's bytes as appended: frame header and payload. */
export function frameRecord(payload: Buffer): Buffer {
  const header = Buffer.allocUnsafe(FRAME_BYTES);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

export interface JournalContents {
  /** The payloads of the intact records, in order. */
  payloads: Buffer[];
  /** Bytes of the file up to the end of the last intact record (the header when none). */
  validBytes: number;
  /** Bytes found after them (a torn or damaged tail), cut off by readJournal. */
  discardedBytes: number;
}

/** Splits journal bytes into intact records, stopping at the first torn or damaged one. */
export function parseJournal(bytes: Buffer): JournalContents {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    // A journal whose creation was cut short: it never held a record.
    return { payloads: [], validBytes: 0, discardedBytes: bytes.length };
  }
  const payloads: Buffer[] = [];
  let offset = MAGIC.length;
  while (offset + FRAME_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(offset);
    const end = offset + FRAME_BYTES + length;
    if (length === 0 || end > bytes.length) break;
    const payload = bytes.subarray(offset + FRAME_BYTES, end);
    if (crc32(payload) !== bytes.readUInt32LE(offset + 4)) break;
    payloads.push(payload);
    offset = end;
  }
  return { payloads, validBytes: offset, discardedBytes: bytes.length - offset };
}

/**
 * Reads DIR's journal (undefined when there is none) and truncates a torn tail away, durably,
 * before anything is appended again.
 */
export function readJournal(path: string): JournalContents | undefined {
  const bytes = readIfExists(path);
  if (bytes === undefined) return undefined;
  const contents = parseJournal(bytes);
  if (contents.discardedBytes > 0 && contents.validBytes > 0) {
    const fd = openSync(path, "r+");
    try {
      ftruncateSync(fd, contents.validBytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return contents;
}

/** The bytes of a journal without records (written to a temporary file, then renamed). */
export function emptyJournal(): Buffer {
  return Buffer.from(MAGIC);
}

/** An open journal: appends are durable (fdatasync) when `append` resolves. */
export class JournalWriter {
  private constructor(
    private readonly file: FileHandle,
    private size: number,
  ) {}

  static async open(path: string): Promise<JournalWriter> {
    const file = await open(path, "a");
    const { size } = await file.stat();
    return new JournalWriter(file, size);
  }

  get bytes(): number {
    return this.size;
  }

  async append(record: Buffer): Promise<void> {
    await this.file.write(record);
    this.size += record.length;
    // The answer of every write in the record waits for this: an acknowledged write is on disk.
    await this.file.datasync();
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

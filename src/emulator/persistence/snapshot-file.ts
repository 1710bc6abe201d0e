// The on-disk form of the emulator's state (the snapshot, and the export): a magic line, a SHA-256 of the payload, then the
// payload (Node's structured-clone serialization, node:v8, which keeps Maps, Buffers, Dates and
// shared references). Written to a temporary file, fsync'd, then renamed over the previous
// file and the directory fsync'd: a crash (kill -9, power loss) leaves either the old or the new
// state, never a mix. The same encoding is what /__emulator/export serves and import accepts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, unlinkSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";

const MAGIC = Buffer.from("confluence-emulator-state v1\n", "utf8");
const HASH_BYTES = 32;
export const STATE_FILE = "state.bin";
const TEMP_MARK = ".tmp-";

/** Bytes that are not a state file, or a damaged one. */
export class StateFileError extends Error {}

export function encodeState(state: unknown): Buffer {
  const payload = serialize(state);
  const hash = createHash("sha256").update(payload).digest();
  return Buffer.concat([MAGIC, hash, payload]);
}

export function decodeState(bytes: Buffer, source: string): unknown {
  if (bytes.length < MAGIC.length + HASH_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new StateFileError(`${source} is not an emulator state file`);
  }
  const hash = bytes.subarray(MAGIC.length, MAGIC.length + HASH_BYTES);
  const payload = bytes.subarray(MAGIC.length + HASH_BYTES);
  if (!createHash("sha256").update(payload).digest().equals(hash)) {
    throw new StateFileError(`${source} is damaged (checksum mismatch: truncated or altered)`);
  }
  return deserialize(payload);
}

/** Replaces DIR/NAME atomically and durably (callers never run two at once: saver.ts). */
export async function writeFileAtomically(dir: string, name: string, bytes: Buffer): Promise<void> {
  const temp = join(dir, `${name}${TEMP_MARK}${process.pid}`);
  const file = await open(temp, "w");
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, join(dir, name));
  await syncDirectory(dir);
}

/** A rename or an unlink is durable only once the directory entry is. */
export async function syncDirectory(dir: string): Promise<void> {
  const directory = await open(dir, "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** Removes the temporary files of writes cut short by a crash: never renamed, never state. */
export function removeTempFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.includes(TEMP_MARK)) unlinkSync(join(dir, name));
  }
}

/** A file's bytes, or undefined when there is no such file (a fresh directory). */
export function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The saved snapshot's payload, or undefined for a fresh directory. */
export function readStateFile(dir: string): unknown {
  const path = join(dir, STATE_FILE);
  const bytes = readIfExists(path);
  return bytes === undefined ? undefined : decodeState(bytes, path);
}

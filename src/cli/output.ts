// Where and how a result is written: `--output json|ndjson|table` for data, raw bytes for binary
// content (`--out FILE`, or `--out -` for stdout), never a JSON dump of a byte array.
import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { toTable } from "./table.js";

export const OUTPUT_FORMATS = ["json", "ndjson", "table"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputIo {
  /** One line of text on stdout. */
  out: (line: string) => void;
  /** Raw bytes on stdout. */
  outBytes: (bytes: Uint8Array) => void;
  err: (line: string) => void;
}

/** Text lines and bytes to stdout or to a file (opened on first write, closed by `close`). */
export interface Sink {
  line(text: string): void;
  bytes(data: Uint8Array): void;
  close(): void;
}

export function openSink(out: string | undefined, io: OutputIo): Sink {
  if (out === undefined || out === "-") {
    return { line: io.out, bytes: io.outBytes, close: () => {} };
  }
  let fd: number | undefined;
  const file = () => {
    fd ??= openSync(out, "w");
    return fd;
  };
  return {
    line: (text) => writeSync(file(), `${text}\n`),
    bytes: (data) => writeSync(file(), data),
    close: () => {
      if (fd !== undefined) closeSync(fd);
    },
  };
}

/** Problems with `--out`, found before anything is sent. */
export function outProblems(out: string | undefined): string[] {
  if (out === undefined || out === "-") return [];
  const folder = dirname(resolve(out));
  try {
    if (statSync(folder).isDirectory()) return [];
  } catch {
    // Reported below.
  }
  return [`--out ${JSON.stringify(out)}: the folder ${folder} does not exist`];
}

interface ListLike {
  results: unknown[];
  nextCursor?: string;
}

export const isList = (data: unknown): data is ListLike =>
  data !== null &&
  typeof data === "object" &&
  Array.isArray((data as { results?: unknown }).results);

/** The result's text lines in the chosen format. */
export function formatData(data: unknown, format: OutputFormat): string[] {
  const items = isList(data) ? data.results : Array.isArray(data) ? data : undefined;
  if (format === "ndjson") {
    return (items ?? [data]).map((item) => JSON.stringify(item));
  }
  if (format === "table" && (items !== undefined || (data !== null && typeof data === "object"))) {
    return [toTable(items ?? (data as Record<string, unknown>))];
  }
  return [JSON.stringify(data, null, 2)];
}

/**
 * Writes an action's result. Binary content goes out raw with `--out`; without it, a summary
 * (the bytes would garble a terminal) and how to save them.
 */
/** A file name as one shell word (single quotes; a quote inside closes, escapes and reopens). */
function shellWord(name: string): string {
  return `'${name.replaceAll("'", "'\\''")}'`;
}

export function writeResult(
  data: unknown,
  file: { contentType?: string; fileName?: string },
  options: { output: OutputFormat; out: string | undefined },
  io: OutputIo,
): void {
  const sink = openSink(options.out, io);
  try {
    if (data instanceof Uint8Array) {
      if (options.out !== undefined) {
        sink.bytes(data);
        return;
      }
      const { contentType, fileName } = file;
      io.out(JSON.stringify({ fileName, contentType, bytes: data.byteLength }, null, 2));
      // The file's own name, when it has one (Download Attachment), as a ready-to-paste option.
      const target = fileName === undefined ? "FILE" : shellWord(fileName);
      io.err(
        `note: binary content not printed; save it with --out ${target} (or --out - for stdout)`,
      );
      return;
    }
    for (const line of formatData(data, options.output)) sink.line(line);
    if (options.output !== "json" && isList(data) && data.nextCursor !== undefined) {
      io.err(`note: more results: add --cursor ${data.nextCursor}, or --all for every item`);
    }
  } finally {
    sink.close();
  }
}

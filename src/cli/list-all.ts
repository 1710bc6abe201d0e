// `--all` on list actions: every item, one JSON object per line (NDJSON), written page by page
// as they arrive so memory stays flat and `| head` stops the listing early. It follows the
// catalog's own cursor (each page's `nextCursor`), one action run per page; the connection's
// client is reused between them (src/catalog/client-factory.ts).
import type { ActionOutput } from "../catalog/types.js";
import { isList, type Sink } from "./output.js";

/** Page size for --all unless --limit is given: Confluence's maximum (OpenAPI `limit` ≤ 250). */
const ALL_PAGE_SIZE = "250";

export async function streamAll(
  raw: Readonly<Record<string, unknown>>,
  runPage: (raw: Record<string, unknown>) => Promise<ActionOutput>,
  sink: Sink,
  progress: ((count: number, done: boolean) => void) | undefined,
): Promise<number> {
  let cursor = raw.cursor;
  let count = 0;
  for (;;) {
    const { data } = await runPage({
      ...raw,
      limit: raw.limit ?? ALL_PAGE_SIZE,
      cursor,
      fetchAll: "false",
    });
    if (!isList(data)) throw new Error("--all: the action did not return a list");
    for (const item of data.results) sink.line(JSON.stringify(item));
    count += data.results.length;
    progress?.(count, data.nextCursor === undefined);
    if (data.nextCursor === undefined) return count;
    cursor = data.nextCursor;
  }
}

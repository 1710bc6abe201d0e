// A big generated space for benchmarks and scale tests (`confluence emulator --generate N`).
// Built with plain loops, lazily generated bodies and shared immutable pieces (one label record
// per name, one author) so that 1,000,000 pages load in seconds and fit in memory.
import type { Label } from "../types/confluence.js";
import type { CommentRecord } from "./model-content.js";
import type { GenerateOptions } from "./options.js";
import { makePage, makeVersion } from "./records.js";
import { ownerKey, type Store } from "./store.js";

const T0 = Date.UTC(2024, 1, 1, 0, 0, 0);
/** Each generated page has up to this many children: a tree of realistic depth. */
const FAN_OUT = 10;
/** Generated labels are `gen-0` … `gen-99`: a label listing or CQL `label =` finds 1%. */
const LABEL_VOCABULARY = 100;

export interface GeneratedSpace {
  spaceId: string;
  homepageId: string;
}

const count = (value: number | undefined) => Math.max(0, Math.floor(value ?? 0));

export function generateSpace(store: Store, options: GenerateOptions): GeneratedSpace {
  const author = store.defaultUser.accountId;
  const key = options.spaceKey ?? "GEN";
  const spaceNum = store.allocateId();
  const spaceId = String(spaceNum);
  const pageCount = Math.max(1, Math.floor(options.pages));
  const perPage = count(options.propertiesPerPage);
  const labelsPerPage = Math.min(count(options.labelsPerPage), LABEL_VOCABULARY);
  const commentEvery = count(options.commentEvery);
  const labels = Array.from({ length: labelsPerPage > 0 ? LABEL_VOCABULARY : 0 }, (_, i) =>
    store.label("global", `gen-${i}`),
  );
  // Property keys and values are shared by all pages (records are replaced on write, never
  // mutated), like the version record a page's property shares with the page.
  const propertyKeys = Array.from(
    { length: perPage },
    (_, p) => `prop-${String(p).padStart(4, "0")}`,
  );
  const propertyValues = Array.from({ length: perPage }, (_, p) => Object.freeze({ index: p }));
  const pageIds: string[] = new Array(pageCount);
  for (let i = 0; i < pageCount; i++) pageIds[i] = String(store.allocateId());
  store.addSpace({
    id: spaceId,
    num: spaceNum,
    key,
    name: `Generated ${key}`,
    type: "global",
    status: "current",
    authorId: author,
    createdAt: new Date(T0).toISOString(),
    homepageId: pageIds[0]!,
    description: "Generated for benchmarks",
    labels: [],
  });
  for (let i = 0; i < pageCount; i++) {
    const createdAt = new Date(T0 + i * 1000).toISOString();
    const parentIndex = i === 0 ? -1 : Math.floor((i - 1) / FAN_OUT);
    const page = makePage({
      num: Number(pageIds[i]),
      spaceId,
      parentId: parentIndex >= 0 ? pageIds[parentIndex] : undefined,
      title: `Generated page ${String(i).padStart(6, "0")}`,
      // Built on first read (see body-format.ts) to keep start-up fast.
      body: undefined,
      status: "current",
      authorId: author,
      createdAt,
      position: i === 0 ? 0 : (i - 1) % FAN_OUT,
    });
    // Labels go in before addPage, which indexes them. An array of the exact length: one grown
    // by push reserves 17 slots (~130 bytes more per page at a million pages).
    if (labelsPerPage > 0) {
      const held: Label[] = new Array(labelsPerPage);
      for (let l = 0; l < labelsPerPage; l++) held[l] = labels[(i + l) % LABEL_VOCABULARY]!;
      page.labels = held;
    }
    store.addPage(page);
    for (let p = 0; p < perPage; p++) {
      const num = store.allocateId();
      store.addProperty({
        id: String(num),
        num,
        ownerKey: ownerKey("page", page.id),
        key: propertyKeys[p]!,
        value: propertyValues[p]!,
        version: page.current.version,
      });
    }
    if (commentEvery > 0 && i % commentEvery === 0) {
      store.content.addComment(generatedComment(store.allocateId(), page.id, author, createdAt));
    }
  }
  return { spaceId, homepageId: pageIds[0]! };
}

function generatedComment(
  num: number,
  pageId: string,
  authorId: string,
  createdAt: string,
): CommentRecord {
  return {
    id: String(num),
    num,
    kind: "footer",
    status: "current",
    containerType: "page",
    containerId: pageId,
    parentCommentId: undefined,
    authorId,
    createdAt,
    current: { body: "<p>Generated comment</p>", version: makeVersion(1, authorId, createdAt) },
    history: [],
    likedBy: [],
    resolutionStatus: undefined,
    resolutionLastModifierId: undefined,
    resolutionLastModifiedAt: undefined,
    inlineMarkerRef: undefined,
    inlineOriginalSelection: undefined,
  };
}

// A big generated space for benchmarks. Built with plain loops and lazily generated bodies so
// that 100,000 items load in well under a second.
import type { GenerateOptions } from "./options.js";
import { makePage, makeVersion } from "./records.js";
import { ownerKey, type Store } from "./store.js";

const T0 = Date.UTC(2024, 1, 1, 0, 0, 0);
/** Each generated page has up to this many children: a tree of realistic depth. */
const FAN_OUT = 10;

export interface GeneratedSpace {
  spaceId: string;
  homepageId: string;
}

export function generateSpace(store: Store, options: GenerateOptions): GeneratedSpace {
  const author = store.defaultUser.accountId;
  const key = options.spaceKey ?? "GEN";
  const spaceNum = store.allocateId();
  const spaceId = String(spaceNum);
  const pageCount = Math.max(1, Math.floor(options.pages));
  const perPage = Math.max(0, Math.floor(options.propertiesPerPage ?? 0));
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
    store.addPage(
      makePage({
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
      }),
    );
    for (let p = 0; p < perPage; p++) {
      const num = store.allocateId();
      store.addProperty({
        id: String(num),
        num,
        ownerKey: ownerKey("page", pageIds[i]!),
        key: `prop-${String(p).padStart(4, "0")}`,
        value: { index: p },
        version: makeVersion(1, author, createdAt),
      });
    }
  }
  return { spaceId, homepageId: pageIds[0]! };
}

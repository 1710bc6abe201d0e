// Ambiguity-safe version restore (v1 restoreContentVersion, `POST /wiki/rest/api/content/{id}/version`
// with operationKey "restore": "Restores a historical version to be the latest version. That is,
// a new version is created with the content of the historical version",
// https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-versions/#api-wiki-rest-api-content-id-version-post).
// A repeat would add one more version (and, after someone else's edit, undo it), so the current
// version number N is read first (one GET per restore), and after a lost answer the probe reads
// the page (or blog post) and the restored version through v2: still at N = not applied (sent
// again); at N + 1, saved by the connection's user since the first send (authorship.ts), with our
// message, the restored version's text (storage-text.ts) and, with restoreTitle, its title =
// applied. Anything else: unknown.
import { ConfluenceApiError } from "../errors.js";
import type { CallOptions, ConfluenceClient, ConfluenceResponse } from "../types.js";
import { authorship, savedBy, writeStarted } from "./authorship.js";
import { callOptions, resolveWrite, type SafeWriteOptions, type Verdict } from "./resolve.js";
import { sameStorageText, storageOf } from "./storage-text.js";

interface Content {
  id: string;
  title?: string;
  version?: {
    number?: number;
    message?: string;
    minorEdit?: boolean;
    authorId?: string;
    createdAt?: string;
  };
  body?: Record<string, unknown>;
}

/** v1 Version, as restoreContentVersion answers it. */
export interface RestoredVersion {
  when?: string;
  number?: number;
  minorEdit?: boolean;
  message?: string;
  by: { type: "known"; accountId?: string };
}

export interface SafeRestoreVersion extends SafeWriteOptions {
  /** The page or blog post. */
  id: string;
  versionNumber: number;
  message: string;
  restoreTitle: boolean;
}

/** v2 read of the page, or of the blog post when no page has this id (v1 ids name either). */
async function readContent(
  client: ConfluenceClient,
  call: CallOptions,
  id: string,
  version?: number,
): Promise<Content> {
  const query = { "body-format": "storage", ...(version === undefined ? {} : { version }) };
  try {
    return (
      await client.request<Content>({ ...call, path: "/pages/{id}", pathParams: { id }, query })
    ).data;
  } catch (error) {
    if (!(error instanceof ConfluenceApiError && error.status === 404)) throw error;
    return (
      await client.request<Content>({ ...call, path: "/blogposts/{id}", pathParams: { id }, query })
    ).data;
  }
}

export async function restoreVersionSafely(
  client: ConfluenceClient,
  request: SafeRestoreVersion,
): Promise<ConfluenceResponse<RestoredVersion>> {
  const { id, versionNumber, message, restoreTitle } = request;
  const call = callOptions(request);
  // The version before the restore: one read, so that "went up by one" is exact (a version the
  // same user saved seconds before is not taken for the restore).
  const before = (await readContent(client, call, id)).version?.number;
  const startedAt = writeStarted();
  const probe = async (): Promise<Verdict<RestoredVersion>> => {
    const current = await readContent(client, call, id);
    const version = current.version;
    if (before !== undefined && version?.number === before) return { state: "absent" };
    const who = await authorship(client, call, startedAt);
    const restored = await readContent(client, call, id, versionNumber);
    const ours =
      before !== undefined &&
      version?.number === before + 1 &&
      savedBy(version, who) &&
      (version.message ?? "") === message &&
      sameStorageText(storageOf(current), storageOf(restored)) &&
      (!restoreTitle || current.title === restored.title);
    if (!ours) {
      return {
        state: "unknown",
        reason: `content ${id} went from version ${before ?? "?"} to ${version?.number ?? "?"}, which is not this restore`,
      };
    }
    const data: RestoredVersion = {
      when: version.createdAt,
      number: version.number,
      minorEdit: version.minorEdit,
      message: version.message,
      by: { type: "known", accountId: version.authorId },
    };
    return { state: "applied", response: { status: 200, headers: {}, data, url: "" } };
  };
  return resolveWrite(
    {
      operation: "restoreContentVersion",
      method: "POST",
      path: "/wiki/rest/api/content/{id}/version",
      check: `whether content ${id} has a new version restoring version ${versionNumber}`,
      send: () =>
        client.request<RestoredVersion>({
          ...call,
          api: "v1",
          method: "POST",
          path: "/content/{id}/version",
          pathParams: { id },
          body: {
            operationKey: "restore",
            params: { versionNumber, message, restoreTitle },
          },
          idempotent: false,
        }),
      probe,
      // A restore has no uniqueness rule that would reject a repeat.
      isCollision: () => false,
    },
    request,
  );
}

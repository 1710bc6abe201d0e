// Ambiguity-safe updates of anything Confluence versions the same way: pages, blog posts and
// comments (updatePage, updateBlogPost, updateFooterComment, updateInlineComment of
// confluence-v2.json) all require `version.number` = current + 1 and answer 409 otherwise. So
// after a dropped PUT with version N+1, reading the object tells: at N+1 with our fields =
// applied, at N = not applied (send again), anything else = unknown. Bodies are never compared:
// Confluence rewrites storage XHTML on save (see pages.ts), so each kind says which stored
// fields identify its update (`matches`).
import type { QueryParams } from "../query.js";
import type { ConfluenceClient, ConfluenceResponse } from "../types.js";
import {
  callOptions,
  isStatus,
  resolveWrite,
  type SafeWriteOptions,
  type Verdict,
} from "./resolve.js";

type Json = Record<string, unknown>;

/** What an updated object holds that the probe reads. */
export interface Versioned {
  version?: { number?: number };
}

export interface VersionedKind<T extends Versioned> {
  /** Operation id for errors and metrics, e.g. "updateBlogPost". */
  operation: string;
  /** What the object is called in messages, e.g. "blog post". */
  noun: string;
  /** v2 path template of the object, e.g. `/blogposts/{id}`. */
  path: string;
  /** Query of the probe's read (e.g. `body-format`). */
  probeQuery?: QueryParams;
  /** Whether the stored object holds the fields `body` set (never the body itself). */
  matches(stored: T, body: Json): boolean;
  /** The fields `matches` compares, for messages ("title, status and parent"). */
  matchedFields: string;
}

export interface SafeVersionedUpdate extends SafeWriteOptions {
  /** The path parameters of the kind's template. */
  pathParams: Readonly<Record<string, string>>;
  /** The update request, with `version.number` = current + 1. */
  body: Json;
}

export function updateVersionedSafely<T extends Versioned>(
  client: ConfluenceClient,
  kind: VersionedKind<T>,
  request: SafeVersionedUpdate,
): Promise<ConfluenceResponse<T>> {
  const { pathParams, body } = request;
  const call = callOptions(request);
  const name = `${kind.noun} ${Object.values(pathParams).join("/")}`;
  const target = Number((body.version as Json | undefined)?.number);
  const probe = async (): Promise<Verdict<T>> => {
    if (!Number.isInteger(target)) return { state: "unknown", reason: "no version number sent" };
    const stored = await client.request<T>({
      ...call,
      path: kind.path,
      pathParams,
      query: kind.probeQuery,
    });
    const current = stored.data.version?.number;
    if (current === target - 1) return { state: "absent" };
    if (current === target && kind.matches(stored.data, body)) {
      return { state: "applied", response: stored };
    }
    return {
      state: "unknown",
      reason: `${name} is at version ${current ?? "?"}, expected ${target - 1} or ${target} with our ${kind.matchedFields}`,
    };
  };
  return resolveWrite(
    {
      operation: kind.operation,
      method: "PUT",
      path: `/wiki/api/v2${kind.path}`,
      check: `${name}: whether version ${target} holds this update`,
      send: () =>
        client.request<T>({
          ...call,
          method: "PUT",
          path: kind.path,
          pathParams,
          body,
          // PUT is idempotent in HTTP terms, but a repeat of an applied update is a 409 here;
          // the resolver repeats it only after checking the version.
          idempotent: false,
        }),
      probe,
      isCollision: (error) => isStatus(error, 409),
    },
    request,
  );
}

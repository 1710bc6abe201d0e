// Ambiguity-safe space creation (createSpace of confluence-v2.json). Space keys are unique on a
// site (createSpace answers 400 for a key in use: "A space already exists with key ..."), so a
// dropped create with a key is resolved by `GET /spaces?keys=`: no space = not applied (sent
// again; a landed duplicate would be refused), a space created since the first send by the
// connection's user (authorship.ts) = applied, another = unknown. Without a key Confluence
// derives one from the name, which the connector cannot predict: that case ends as unknown.
import type { Space } from "../../types/confluence.js";
import type { ConfluenceClient, ConfluenceResponse } from "../types.js";
import { authorship, savedBy, writeStarted } from "./authorship.js";
import {
  callOptions,
  isStatus,
  resolveWrite,
  type SafeCreateRequest,
  type Verdict,
} from "./resolve.js";

/** SpaceCreateRequest (v2); createSpace has no query. */
export type SafeCreateSpace = Omit<SafeCreateRequest, "query">;

export function createSpaceSafely(
  client: ConfluenceClient,
  request: SafeCreateSpace,
): Promise<ConfluenceResponse<Space>> {
  const { body } = request;
  const call = callOptions(request);
  const key = typeof body.key === "string" && body.key !== "" ? body.key : undefined;
  const startedAt = writeStarted();
  const probe = async (): Promise<Verdict<Space>> => {
    if (key === undefined) {
      return {
        state: "unknown",
        reason: "no Space Key was given, so the new space's key is Confluence's choice",
      };
    }
    const who = await authorship(client, call, startedAt);
    const found = await client.listPage<Space>("/spaces", { ...call, query: { keys: key } });
    const space = found.results.find((item) => item.key === key);
    if (space === undefined) return { state: "absent" };
    // A space has its creator and creation time at the top level, as a version has them.
    if (savedBy(space, who)) {
      return { state: "applied", response: { status: 200, headers: {}, data: space, url: "" } };
    }
    return { state: "unknown", reason: `space ${key} exists but was not created by this request` };
  };
  return resolveWrite(
    {
      operation: "createSpace",
      method: "POST",
      path: "/wiki/api/v2/spaces",
      check:
        key === undefined
          ? `whether a space named ${JSON.stringify(body.name)} exists`
          : `whether space ${key} exists`,
      send: () =>
        client.request<Space>({
          ...call,
          method: "POST",
          path: "/spaces",
          body,
          idempotent: false,
        }),
      probe,
      isCollision: (error) => isStatus(error, 400, 409),
    },
    request,
  );
}

// Ambiguity-safe content property writes on any owner (pages, attachments, custom content;
// create*Property / update*PropertyById of confluence-v2.json). Keys are unique per owner
// (a second create with the same key is a 400), and updates need `version.number` = current + 1
// (409 otherwise), so a probe can tell whether a dropped write landed.
import type { ContentProperty } from "../../types/confluence.js";
import type { PathParamValue } from "../path.js";
import type { ConfluenceClient, ConfluenceResponse } from "../types.js";
import {
  callOptions,
  isStatus,
  resolveWrite,
  type SafeWriteOptions,
  type Verdict,
} from "./resolve.js";
import { sameJson } from "./same-json.js";

type Json = Record<string, unknown>;
type Params = Readonly<Record<string, PathParamValue>>;

export interface SafeCreateProperty extends SafeWriteOptions {
  /** e.g. `/pages/{page-id}/properties`. */
  path: string;
  pathParams: Params;
  /** ContentPropertyCreateRequest: `{ key, value }`. */
  body: Json;
}

export function createPropertySafely(
  client: ConfluenceClient,
  request: SafeCreateProperty,
): Promise<ConfluenceResponse<ContentProperty>> {
  const { path, pathParams, body } = request;
  const call = callOptions(request);
  const key = String(body.key);
  const probe = async (): Promise<Verdict<ContentProperty>> => {
    // get*ContentProperties accepts `key` to filter by the property's key.
    const found = await client.listPage<ContentProperty>(path, {
      ...call,
      pathParams,
      query: { key },
    });
    const property = found.results.find((item) => item.key === key);
    if (property === undefined) return { state: "absent" };
    if (property.version?.number === 1 && sameJson(property.value, body.value)) {
      return {
        state: "applied",
        response: { status: 200, headers: {}, data: property, url: "" },
      };
    }
    return {
      state: "unknown",
      reason: `property ${property.id} has key ${JSON.stringify(key)} but another value or version`,
    };
  };
  return resolveWrite(
    {
      operation: "createContentProperty",
      method: "POST",
      path: `/wiki/api/v2${path}`,
      check: `whether the owner has a property with key ${JSON.stringify(key)}`,
      send: () =>
        client.request<ContentProperty>({
          ...call,
          method: "POST",
          path,
          pathParams,
          body,
          idempotent: false,
        }),
      probe,
      isCollision: (error) => isStatus(error, 400, 409),
    },
    request,
  );
}

export interface SafeUpdateProperty extends SafeWriteOptions {
  /** e.g. `/pages/{page-id}/properties/{property-id}`. */
  path: string;
  pathParams: Params;
  /** ContentPropertyUpdateRequest: `{ key, value, version: { number } }`. */
  body: Json;
}

export function updatePropertySafely(
  client: ConfluenceClient,
  request: SafeUpdateProperty,
): Promise<ConfluenceResponse<ContentProperty>> {
  const { path, pathParams, body } = request;
  const call = callOptions(request);
  const target = Number((body.version as Json | undefined)?.number);
  const probe = async (): Promise<Verdict<ContentProperty>> => {
    if (!Number.isInteger(target)) return { state: "unknown", reason: "no version number sent" };
    const response = await client.request<ContentProperty>({ ...call, path, pathParams });
    const property = response.data;
    const current = property.version?.number;
    if (current === target - 1) return { state: "absent" };
    const ours =
      current === target &&
      sameJson(property.value, body.value) &&
      (typeof body.key !== "string" || property.key === body.key);
    if (ours) return { state: "applied", response };
    return {
      state: "unknown",
      reason: `the property is at version ${current ?? "?"}, expected ${target - 1} or ${target} with our value`,
    };
  };
  return resolveWrite(
    {
      operation: "updateContentProperty",
      method: "PUT",
      path: `/wiki/api/v2${path}`,
      check: `whether version ${target} of the property holds this update`,
      send: () =>
        client.request<ContentProperty>({
          ...call,
          method: "PUT",
          path,
          pathParams,
          body,
          idempotent: false,
        }),
      probe,
      isCollision: (error) => isStatus(error, 409),
    },
    request,
  );
}

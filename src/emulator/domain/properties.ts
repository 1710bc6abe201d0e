// The rules of content properties, apart from HTTP: unique keys per owner, versions that go up
// by exactly one. Routes (src/emulator/routes/properties.ts) parse, call these and serialise.
import type { JsonValue } from "../../types/confluence.js";
import { ApiError, badRequest } from "../errors.js";
import type { PropertyRecord } from "../model.js";
import { makeVersion } from "../records.js";
import type { Store } from "../store.js";

export interface PropertyWrite {
  key: string;
  value: JsonValue;
  authorId: string;
  now: string;
}

function duplicateKey(name: string): ApiError {
  return badRequest(`A property with key '${name}' already exists on this content`);
}

/**
 * v1 createContentProperty documents 400 "The content already has a property with the given
 * key"; v2 behaves the same.
 */
export function createProperty(store: Store, owner: string, input: PropertyWrite): PropertyRecord {
  if (store.propertiesByOwner.get(owner)?.has(input.key)) throw duplicateKey(input.key);
  const num = store.allocateId();
  const record: PropertyRecord = {
    id: String(num),
    num,
    ownerKey: owner,
    key: input.key,
    value: input.value,
    version: makeVersion(1, input.authorId, input.now),
    createdAt: input.now,
  };
  store.addProperty(record);
  return record;
}

/**
 * Content property versions must be incremented by exactly one; anything else is a conflict
 * (409), as for pages. A new key must not be another property's of the same owner.
 */
export function updateProperty(
  store: Store,
  property: PropertyRecord,
  input: PropertyWrite & { version: { number: number; message: string } },
): void {
  const { number, message } = input.version;
  if (number !== property.version.number + 1) {
    throw new ApiError(
      409,
      `Version must be incremented on update. Current version is: ${property.version.number}`,
      "CONFLICT",
    );
  }
  const siblings = store.propertiesByOwner.get(property.ownerKey);
  if (input.key !== property.key && siblings?.has(input.key)) throw duplicateKey(input.key);
  store.removeProperty(property);
  property.key = input.key;
  property.value = input.value;
  property.version = makeVersion(number, input.authorId, input.now, message);
  store.addProperty(property);
}

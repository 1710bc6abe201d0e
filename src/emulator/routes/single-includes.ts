// The include-* fields that getAttachmentById and getCustomContentById share (labels,
// properties, operations, versions, version, collaborators) plus `_links.base`. Both operations
// declare the same flags with the same defaults in confluence-v2.json; pages have more (likes,
// favourites, drafts) and keep their own renderer.
import type { Attachment, CustomContent, Label } from "../../types/confluence.js";
import type { SiteContext } from "../context.js";
import type { PropertyOwnerKind, VersionRecord } from "../model.js";
import { bool, type Query } from "../params.js";
import * as serialize from "../serialize/v2.js";
import { ownerKey } from "../store.js";

export interface SingleIncludeSpec {
  /** The entity's v2 path, for the wrappers' `_links.self`. */
  self: string;
  ownerKind: PropertyOwnerKind;
  id: string;
  /** `targetType` and operations listed by include-operations. */
  targetType: string;
  operations: readonly string[];
  version: VersionRecord;
  base: string;
  /** The entity's labels (custom content keeps none yet). */
  labels?: Label[];
}

export function applySingleIncludes<T extends Attachment | CustomContent>(
  ctx: SiteContext,
  q: Query,
  result: T,
  spec: SingleIncludeSpec,
): T {
  const { self } = spec;
  if (bool(q, "include-labels", false)) {
    result.labels = serialize.optionalField(spec.labels ?? [], `${self}/labels`);
  }
  if (bool(q, "include-properties", false)) {
    const props = ctx.store.propertiesOf(ownerKey(spec.ownerKind, spec.id)).map(serialize.property);
    result.properties = serialize.optionalField(props, `${self}/properties`);
  }
  if (bool(q, "include-operations", false)) {
    const ops = spec.operations.map((operation) => ({ operation, targetType: spec.targetType }));
    result.operations = serialize.optionalField(ops, `${self}/operations`);
  }
  if (bool(q, "include-versions", false)) {
    result.versions = serialize.optionalField(
      [serialize.version(spec.version)],
      `${self}/versions`,
    );
  }
  if (!bool(q, "include-version", true)) delete result.version;
  // Accepted and validated; the emulator keeps no collaborators.
  bool(q, "include-collaborators", false);
  result._links = { ...result._links, base: spec.base };
  return result;
}

// Content properties of pages, attachments and custom content: 3 owners × 5 operations generated
// from one definition. Only the wording differs per owner (the specification is inconsistent:
// "for an Attachment" vs "for Attachment", "Get Content Properties for Custom Content"...), so
// the text lives in a table and everything else is shared.
// Endpoints (v2): {get,create}{Page,Attachment,CustomContent}Property(ies),
// {get,update,delete}...PropertyById under /{owner}/{owner-id}/properties[/{property-id}].

import { createPropertySafely, updatePropertySafely } from "../../core/writes/index.js";
import { InvalidValue } from "../input-error.js";
import * as i from "../inputs.js";
import * as p from "../parse.js";
import { writeOutput } from "../request.js";
import type { ActionDef, InputDef } from "../types.js";
import { path, query } from "../wire.js";
import { defineAction } from "./define.js";

type Operation = "create" | "delete" | "get" | "list" | "update";

interface Owner {
  /** Suffix of the action keys (Prismatic's component uses these exact keys). */
  readonly keySuffix: Record<Operation, string>;
  readonly idKey: "pageId" | "attachmentId" | "customContentId";
  readonly idInput: InputDef<string>;
  readonly base: string;
  readonly idParam: string;
  readonly text: Record<Operation, { label: string; description: string }>;
}

const same = (suffix: string): Record<Operation, string> => ({
  create: suffix,
  delete: suffix,
  get: suffix,
  list: suffix,
  update: suffix,
});

const OWNERS: readonly Owner[] = [
  {
    keySuffix: { ...same("Attachment"), get: "Attachments", list: "Attachments" },
    idKey: "attachmentId",
    idInput: i.attachmentId,
    base: "/attachments/{attachment-id}/properties",
    idParam: "attachment-id",
    text: {
      create: {
        label: "Create Content Property for Attachment",
        description: "Creates a new content property for an attachment.",
      },
      delete: {
        label: "Delete Content Property for an Attachment",
        description: "Deletes a content property for an attachment by its id.",
      },
      get: {
        label: "Get Content Property for Attachment",
        description:
          "Retrieves a specific Content Property by ID that is attached to a specified attachment.",
      },
      list: {
        label: "List Content Properties for Attachments",
        description: "Retrieves all Content Properties tied to a specified attachment.",
      },
      update: {
        label: "Update Content Property for Attachment",
        description: "Update a content property for attachment by its id.",
      },
    },
  },
  {
    keySuffix: same("CustomContent"),
    idKey: "customContentId",
    idInput: i.customContentId,
    base: "/custom-content/{custom-content-id}/properties",
    idParam: "custom-content-id",
    text: {
      create: {
        label: "Create Content Property for Custom Content",
        description: "Creates a new content property for a Custom Content.",
      },
      delete: {
        label: "Delete Content Property for a Custom Content",
        description: "Deletes a content property for a Custom Content by its id.",
      },
      get: {
        label: "Get Content Properties for Custom Content",
        description:
          "Retrieves a specific Content Property by ID that is attached to a specified custom content.",
      },
      list: {
        label: "List Content Properties for Custom Content",
        description: "Retrieves Content Properties tied to a specified Custom Content.",
      },
      update: {
        label: "Update Content Property for Custom Content",
        description: "Update a content property for a Custom Content by its id.",
      },
    },
  },
  {
    keySuffix: same("Page"),
    idKey: "pageId",
    idInput: i.pageId,
    base: "/pages/{page-id}/properties",
    idParam: "page-id",
    text: {
      create: {
        label: "Create Content Property for Page",
        description: "Creates a new content property for a page.",
      },
      delete: {
        label: "Delete Content Property for Page",
        description: "Deletes a content property for a page by its id.",
      },
      get: {
        label: "Get Content Property for Page",
        description:
          "Retrieves a specific Content Property by ID that is attached to a specified page.",
      },
      list: {
        label: "List Content Properties for Page",
        description: "Retrieves Content Properties tied to a specified page.",
      },
      update: {
        label: "Update Content Property for Page",
        description: "Update a content property for a page by its id.",
      },
    },
  },
];

const KEY_PREFIX: Record<Operation, string> = {
  create: "createContentPropertyFor",
  delete: "deleteContentPropertyFor",
  get: "getContentPropertiesFor",
  list: "listContentPropertiesFor",
  update: "updateContentPropertyFor",
};

/** ContentPropertyCreateRequest: a non-empty `key` and a `value`. */
function checkCreateBody(body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.key !== "string" || body.key.trim() === "") {
    throw new InvalidValue('must have a non-empty "key" string');
  }
  if (!("value" in body)) throw new InvalidValue('must have a "value"');
  return body;
}

/** ContentPropertyUpdateRequest: also `version.number`, the current version plus one. */
function checkUpdateBody(body: Record<string, unknown>): Record<string, unknown> {
  checkCreateBody(body);
  const version = body.version as { number?: unknown } | undefined;
  const n = version?.number;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new InvalidValue(
      'must have "version": { "number": <the property\'s current version plus one> }',
    );
  }
  return body;
}

const createBodyData = i.defineInput({
  ...i.bodyData,
  parse: (raw) => checkCreateBody(p.jsonObject(raw)),
});

const updateBodyData = i.defineInput({
  ...i.bodyData,
  default: i.PROPERTY_UPDATE_TEMPLATE,
  parse: (raw) => checkUpdateBody(p.jsonObject(raw)),
});

function actionsFor(owner: Owner): ActionDef[] {
  const key = (op: Operation) => `${KEY_PREFIX[op]}${owner.keySuffix[op]}`;
  const text = owner.text;
  const byId = `${owner.base}/{property-id}`;
  // All five operations place the owner id at the owner's path parameter.
  const ownerInput = { [owner.idKey]: path(owner.idParam, owner.idInput) };
  const propertyId = path("property-id", i.propertyId);
  // Get and Delete take the same inputs.
  const byIdInputs = {
    connection: i.connection,
    ...ownerInput,
    propertyId,
    debugRequest: i.debugRequest,
  };

  return [
    defineAction({
      key: key("create"),
      ...text.create,
      endpoint: `POST ${owner.base}`,
      inputs: {
        connection: i.connection,
        ...ownerInput,
        bodyData: createBodyData,
        debugRequest: i.debugRequest,
      },
      // Keys are unique per owner: a lost answer is resolved by key (src/core/writes).
      run: (input, ctx) =>
        writeOutput(
          createPropertySafely(ctx.client, {
            path: owner.base,
            pathParams: ctx.request.params,
            body: input.bodyData,
            debug: ctx.debug,
          }),
        ),
    }),
    defineAction({
      key: key("delete"),
      ...text.delete,
      endpoint: `DELETE ${byId}`,
      inputs: byIdInputs,
    }),
    defineAction({ key: key("get"), ...text.get, endpoint: `GET ${byId}`, inputs: byIdInputs }),
    defineAction({
      key: key("list"),
      ...text.list,
      endpoint: `GET ${owner.base}`,
      inputs: {
        connection: i.connection,
        ...ownerInput,
        limit: i.limit,
        cursor: i.cursor,
        sort: query("sort", i.sortProperties),
        queryParameters: i.queryParameters,
        fetchAll: i.fetchAll,
        maxItems: i.maxItems,
        debugRequest: i.debugRequest,
      },
    }),
    defineAction({
      key: key("update"),
      ...text.update,
      endpoint: `PUT ${byId}`,
      inputs: {
        connection: i.connection,
        ...ownerInput,
        propertyId,
        bodyData: updateBodyData,
        debugRequest: i.debugRequest,
      },
      // A lost answer is resolved from the property's version number (src/core/writes).
      run: (input, ctx) =>
        writeOutput(
          updatePropertySafely(ctx.client, {
            path: byId,
            pathParams: ctx.request.params,
            body: input.bodyData,
            debug: ctx.debug,
          }),
        ),
    }),
  ] as ActionDef[];
}

export const propertyActions: readonly ActionDef[] = OWNERS.flatMap(actionsFor);

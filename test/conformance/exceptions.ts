// Where Atlassian's official OpenAPI documents are wrong or incomplete against the live service.
// One entry per exception, each with the operation, the field or status, the reason and a source.
// There are no blanket ignores: a patch that no longer changes anything fails the spec load
// (the spec was fixed upstream, delete the entry), and error bodies the spec leaves undeclared
// are still checked against the shape Confluence really returns.
import { RETIRED_ON_GATEWAY } from "../../src/emulator/oauth/retired-v1-table.js";
import { isJsonObject, type JsonObject, objectAt, walkObjects } from "./json-walk.js";
import type { SpecName } from "./spec-location.js";

interface ExceptionBase {
  /** Stable name, printed in the coverage report. */
  id: string;
  specs: readonly SpecName[];
  /** The operationIds concerned, or "*" for the whole document. */
  operation: "*" | readonly string[];
  /** The parameter, schema field or response status concerned. */
  field: string;
  reason: string;
  /** URL or citation backing the exception. */
  source: string;
}

/** Corrects the spec document in memory before it is compiled; returns how many spots changed. */
export interface DocumentPatch extends ExceptionBase {
  kind: "document-patch";
  apply(document: JsonObject, spec: SpecName): number;
}

/** A response status the live service returns although the operation does not declare it. */
export interface UndeclaredStatus extends ExceptionBase {
  kind: "undeclared-status";
  statuses: readonly number[];
}

/** The body of error responses, which the specs declare with no content at all. */
export interface ErrorBody extends ExceptionBase {
  kind: "error-body";
  schema: JsonObject;
}

export type SpecException = DocumentPatch | UndeclaredStatus | ErrorBody;

const PAGE_UPDATE_BODY = [
  "components",
  "requestBodies",
  "PageUpdateRequest",
  "content",
  "application/json",
  "schema",
  "properties",
];

/**
 * A write body's oneOf [flat, nested] made exclusive: the flat form has `representation`, the
 * nested one only the given representation keys (closed; OAS 3.0 has no propertyNames).
 */
function exclusiveBodies(flat: string, keys: readonly string[]): JsonObject[] {
  // A fresh object per use: the spec loader rewrites references in place.
  const ref = () => ({ $ref: `#/components/schemas/${flat}` });
  return [
    { allOf: [ref()], required: ["representation"] },
    {
      type: "object",
      properties: Object.fromEntries(keys.map((key) => [key, ref()])),
      additionalProperties: false,
      minProperties: 1,
    },
  ];
}

export const specExceptions: readonly SpecException[] = [
  {
    kind: "document-patch",
    id: "ref-siblings",
    specs: ["v2", "v1"],
    operation: "*",
    field:
      "schemas with keywords next to $ref (v2 ClassificationLevel.status/color; v1 AvailableContentStates, ContentStateResponse)",
    reason:
      "OpenAPI 3.0 Reference Objects cannot carry sibling keywords; the documents fail OpenAPI schema validation. We drop the siblings, which is exactly what OAS 3.0 says readers must do.",
    source: "https://spec.openapis.org/oas/v3.0.3#reference-object",
    apply(document) {
      let changed = 0;
      walkObjects(document, (node) => {
        if (typeof node.$ref !== "string") return;
        for (const key of Object.keys(node)) {
          if (key === "$ref") continue;
          delete node[key];
          changed++;
        }
      });
      return changed;
    },
  },
  {
    kind: "document-patch",
    id: "attachment-property-id-pattern",
    specs: ["v2"],
    operation: ["getAttachmentContentPropertiesById", "getAttachmentVersionDetails"],
    field: "path parameter attachment-id: pattern",
    reason:
      'The pattern is "(att)?0-9+" (missing brackets), which rejects every real attachment id such as "att123". Every sibling operation on the same path declares "(att)?[0-9]+"; getAttachmentVersionDetails has the same typo, while getAttachmentVersions on /attachments/{id}/versions accepts the same ids.',
    source:
      "confluence-v2.json: updateAttachmentPropertyById / deleteAttachmentPropertyById, parameter attachment-id",
    apply(document) {
      const operations = [
        objectAt(document, [
          "paths",
          "/attachments/{attachment-id}/properties/{property-id}",
          "get",
        ]),
        objectAt(document, [
          "paths",
          "/attachments/{attachment-id}/versions/{version-number}",
          "get",
        ]),
      ];
      let changed = 0;
      const parameters = operations.flatMap((operation) =>
        Array.isArray(operation?.parameters) ? operation.parameters : [],
      );
      for (const parameter of parameters) {
        if (!isJsonObject(parameter) || parameter.name !== "attachment-id") continue;
        const schema = parameter.schema;
        if (isJsonObject(schema) && schema.pattern === "(att)?0-9+") {
          schema.pattern = "(att)?[0-9]+";
          changed++;
        }
      }
      return changed;
    },
  },
  {
    kind: "document-patch",
    id: "delete-attachment-id",
    specs: ["v2"],
    operation: ["deleteAttachment"],
    field: "path parameter id: type",
    reason:
      'DELETE /attachments/{id} types the id as int64, while GET on the same path takes "(att)?[0-9]+" and attachments are listed with "att"-prefixed ids; the id a client holds is that one. We give DELETE the GET parameter\'s schema.',
    source: "confluence-v2.json getAttachmentById (GET /attachments/{id}), parameter id",
    apply(document) {
      const path = objectAt(document, ["paths", "/attachments/{id}"]);
      const getId = parameterNamed(path?.get, "id");
      const deleteId = parameterNamed(path?.delete, "id");
      if (!getId || !deleteId || !isJsonObject(deleteId.schema)) return 0;
      if (deleteId.schema.type !== "integer") return 0;
      deleteId.schema = structuredClone(getId.schema);
      return 1;
    },
  },
  {
    kind: "document-patch",
    id: "page-update-format-string",
    specs: ["v2"],
    operation: ["updatePage"],
    field: "request body spaceId, parentId, ownerId: type",
    reason:
      'The three fields carry `format: "string"` and no type, so any JSON value passes; "string" is meant as the type (as in createPage\'s PageCreateRequest, and the ids Confluence returns are strings).',
    source: "https://spec.openapis.org/oas/v3.0.3#data-types; confluence-v2.json PageCreateRequest",
    apply(document) {
      const properties = objectAt(document, PAGE_UPDATE_BODY);
      let changed = 0;
      for (const name of ["spaceId", "parentId", "ownerId"]) {
        const property = properties?.[name];
        if (isJsonObject(property) && property.format === "string" && !property.type) {
          delete property.format;
          property.type = "string";
          changed++;
        }
      }
      return changed;
    },
  },
  {
    kind: "document-patch",
    id: "comment-body-one-of",
    specs: ["v2"],
    operation: [
      "createFooterComment",
      "updateFooterComment",
      "createInlineComment",
      "updateInlineComment",
    ],
    field: "request body.body: oneOf [CommentBodyWrite, CommentNestedBodyWrite]",
    reason:
      "As page-body-one-of: neither alternative has required properties, so every comment body matches both and `oneOf` rejects it. We make them exclusive the same way (flat: `representation`; nested: only storage/atlas_doc_format/wiki keys).",
    source:
      "https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-comment/#api-footer-comments-post (body: representation + value, or nested by representation)",
    apply(document) {
      let changed = 0;
      for (const name of [
        "CreateFooterCommentModel",
        "UpdateFooterCommentModel",
        "CreateInlineCommentModel",
        "UpdateInlineCommentModel",
      ]) {
        const body = objectAt(document, ["components", "schemas", name, "properties"])?.body;
        if (!isJsonObject(body) || !Array.isArray(body.oneOf) || body.oneOf.length !== 2) continue;
        body.oneOf = exclusiveBodies("CommentBodyWrite", ["storage", "atlas_doc_format", "wiki"]);
        changed++;
      }
      return changed;
    },
  },
  {
    kind: "document-patch",
    id: "custom-content-body-one-of",
    specs: ["v2"],
    operation: ["createCustomContent", "updateCustomContent"],
    field: "request body.body: oneOf [CustomContentBodyWrite, CustomContentNestedBodyWrite]",
    reason:
      "As page-body-one-of: neither alternative has required properties, so every body matches both and `oneOf` rejects it; made exclusive the same way (nested keys: storage, atlas_doc_format, raw).",
    source:
      "https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-custom-content/#api-custom-content-post",
    apply(document) {
      let changed = 0;
      for (const name of ["CustomContentCreateRequest", "CustomContentUpdateRequest"]) {
        const body = objectAt(document, [
          "components",
          "requestBodies",
          name,
          "content",
          "application/json",
          "schema",
          "properties",
        ])?.body;
        if (!isJsonObject(body) || !Array.isArray(body.oneOf) || body.oneOf.length !== 2) continue;
        body.oneOf = exclusiveBodies("CustomContentBodyWrite", [
          "storage",
          "atlas_doc_format",
          "raw",
        ]);
        changed++;
      }
      return changed;
    },
  },
  {
    kind: "document-patch",
    id: "page-body-one-of",
    specs: ["v2"],
    operation: ["createPage", "updatePage", "createBlogPost", "updateBlogPost"],
    field:
      "request body.body: oneOf [PageBodyWrite, PageNestedBodyWrite] (and the BlogPost* twins)",
    reason:
      "Neither alternative has required properties, so every object matches both and `oneOf` rejects every page (and blog post) body. We keep both shapes but make them exclusive: the flat one has `representation`, the nested one only storage/atlas_doc_format/wiki keys.",
    source:
      "https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/#api-pages-post (body: representation + value, or nested by representation)",
    apply(document) {
      let changed = 0;
      for (const [requestBody, prefix] of [
        ["PageCreateRequest", "Page"],
        ["PageUpdateRequest", "Page"],
        ["BlogPostCreateRequest", "BlogPost"],
        ["BlogPostUpdateRequest", "BlogPost"],
      ] as const) {
        const properties = objectAt(document, [
          "components",
          "requestBodies",
          requestBody,
          "content",
          "application/json",
          "schema",
          "properties",
        ]);
        const body = properties?.body;
        if (!isJsonObject(body) || !Array.isArray(body.oneOf) || body.oneOf.length !== 2) continue;
        body.oneOf = [
          {
            allOf: [{ $ref: `#/components/schemas/${prefix}BodyWrite` }],
            required: ["representation"],
          },
          {
            // The nested write's own properties, closed (OAS 3.0 has no propertyNames).
            type: "object",
            properties: {
              storage: { $ref: `#/components/schemas/${prefix}BodyWrite` },
              atlas_doc_format: { $ref: `#/components/schemas/${prefix}BodyWrite` },
              wiki: { $ref: `#/components/schemas/${prefix}BodyWrite` },
            },
            additionalProperties: false,
            minProperties: 1,
          },
        ];
        changed++;
      }
      return changed;
    },
  },
  {
    kind: "document-patch",
    id: "comma-separated-query-arrays",
    specs: ["v2"],
    operation: "*",
    field: "array-typed query parameters (id, space-id, status, ids, keys, labels, ...)",
    reason:
      "The spec declares no style, which in OAS means repeated keys (status=a&status=b). Confluence documents and accepts comma-separated lists (style=form, explode=false); our client sends those. Items are still checked against the declared item schema.",
    source:
      'confluence-v2.json getPages "id": "Multiple page ids can be specified as a comma-separated list."; https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/#api-pages-get',
    apply(document) {
      let changed = 0;
      walkObjects(document, (node) => {
        const schema = node.schema;
        if (node.in !== "query" || !isJsonObject(schema) || schema.type !== "array") return;
        if (node.explode !== undefined) return;
        node.style = "form";
        node.explode = false;
        changed++;
      });
      return changed;
    },
  },
  {
    kind: "error-body",
    id: "v2-error-body",
    specs: ["v2"],
    operation: "*",
    field: "response body of statuses >= 400",
    reason:
      'Every v2 error status is declared with `content: {}`, yet Confluence answers {"errors":[{"status","code","title","detail"}]}. Bodies are checked against that shape.',
    source:
      "https://community.developer.atlassian.com/t/is-there-any-docs-related-to-the-error-responses-types-codes-and-anything-related-to-error-handling-for-the-confluence-cloud-rest-api/98344",
    schema: {
      type: "object",
      required: ["errors"],
      properties: {
        errors: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["status", "code", "title"],
            properties: {
              status: { type: "integer", minimum: 400, maximum: 599 },
              code: { type: "string", minLength: 1 },
              title: { type: "string" },
              detail: { type: "string", nullable: true },
            },
          },
        },
      },
    },
  },
  {
    kind: "error-body",
    id: "v1-error-body",
    specs: ["v1"],
    operation: "*",
    field: "response body of statuses >= 400",
    reason:
      'v1 error statuses are declared without content; the v1 docs show {"statusCode", "data", "message"}. Bodies are checked against that shape.',
    source: "https://developer.atlassian.com/cloud/confluence/rest/v1/intro/#status-codes",
    schema: {
      type: "object",
      required: ["statusCode", "message"],
      properties: {
        statusCode: { type: "integer", minimum: 400, maximum: 599 },
        message: { type: "string" },
        data: { type: "object" },
      },
    },
  },
  {
    kind: "document-patch",
    id: "gateway-401-body",
    specs: ["v2", "v1"],
    operation: "*",
    field: "response body of status 401",
    reason:
      'Through the OAuth API gateway (api.atlassian.com/ex/confluence/{cloudId}) an unknown, revoked or under-scoped token is refused by the gateway itself with {"code":401,"message":"Unauthorized[; scope does not match]"}, not with the Confluence error envelope. A 401 body may be either shape.',
    source:
      "docs/oauth.md (Expired tokens, scopes, errors): kovetskiy/mark#917, sooperset/mcp-atlassian#1323",
    apply(document) {
      let changed = 0;
      walkResponses(document, (status, response) => {
        if (status !== "401") return;
        const json = objectAt(response, ["content", "application/json"]);
        if (!json || !isJsonObject(json.schema)) return;
        json.schema = { anyOf: [json.schema, GATEWAY_401_BODY] };
        changed++;
      });
      return changed;
    },
  },
  {
    kind: "undeclared-status",
    id: "oauth-expired-token-v2",
    specs: ["v2"],
    operation: "*",
    field: "response status 404",
    reason:
      "With an expired OAuth 2.0 access token, v2 operations called through the API gateway answer 404 (v2 NOT_FOUND envelope), never 401; some operations (e.g. getPages) do not declare 404.",
    source: 'docs/oauth.md; n8n-io/n8n#37776 ("404 on v2 paths and 403 on v1, never the 401")',
    statuses: [404],
  },
  {
    kind: "undeclared-status",
    id: "oauth-expired-token-v1",
    specs: ["v1"],
    operation: "*",
    field: "response status 403",
    reason:
      "With an expired OAuth 2.0 access token, v1 operations called through the API gateway answer 403, which several (e.g. getSpaces) do not declare.",
    source: 'docs/oauth.md; n8n-io/n8n#37776 ("404 on v2 paths and 403 on v1, never the 401")',
    statuses: [403],
  },
  {
    kind: "undeclared-status",
    id: "rate-limit",
    specs: ["v2", "v1"],
    operation: "*",
    field: "response status 429",
    reason:
      "No operation declares 429, but Atlassian documents that any REST API can return a rate-limit response (with Retry-After).",
    source: "https://developer.atlassian.com/cloud/confluence/rate-limiting/",
    statuses: [429],
  },
  {
    kind: "undeclared-status",
    id: "v1-retired-on-gateway",
    specs: ["v1"],
    operation: RETIRED_ON_GATEWAY.map((op) => op.operationId),
    field: "response status 410",
    reason:
      "The v1 operations Atlassian removed after deprecating them for their v2 equivalents answer 410 GoneException through the OAuth gateway; the v1 document predates the removal and declares no 410. The emulator answers 410 on the gateway only (test/oauth/retired-v1.test.ts checks the site URL still serves them).",
    source:
      "https://developer.atlassian.com/cloud/confluence/changelog/#CHANGE-864; docs/emulator.md, v1 paths retired on the OAuth gateway",
    statuses: [410],
  },
  {
    kind: "undeclared-status",
    id: "transient-503",
    specs: ["v2", "v1"],
    operation: "*",
    field: "response status 503",
    reason:
      "Atlassian documents transient 5XX responses, e.g. 503 with Retry-After when a resource limit is reached; few operations declare it.",
    source: "https://developer.atlassian.com/cloud/confluence/rate-limiting/",
    statuses: [503],
  },
  {
    kind: "undeclared-status",
    id: "update-page-version-conflict",
    specs: ["v2"],
    operation: ["updatePage", "updateBlogPost"],
    field: "response status 409",
    reason:
      'updatePage (and updateBlogPost, which shares its version rules) declares 200/400/401/404 only; a stale version.number gets 409 CONFLICT ("Version must be incremented when updating a page"), as v1 updateContent declares.',
    source:
      "https://community.developer.atlassian.com/t/is-there-any-docs-related-to-the-error-responses-types-codes-and-anything-related-to-error-handling-for-the-confluence-cloud-rest-api/98344; confluence-v1.json updateContent 409",
    statuses: [409],
  },
  {
    kind: "undeclared-status",
    id: "update-comment-version-conflict",
    specs: ["v2"],
    operation: ["updateFooterComment", "updateInlineComment", "updateCustomContent"],
    field: "response status 409",
    reason:
      "Like updatePage, these updates take version.number = current + 1; a stale number gets 409 CONFLICT, which the operations do not declare (v1 updateContent, which serves comments and custom content too, declares it).",
    source: "confluence-v1.json updateContent 409; docs/emulator.md (comments, custom content)",
    statuses: [409],
  },
  {
    kind: "undeclared-status",
    id: "redaction-needs-guard-premium",
    specs: ["v2"],
    operation: ["postRedactPage", "postRedactBlog"],
    field: "response status 403, 404",
    reason:
      "Redaction requires Atlassian Guard Premium; the operations declare only 202 and 400. A site without it refuses the request (403), and a missing page or blog post is a 404 like every v2 content operation.",
    source: "https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-redactions/",
    statuses: [403, 404],
  },
  {
    kind: "undeclared-status",
    id: "update-property-version-conflict",
    specs: ["v2"],
    operation: [
      "updatePagePropertyById",
      "updateAttachmentPropertyById",
      "updateCustomContentPropertyById",
      "updateBlogpostPropertyById",
      "updateSpacePropertyById",
    ],
    field: "response status 409",
    reason:
      "The v2 property updates declare no 409, but the same content-property store answers 409 when version.number is not current + 1, as v1 declares for the same data.",
    source:
      'confluence-v1.json updateContentProperty (PUT /wiki/rest/api/content/{id}/property/{key}): 409 "Returned if the property version is not correctly incremented."',
    statuses: [409],
  },
];

/** The API gateway's own 401 body (docs/oauth.md). */
const GATEWAY_401_BODY: JsonObject = {
  type: "object",
  required: ["code", "message"],
  properties: { code: { type: "integer", enum: [401] }, message: { type: "string" } },
};

/** Visits every response object of every operation, with its status key. */
function walkResponses(
  document: JsonObject,
  visit: (status: string, response: JsonObject) => void,
) {
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const item of Object.values(paths)) {
    if (!isJsonObject(item)) continue;
    for (const operation of Object.values(item)) {
      const responses = isJsonObject(operation) ? operation.responses : undefined;
      if (!isJsonObject(responses)) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (isJsonObject(response)) visit(status, response);
      }
    }
  }
}

function parameterNamed(operation: unknown, name: string): JsonObject | undefined {
  const parameters = isJsonObject(operation) ? operation.parameters : undefined;
  return (Array.isArray(parameters) ? parameters : []).find(
    (parameter): parameter is JsonObject => isJsonObject(parameter) && parameter.name === name,
  );
}

/** Whether an exception covers this operation. */
export function appliesTo(exception: SpecException, operationId: string): boolean {
  return exception.operation === "*" || exception.operation.includes(operationId);
}

export function errorBodyException(spec: SpecName): ErrorBody | undefined {
  return specExceptions.find(
    (entry): entry is ErrorBody => entry.kind === "error-body" && entry.specs.includes(spec),
  );
}

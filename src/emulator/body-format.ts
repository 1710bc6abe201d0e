// Body representations. Confluence stores `storage` (XHTML) and converts on read; we convert
// minimally: atlas_doc_format is a doc with one paragraph holding the text of the storage body
// (ADF structure per https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/).
import type { BodyType, PageBodyWrite } from "../types/confluence.js";
import { ApiError, badRequest } from "./errors.js";
import { parseJsonWithinDepth } from "./json-depth.js";
import { storageAsSaved } from "./storage-on-save.js";

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
  "&nbsp;": " ",
};

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function storageToText(storage: string): string {
  return storage
    .replace(/<[^>]*>/g, " ")
    .replace(/&(lt|gt|amp|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

function storageToAdf(storage: string): string {
  const text = storageToText(storage);
  return JSON.stringify({
    type: "doc",
    version: 1,
    content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }],
  });
}

function collectText(node: unknown, out: string[]): void {
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.type === "text" && typeof record.text === "string") out.push(record.text);
  if (Array.isArray(record.content)) for (const child of record.content) collectText(child, out);
}

/** Turns any accepted write representation into the stored storage value. */
export function toStorage(body: PageBodyWrite): string {
  switch (body.representation) {
    case "storage":
      return storageAsSaved(body.value);
    case "atlas_doc_format": {
      let doc: unknown;
      try {
        // Depth-limited: collectText recurses over the document.
        doc = parseJsonWithinDepth(body.value);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw badRequest("Invalid atlas_doc_format body: not a JSON document");
      }
      const parts: string[] = [];
      collectText(doc, parts);
      return `<p>${escapeXml(parts.join(" "))}</p>`;
    }
    case "wiki":
      return `<p>${escapeXml(body.value)}</p>`;
    default:
      throw badRequest("Unsupported body representation");
  }
}

/** `body` field for a requested `body-format` (empty object when none was asked for). */
export function renderBody(storage: string, format: string | undefined): Record<string, BodyType> {
  switch (format) {
    case undefined:
      return {};
    case "storage":
      return { storage: { representation: "storage", value: storage } };
    case "atlas_doc_format":
      return {
        atlas_doc_format: { representation: "atlas_doc_format", value: storageToAdf(storage) },
      };
    case "raw":
      return { raw: { representation: "raw", value: storage } };
    default:
      // view, export_view, styled_view, editor...: rendered HTML; storage is a fair stand-in.
      return { [format]: { representation: format, value: storage } };
  }
}

/** Parses a write body (PageBodyWrite or PageNestedBodyWrite, per createPage's oneOf). */
export function parseWriteBody(value: unknown): PageBodyWrite | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object") throw badRequest("body must be an object");
  const record = value as Record<string, unknown>;
  if (typeof record.representation === "string") {
    if (typeof record.value !== "string") throw badRequest("body.value must be a string");
    const representation = record.representation;
    if (
      representation !== "storage" &&
      representation !== "atlas_doc_format" &&
      representation !== "wiki"
    ) {
      throw badRequest(`Unsupported body representation: ${representation.slice(0, 50)}`);
    }
    return { representation, value: record.value };
  }
  for (const representation of ["storage", "atlas_doc_format", "wiki"] as const) {
    const nested = record[representation];
    if (nested !== undefined) return parseWriteBody({ representation, ...(nested as object) });
  }
  throw badRequest("body must have a representation and a value");
}

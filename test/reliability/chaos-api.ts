// What the chaos suite uses from the core, in one place.
export {
  ConfluenceApiError,
  type ConfluenceClient,
  createPageSafely,
  createPropertySafely,
  updatePageSafely,
  updatePropertySafely,
  type WriteResolution,
} from "../../src/core/index.js";

export interface ContentPropertyLike {
  id: string;
  key: string;
  value: unknown;
  version: { number: number };
}

// The tree content types of the v2 API besides pages, with their URL segment, OAuth noun and the
// parameters of their create and get operations (createFolder, createWhiteboard, createDatabase,
// createSmartLink in confluence-v2.json).
import type { TreeContentType } from "../model-content.js";

export interface TreeType {
  type: TreeContentType;
  segment: string;
  /** read:{noun}:confluence ... */
  noun: string;
  /** What Confluence names an untitled item. */
  defaultTitle: string;
  /** Which types have classification-level endpoints. */
  classified: boolean;
}

export const TREE_TYPES: readonly TreeType[] = [
  {
    type: "folder",
    segment: "folders",
    noun: "folder",
    defaultTitle: "Untitled folder",
    classified: false,
  },
  {
    type: "whiteboard",
    segment: "whiteboards",
    noun: "whiteboard",
    defaultTitle: "Untitled whiteboard",
    classified: true,
  },
  {
    type: "database",
    segment: "databases",
    noun: "database",
    defaultTitle: "Untitled database",
    classified: true,
  },
  {
    type: "embed",
    segment: "embeds",
    noun: "embed",
    defaultTitle: "Untitled Smart Link",
    classified: false,
  },
];

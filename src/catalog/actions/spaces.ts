// Spaces: List Spaces (getSpaces) and Get Space (getSpaceById), Confluence REST API v2.
import * as i from "../inputs.js";
import { path } from "../wire.js";
import { defineAction } from "./define.js";

export const listSpaces = defineAction({
  key: "listSpaces",
  label: "List Spaces",
  description: "Returns all spaces.",
  endpoint: "GET /spaces",
  inputs: { connection: i.connection, ...i.listInputs },
});

export const getSpace = defineAction({
  key: "getSpace",
  label: "Get Space",
  description: "Returns a specific space.",
  endpoint: "GET /spaces/{id}",
  inputs: { connection: i.connection, spaceId: path("id", i.spaceId), ...i.getInputs },
});

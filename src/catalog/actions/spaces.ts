// Spaces: List Spaces (getSpaces) and Get Space (getSpaceById), Confluence REST API v2.
import * as i from "../inputs.js";
import { callApi, listApi } from "../request.js";
import { defineAction } from "./define.js";

export const listSpaces = defineAction({
  key: "listSpaces",
  label: "List Spaces",
  description: "Returns all spaces.",
  endpoint: "GET /spaces",
  inputs: {
    connection: i.connection,
    limit: i.limit,
    cursor: i.cursor,
    queryParameters: i.queryParameters,
    fetchAll: i.fetchAll,
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) =>
    listApi(ctx, {
      path: "/spaces",
      extraQuery: input.queryParameters,
      limit: input.limit,
      cursor: input.cursor,
      fetchAll: input.fetchAll,
    }),
});

export const getSpace = defineAction({
  key: "getSpace",
  label: "Get Space",
  description: "Returns a specific space.",
  endpoint: "GET /spaces/{id}",
  inputs: {
    connection: i.connection,
    spaceId: i.spaceId,
    queryParameters: i.queryParameters,
    debugRequest: i.debugRequest,
  },
  run: (input, ctx) =>
    callApi(ctx, {
      method: "GET",
      path: "/spaces/{id}",
      params: { id: input.spaceId },
      extraQuery: input.queryParameters,
    }),
});

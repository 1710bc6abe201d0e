// Inputs declare where they go: over the whole catalog, every `{param}` of an endpoint is filled
// by exactly one path input and every path input names a `{param}` (actions with a `run` of their
// own that place nothing in the path fill it themselves); `defineAction` refuses a mismatch at
// compile time. And the request assembled from the declarations is the one Confluence expects.
import { describe, expect, it } from "vitest";
import { defineAction } from "../../src/catalog/actions/define.js";
import { actions } from "../../src/catalog/index.js";
import * as i from "../../src/catalog/inputs.js";
import { assemble, path, placeholders, query } from "../../src/catalog/wire.js";

const all = Object.values(actions);

describe("path inputs and endpoint templates", () => {
  it.each(all.map((action) => [action.key, action] as const))("%s", (_key, action) => {
    const pathInputs = Object.values(action.inputs).flatMap((input) =>
      input.wire?.in === "path" ? [input.wire.name] : [],
    );
    const params = placeholders(action.endpoint);
    if (action.run !== undefined && pathInputs.length === 0) return;
    expect(pathInputs.toSorted()).toEqual(params.toSorted());
    expect(new Set(pathInputs).size).toBe(pathInputs.length);
  });

  it("only actions with logic of their own keep a run", () => {
    const withRun = all.filter((action) => action.run !== undefined).map((action) => action.key);
    expect(withRun.toSorted()).toEqual(
      [
        "createPage",
        "updatePage",
        "createContentPropertyForAttachment",
        "createContentPropertyForCustomContent",
        "createContentPropertyForPage",
        "updateContentPropertyForAttachment",
        "updateContentPropertyForCustomContent",
        "updateContentPropertyForPage",
        "rawRequest",
        "graphqlRequest",
        "searchContent",
        "getPageByTitle",
        // Another endpoint per content type, a lookup first, a multipart body, a file, a wait.
        "listContentLabels",
        "addLabels",
        "removeLabel",
        "listPagesWithLabel",
        "uploadAttachment",
        "downloadAttachment",
        "createSpace",
        "deleteSpace",
        "getSpaceByKey",
        // Beyond the specification: cross-input checks, nested bodies, versioned safe updates.
        "createBlogPost",
        "updateBlogPost",
        "updatePageTitle",
        "restorePageVersion",
        "createFooterComment",
        "replyToFooterComment",
        "updateFooterComment",
        "createInlineComment",
        "resolveInlineComment",
      ].toSorted(),
    );
  });

  it("defineAction checks path inputs against a literal template at compile time", () => {
    const inputs = { connection: i.connection, pageId: path("id", i.pageId) };
    const ok = defineAction({
      key: "k",
      label: "L",
      description: "",
      endpoint: "GET /pages/{id}",
      inputs,
    });
    expect(ok.endpoint).toBe("GET /pages/{id}");
    // @ts-expect-error: the template has {page-id}, the input is placed at {id}
    defineAction({
      key: "k",
      label: "L",
      description: "",
      endpoint: "GET /pages/{page-id}",
      inputs,
    });
    const two = { ...inputs, propertyId: path("property-id", i.propertyId) };
    // @ts-expect-error: {property-id} is placed but not in the template
    defineAction({
      key: "k",
      label: "L",
      description: "",
      endpoint: "GET /pages/{id}",
      inputs: two,
    });
  });
});

describe("the request assembled from the declarations", () => {
  it("places path, query, body and header inputs; a flag marked omitFalse only when true", () => {
    const inputs = {
      id: path("id", i.pageId),
      purge: query("purge", i.flag("Purge", ""), "omitFalse"),
      draft: query("draft", i.flag("Draft", "")),
      queryParameters: i.queryParameters,
      debugRequest: i.debugRequest,
    };
    const request = assemble(inputs, {
      id: "7",
      purge: false,
      draft: false,
      queryParameters: [["expand", "x"]],
      debugRequest: true,
    });
    expect(request).toEqual({
      params: { id: "7" },
      query: { purge: undefined, draft: false },
      extraQuery: [["expand", "x"]],
      body: undefined,
      headers: {},
    });
  });
});

// Bad inputs are refused with the input's label and a reason, and nothing reaches Confluence.
import { describe, expect, it } from "vitest";
import { actions } from "../../src/catalog/index.js";
import { DEMO_IDS } from "../../src/emulator/seed.js";
import { useComponent } from "./support.js";

const { run, received } = useComponent();
const PAGE = DEMO_IDS.pages.architecture;
const ATT = DEMO_IDS.attachments.architecturePdf;
const PROP_UPDATE = JSON.stringify({ key: "k", value: 1, version: { number: 2 } });

type Case = [action: string, params: Record<string, unknown>, message: RegExp];

/** Valid JSON `levels` arrays deep inside an object (issue 12: ~3,200 levels overflowed). */
const deepJson = (levels: number, prefix = '{"key": "k", "value": ') =>
  `${prefix}${"[".repeat(levels)}${"]".repeat(levels)}}`;
/** The same depth as a value a previous step hands over. */
function deepValue(levels: number): Record<string, unknown> {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = [value];
  return { key: "k", value };
}
const TOO_DEEP = /is nested more than 1000 levels deep/;

const cases: Case[] = [
  ["createPage", {}, /"Space Id": is required/],
  ["createPage", { spaceId: "ENG" }, /"Space Id": must be a numeric Confluence id/],
  [
    "createPage",
    { spaceId: "65537", title: "T" },
    /"Body": still contains the template placeholder "<string>" at \$\.value/,
  ],
  ["createPage", { spaceId: "65537", body: "" }, /"Title": is required unless Status is draft/],
  [
    "createPage",
    { spaceId: "65537", title: "T", body: '{"representation": "storage",\n "value": }' },
    /"Body": is not valid JSON: expected a JSON value at line 2, column 11/,
  ],
  [
    "createPage",
    { spaceId: "65537", title: "T", body: "", status: "published" },
    /"Status": must be one of current, draft/,
  ],
  [
    "createPage",
    { spaceId: "65537", title: "T", body: "", embedded: "yes" },
    /"Embedded": must be true or false/,
  ],
  ["getPage", {}, /"Page Id": is required/],
  ["getPage", { pageId: "12a" }, /"Page Id": must be a numeric Confluence id/],
  [
    "getPage",
    { pageId: PAGE, bodyFormat: "html" },
    /"Body Format": must be one of storage, atlas_doc_format, view/,
  ],
  ["getPage", { pageId: PAGE, version: "0" }, /"Version": must be between 1 and/],
  [
    "updatePage",
    { pageId: PAGE, status: "current", title: "T", body: '{"value":"x"}' },
    /"Version": still contains the template placeholder/,
  ],
  [
    "updatePage",
    {
      pageId: PAGE,
      status: "current",
      title: "T",
      body: '{"value":"x"}',
      version: '{"message":"m"}',
    },
    /"Version": must have "number"/,
  ],
  ["deletePage", { pageId: "../1" }, /"Page Id": must be a numeric/],
  ["listPages", { limit: "0" }, /"Limit": must be between 1 and 250, got 0/],
  ["listPages", { limit: "251" }, /"Limit": must be between 1 and 250/],
  ["listPages", { id: "1,x" }, /"Id": must be a numeric Confluence id/],
  [
    "listPages",
    { status: "current,draft" },
    /"Status": must be one of current, archived, deleted, trashed/,
  ],
  ["listPages", { sort: "name" }, /"Sort": must be one of id, -id/],
  [
    "listPagesInSpace",
    { spaceId: "65537", depth: "children" },
    /"Depth": must be one of all, root/,
  ],
  ["listSpaces", { cursor: "", limit: "ten" }, /"Limit": must be a whole number/],
  [
    "listSpaces",
    { queryParameters: [{ key: "limit", value: "5" }] },
    /"Query Parameters": use the "Limit" input/,
  ],
  ["getSpace", { spaceId: "" }, /"Space Id": is required/],
  ["listAttachments", { limit: "-1" }, /"Limit": must be between 1 and 250/],
  [
    "getAttachment",
    { attachmentId: "file131073" },
    /"Attachment Id": must be an attachment id such as att123456/,
  ],
  ["deleteAttachment", { attachmentId: ATT, purge: "maybe" }, /"Purge": must be true or false/],
  ["getPageAttachment", { pageId: "" }, /"Page Id": is required/],
  ["listContentLabels", { contentId: "" }, /"Content Id": is required/],
  ["addLabels", { contentId: PAGE, labels: "a b" }, /"Labels": "a b" is not a label name/],
  ["removeLabel", { contentId: PAGE }, /"Label": is required/],
  ["listPagesWithLabel", { labelId: "x" }, /"Label Id": must be a numeric Confluence id/],
  // Beyond the specification: the page tree and history, comments, blog posts.
  ["listPageChildren", {}, /"Page Id": is required/],
  ["listPageDescendants", {}, /"Page Id": is required/],
  ["listPageAncestors", {}, /"Page Id": is required/],
  ["movePage", {}, /"Page Id": is required/],
  ["updatePageTitle", {}, /"Page Id": is required/],
  ["listPageVersions", {}, /"Page Id": is required/],
  ["getPageVersion", {}, /"Page Id": is required/],
  ["restorePageVersion", {}, /"Page Id": is required/],
  ["listPageFooterComments", {}, /"Page Id": is required/],
  ["listBlogPostFooterComments", {}, /"Blog Post Id": is required/],
  ["listCommentReplies", {}, /"Comment Id": is required/],
  ["createFooterComment", {}, /"Body": still contains the template placeholder/],
  ["replyToFooterComment", {}, /"Parent Comment Id": is required/],
  ["updateFooterComment", {}, /"Comment Id": is required/],
  ["deleteFooterComment", {}, /"Comment Id": is required/],
  ["listPageInlineComments", {}, /"Page Id": is required/],
  ["listBlogPostInlineComments", {}, /"Blog Post Id": is required/],
  ["createInlineComment", {}, /"Body": still contains the template placeholder/],
  ["resolveInlineComment", {}, /"Comment Id": is required/],
  ["createBlogPost", {}, /"Space Id": is required/],
  ["getBlogPost", {}, /"Blog Post Id": is required/],
  ["listBlogPostsInSpace", {}, /"Space Id": is required/],
  ["updateBlogPost", {}, /"Blog Post Id": is required/],
  ["deleteBlogPost", {}, /"Blog Post Id": is required/],
  ["listPageChildren", { pageId: "12a" }, /"Page Id": must be a numeric Confluence id/],
  ["getBlogPost", { blogPostId: "../1" }, /"Blog Post Id": must be a numeric Confluence id/],
  [
    "movePage",
    { pageId: PAGE, targetId: PAGE, position: "inside" },
    /"Position": must be one of append, before, after/,
  ],
  ["getPageVersion", { pageId: PAGE, versionNumber: "0" }, /"Version Number":/],
  ["uploadAttachment", { contentId: PAGE, fileName: "a.txt" }, /"File": is required/],
  [
    "downloadAttachment",
    { attachmentId: ATT, maxSizeMb: "0" },
    /"Max Size \(MB\)": must be between/,
  ],
  ["createSpace", {}, /"Name": is required/],
  ["deleteSpace", { spaceKey: "a b" }, /"Space Key": must be letters and digits/],
  ["getSpaceByKey", {}, /"Space Key": is required/],
  ["getCurrentUser", { debugRequest: "maybe" }, /"Debug Request": must be true or false/],
  ["getUsersByAccountIds", {}, /"Account Ids": is required/],
  [
    "createContentPropertyForPage",
    { pageId: PAGE },
    /"Body Data": still contains the template placeholder "<string>" at \$\.key/,
  ],
  [
    "createContentPropertyForAttachment",
    { attachmentId: ATT, bodyData: "[1]" },
    /"Body Data": must be a JSON object/,
  ],
  [
    "createContentPropertyForCustomContent",
    { customContentId: "1", bodyData: '{"value": 1}' },
    /"Body Data": must have a non-empty "key"/,
  ],
  [
    "updateContentPropertyForPage",
    { pageId: PAGE, propertyId: "1" },
    /"Body Data": still contains the template placeholder/,
  ],
  [
    "updateContentPropertyForAttachment",
    { attachmentId: ATT, propertyId: "1", bodyData: '{"key":"k","value":1}' },
    /"Body Data": must have "version"/,
  ],
  [
    "updateContentPropertyForCustomContent",
    { customContentId: "1", propertyId: "x", bodyData: PROP_UPDATE },
    /"Property Id": must be a numeric/,
  ],
  ["getContentPropertiesForPage", { pageId: PAGE }, /"Property Id": is required/],
  [
    "getContentPropertiesForAttachments",
    { attachmentId: "att", propertyId: "1" },
    /"Attachment Id": must be an attachment id/,
  ],
  [
    "getContentPropertiesForCustomContent",
    { customContentId: "cc", propertyId: "1" },
    /"Custom Content Id": must be a numeric/,
  ],
  ["deleteContentPropertyForPage", { pageId: PAGE, propertyId: "" }, /"Property Id": is required/],
  [
    "deleteContentPropertyForAttachment",
    { attachmentId: "", propertyId: "1" },
    /"Attachment Id": is required/,
  ],
  [
    "deleteContentPropertyForCustomContent",
    { customContentId: "1", propertyId: "1.5" },
    /"Property Id": must be a numeric/,
  ],
  [
    "listContentPropertiesForPage",
    { pageId: PAGE, sort: "value" },
    /"Sort": must be one of key, -key/,
  ],
  [
    "listContentPropertiesForAttachments",
    { attachmentId: ATT, limit: "1000" },
    /"Limit": must be between 1 and 250/,
  ],
  [
    "listContentPropertiesForCustomContent",
    { customContentId: "" },
    /"Custom Content Id": is required/,
  ],
  [
    "rawRequest",
    { url: "wiki/api/v2/pages", method: "GET" },
    /"URL": (".*" )?must be a path on your Confluence site starting with (a single )?"\/"/,
  ],
  ["rawRequest", { url: "//evil.example.com/x", method: "GET" }, /"URL": (".*" )?must be a path/],
  [
    "rawRequest",
    { url: "/wiki/api/v2/../../x", method: "GET" },
    /"URL": (".*" )?must not contain "\." or "\.\." path segments/,
  ],
  [
    "rawRequest",
    { url: "/wiki/api/v2/pages", method: "FETCH" },
    /"Method": must be one of GET, POST/,
  ],
  [
    "rawRequest",
    { url: "/wiki/api/v2/pages", method: "POST", data: '{"a": 1,}' },
    /"Data": is not valid JSON: expected a property name in double quotes at line 1, column 9/,
  ],
  [
    "rawRequest",
    {
      url: "/wiki/api/v2/pages",
      method: "GET",
      headers: [{ key: "X-A", value: "1\r\nInjected: yes" }],
    },
    /"Header": header "X-A" has a value containing a line break/,
  ],
  [
    "rawRequest",
    {
      url: "/wiki/api/v2/pages",
      method: "GET",
      headers: [{ key: "Authorization", value: "Bearer x" }],
    },
    /"Header": must not set "Authorization"/,
  ],
  // undici refuses Expect; it used to surface as a network error (GET) or "outcome unknown" (POST).
  ...["GET", "POST"].map(
    (method): Case => [
      "rawRequest",
      {
        url: "/wiki/api/v2/pages",
        method,
        data: method === "POST" ? '{"a": 1}' : undefined,
        headers: [{ key: "Expect", value: "100-continue" }],
      },
      /"Header": must not set "Expect": the connector always sends the body at once/,
    ],
  ),
  [
    "rawRequest",
    { url: "/wiki/api/v2/pages", method: "GET", fileDataFileNames: [{ key: "f", value: "a.txt" }] },
    /"File Data File Names": has the key "f"/,
  ],
  [
    "rawRequest",
    { url: "/wiki/api/v2/pages", method: "GET", maxRetries: "-1" },
    /"Max Retry Count": must be between 0 and 10/,
  ],
  [
    "rawRequest",
    { url: "/wiki/api/v2/pages", method: "GET", timeout: "soon" },
    /"Timeout": must be a whole number/,
  ],
  ["graphqlRequest", { query: "" }, /"Query or Mutation": is required/],
  [
    "graphqlRequest",
    { query: "{ x }", variables: '{"a": }' },
    /"Variables": is not valid JSON: expected a JSON value at line 1, column 7/,
  ],
  [
    "graphqlRequest",
    { query: "{ x }", headers: [{ key: "Bad Header", value: "1" }] },
    /"Headers": has an invalid header name/,
  ],
  ["searchContent", {}, /"CQL": or Text is required/],
  ["searchContent", { text: "x", contentType: "folder" }, /"Content Type": must be one of page/],
  ["searchContent", { text: "x", limit: "0" }, /"Limit": must be between 1 and 250/],
  ["getPageByTitle", { title: "Architecture" }, /"Space Key": is required/],
  ["getPageByTitle", { spaceKey: "ENG" }, /"Title": is required/],
];

// Deeply nested JSON inputs: an InputError naming the input, not a RangeError. (Named by
// index: a test title cannot show these inputs.)
const deepCases: Case[] = [
  ["createPage", { spaceId: "65537", title: "T", body: deepJson(3200) }, /"Body": is nested/],
  ["createPage", { spaceId: "65537", title: "T", body: deepValue(20_000) }, TOO_DEEP],
  ["createContentPropertyForPage", { pageId: PAGE, bodyData: deepJson(3200) }, TOO_DEEP],
  ["graphqlRequest", { query: "{ x }", variables: deepJson(3200, '{"v": ') }, TOO_DEEP],
  [
    "graphqlRequest",
    { query: "{ x }", variables: [{ key: "v", value: deepValue(20_000) }] },
    /"Variables": is nested/,
  ],
  ["rawRequest", { url: "/wiki/api/v2/pages", method: "POST", data: deepJson(5000) }, TOO_DEEP],
  [
    "rawRequest",
    { url: "/wiki/api/v2/pages", method: "POST", data: deepValue(20_000) },
    /"Data": is nested/,
  ],
  [
    "rawRequest",
    { url: "/wiki/api/v2/pages", method: "POST", data: "[".repeat(100_000) },
    /"Data": is nested more than 1000 levels deep/,
  ],
];

describe("input validation", () => {
  it.each(cases)("%s %j is refused", async (action, params, message) => {
    const error = await run(action, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("InputError");
    expect((error as Error).message).toMatch(message);
    expect(await received()).toEqual([]);
  });

  it.each(deepCases.map((c, index) => [index, ...c] as const))(
    "deep JSON case %i (%s) is refused",
    async (_index, action, params, message) => {
      const error = await run(action, params).catch((e: unknown) => e);
      expect((error as Error).name).toBe("InputError");
      expect((error as Error).message).toMatch(message);
      expect(await received()).toEqual([]);
    },
  );

  it("covers every action", () => {
    expect(new Set(cases.map(([action]) => action))).toEqual(new Set(Object.keys(actions)));
  });

  it("refuses the emulator's loopback host unless the runner set CONFLUENCE_ALLOW_LOOPBACK_HTTP=1", async () => {
    const previous = process.env.CONFLUENCE_ALLOW_LOOPBACK_HTTP;
    delete process.env.CONFLUENCE_ALLOW_LOOPBACK_HTTP;
    try {
      const error = await run("rawRequest", { url: "/wiki/api/v2/spaces", method: "GET" }).catch(
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/points at this machine/);
      expect(await received()).toEqual([]);
    } finally {
      process.env.CONFLUENCE_ALLOW_LOOPBACK_HTTP = previous;
    }
  });

  it("refuses a connection without credentials before sending anything", async () => {
    const error = await run("listSpaces", {
      connection: {
        key: "basic",
        configVarKey: "",
        fields: { email: "a@b.c", host: "x.atlassian.net" },
      },
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/"Connection": is missing "API Token"/);
    expect(await received()).toEqual([]);
  });
});

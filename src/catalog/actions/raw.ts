// Raw Request (any path on the connected site) and Raw GraphQL Request (the site's GraphQL
// gateway), both through the core client so auth, redaction, retries and timeouts are shared.
import * as i from "../inputs.js";
import { assertValueDepth, JSON_DEPTH_NOTE } from "../json-depth.js";
import * as p from "../parse.js";
import { MIN_RETRY_DELAY_MS, sendRawRequest, toBlob } from "../raw-request.js";
import { defineAction } from "./define.js";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const RESPONSE_TYPES = ["json", "text", "binary"] as const;

export const rawRequest = defineAction({
  key: "rawRequest",
  label: "Raw Request",
  description: "Send raw HTTP request to Confluence",
  endpoint: "ANY /wiki/...",
  inputs: {
    connection: i.connection,
    url: i.defineInput({
      label: "URL",
      comments:
        "Input the path only (/wiki/api/v2/attachments/attachments), The base URL is already included (https://{your-domain}). For example, to connect to https://{your-domain}/wiki/api/v2/attachments, only /wiki/api/v2/attachments/attachments is entered in this field.",
      type: "string",
      required: true,
      example: "/wiki/api/v2/pages",
      placeholder: "/wiki/api/v2/pages",
      parse: p.requiredText,
    }),
    method: i.defineInput({
      label: "Method",
      comments: "The HTTP method to use.",
      type: "string",
      choices: METHODS,
      required: true,
      parse: p.required(p.oneOf(METHODS)),
    }),
    data: i.defineInput({
      label: "Data",
      comments: "The HTTP body payload to send to the URL.",
      type: "string",
      required: false,
      example: '{"title": "Example"}',
      docsNote: `Data that starts with { or [ is sent as JSON and must be valid JSON. ${JSON_DEPTH_NOTE}`,
      parse: (raw) => {
        if (raw === null || typeof raw !== "object") return p.optionalText(raw);
        assertValueDepth(raw);
        return JSON.stringify(raw);
      },
    }),
    formData: i.keyValueList("Form Data", "The Form Data to be sent as a multipart form upload."),
    fileData: i.defineInput({
      label: "File Data",
      comments: "File Data to be sent as a multipart form upload.",
      type: "string",
      collection: "keyvaluelist",
      required: false,
      parse: (raw) =>
        p.keyValueEntries(raw).map(([key, value]): [string, Blob] => [key, toBlob(value)]),
    }),
    fileDataFileNames: i.keyValueList(
      "File Data File Names",
      "File names to apply to the file data inputs. Keys must match the file data keys above.",
    ),
    queryParams: i.keyValueList(
      "Query Parameter",
      "A list of query parameters to send with the request. This is the portion at the end of the URL similar to ?key1=value1&key2=value2.",
    ),
    headers: i.keyValueList("Header", "A list of headers to send with the request.", p.headers),
    responseType: i.defineInput({
      label: "Response Type",
      comments:
        "The type of data you expect in the response. You can request json, text, or binary data.",
      default: "json",
      type: "string",
      choices: RESPONSE_TYPES,
      required: true,
      parse: (raw) => p.oneOf(RESPONSE_TYPES)(raw) ?? "json",
    }),
    timeout: i.defineInput({
      label: "Timeout",
      comments: "The maximum time that a client will await a response to its request",
      type: "string",
      required: false,
      example: "2000",
      parse: p.optionalInteger(1, 3_600_000),
    }),
    debugRequest: i.debugRequest,
    retryDelayMS: i.defineInput({
      label: "Retry Delay (ms)",
      comments:
        "The delay in milliseconds between retries. This is used when 'Use Exponential Backoff' is disabled.",
      default: "0",
      type: "string",
      required: false,
      parse: (raw) => p.optionalInteger(0, 600_000)(raw) ?? 0,
      docsNote: `Values below ${MIN_RETRY_DELAY_MS} ms (including the default 0) wait ${MIN_RETRY_DELAY_MS} ms, so retries never fire back to back. When Confluence answers 429 (or 503) with Retry-After or X-RateLimit-Reset, that wait is used instead.`,
    }),
    retryAllErrors: {
      ...i.flag(
        "Retry On All Errors",
        "If true, retries on all erroneous responses regardless of type. This is helpful when retrying after HTTP 429 or other 3xx or 4xx errors. Otherwise, only retries on HTTP 5xx and network errors.",
      ),
      docsNote:
        "With this off, a 5xx or a dropped connection is retried only for GET, HEAD, PUT, DELETE and OPTIONS: a POST or PATCH that may already have reached Confluence is never repeated silently (turn this on to accept that risk). HTTP 429 is retried even with this off (up to Max Retry Count), honouring Retry-After.",
    },
    maxRetries: i.defineInput({
      label: "Max Retry Count",
      comments: "The maximum number of retries to attempt. Specify 0 for no retries.",
      default: "0",
      type: "string",
      required: false,
      parse: (raw) => p.optionalInteger(0, 10)(raw) ?? 0,
    }),
    useExponentialBackoff: i.flag(
      "Use Exponential Backoff",
      "Specifies whether to use a pre-defined exponential backoff strategy for retries. When enabled, 'Retry Delay (ms)' is ignored.",
    ),
  },
  run: (input, ctx) => sendRawRequest(input, ctx),
});

const GRAPHQL_EXAMPLE =
  "query ($customerName: String!) {\n customers(name: $customerName) {\n nodes {\n id\n labels\n users {\n nodes {\n id\n email\n }\n }\n }\n }\n }";

/** Variables as a JSON object, or (as older versions of this connector took them) key/values. */
const variables = (raw: unknown): Record<string, unknown> | undefined => {
  if (!Array.isArray(raw)) return p.optionalJsonObject(raw);
  const entries = Object.fromEntries(p.keyValueEntries(raw));
  assertValueDepth(entries);
  return entries;
};

export const graphqlRequest = defineAction({
  key: "graphqlRequest",
  label: "Raw GraphQL Request",
  description: "Send raw GraphQL request to Confluence",
  endpoint: "POST /gateway/api/graphql",
  inputs: {
    connection: i.connection,
    query: i.defineInput({
      label: "Query or Mutation",
      comments: "",
      default: GRAPHQL_EXAMPLE,
      type: "code",
      language: "graphql",
      required: true,
      parse: p.requiredText,
    }),
    variables: i.defineInput({
      label: "Variables",
      comments: "Variables to pass in to your query or mutation",
      type: "code",
      language: "json",
      required: false,
      example: '{ "spaceKey": "DEMO" }',
      docsNote: JSON_DEPTH_NOTE,
      parse: variables,
    }),
    headers: i.keyValueList("Headers", "Custom headers to send along with your request", p.headers),
    debugRequest: {
      ...i.debugRequest,
      comments:
        "When true, the entire request and response (including auth headers) will be logged out.",
      docsNote:
        "This connector deliberately never logs credentials: Authorization headers, API tokens, OAuth access and refresh tokens and client secrets are always redacted from the debug log.",
    },
  },
  run: async (input, ctx) => {
    const data = await ctx.client.graphql({
      query: input.query,
      variables: input.variables,
      headers: Object.fromEntries(input.headers),
      debug: ctx.debug,
    });
    return { data };
  },
});

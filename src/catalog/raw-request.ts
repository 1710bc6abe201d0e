// Raw Request's call: the URL checked against the connected site, the body (JSON, text or a
// multipart form), headers, and the specification's retry inputs mapped onto the core's policy.
import type { HttpMethod, RequestOptions } from "../core/index.js";
import { InputError, InvalidValue } from "./input-error.js";
import { parseJsonText } from "./json-text.js";
import type { KeyValues } from "./parse.js";
import { toSitePath } from "./site-url.js";
import type { ActionOutput, RunContext } from "./types.js";

/**
 * Floor of the fixed "Retry Delay": the input's default 0 would otherwise fire retries back to
 * back, a storm against a site that is already failing or rate limiting.
 */
export const MIN_RETRY_DELAY_MS = 100;

/** Raw Request's parsed inputs. */
export interface RawRequestInput {
  url: string;
  method: string;
  data: string | undefined;
  formData: KeyValues;
  fileData: [string, Blob][];
  fileDataFileNames: KeyValues;
  queryParams: KeyValues;
  headers: KeyValues;
  responseType: "json" | "text" | "binary";
  timeout: number | undefined;
  retryDelayMS: number;
  retryAllErrors: boolean;
  maxRetries: number;
  useExponentialBackoff: boolean;
}

/** A file value as a previous step hands it over: text, bytes, or `{ data, contentType }`. */
export function toBlob(value: unknown): Blob {
  if (typeof value === "string") return new Blob([value]);
  if (value instanceof Uint8Array) return new Blob([value]);
  if (value !== null && typeof value === "object" && "data" in value) {
    const { data, contentType } = value as { data: unknown; contentType?: unknown };
    const type = typeof contentType === "string" ? contentType : "";
    if (typeof data === "string" || data instanceof Uint8Array) return new Blob([data], { type });
  }
  throw new InvalidValue("each file must be text, binary data or { data, contentType }");
}

type Body = Partial<Pick<RequestOptions, "body" | "rawBody" | "form">>;

function buildBody(
  data: string | undefined,
  formData: KeyValues,
  files: [string, Blob][],
  fileNames: Map<string, string>,
): Body {
  if (formData.length > 0 || files.length > 0) {
    if (data !== undefined) {
      throw new InputError("Data", "cannot be combined with Form Data or File Data");
    }
    const form = new FormData();
    for (const [key, value] of formData) form.append(key, value);
    for (const [key, blob] of files) form.append(key, blob, fileNames.get(key) ?? key);
    return { form };
  }
  if (data === undefined) return {};
  // JSON-looking data must be valid JSON (pointing at the error); anything else goes as text.
  if (/^\s*[[{]/.test(data)) {
    try {
      return { body: parseJsonText(data) };
    } catch (error) {
      if (error instanceof InvalidValue) throw new InputError("Data", error.message);
      throw error;
    }
  }
  return { rawBody: data };
}

function toOutput(
  data: unknown,
  responseType: string,
  headers: Record<string, string>,
): ActionOutput {
  if (responseType === "binary") {
    const bytes = data instanceof Uint8Array ? Buffer.from(data) : Buffer.from(String(data ?? ""));
    return { data: bytes, contentType: headers["content-type"] ?? "application/octet-stream" };
  }
  return { data };
}

export async function sendRawRequest(
  input: RawRequestInput,
  ctx: RunContext,
): Promise<ActionOutput> {
  let path: string;
  try {
    path = toSitePath(input.url, ctx.siteOrigin);
  } catch (error) {
    if (error instanceof InvalidValue) throw new InputError("URL", error.message);
    throw error;
  }
  const fileKeys = new Set(input.fileData.map(([key]) => key));
  for (const [key] of input.fileDataFileNames) {
    if (!fileKeys.has(key)) {
      throw new InputError(
        "File Data File Names",
        `has the key "${key}" which is not a File Data key`,
      );
    }
  }
  const body = buildBody(
    input.data,
    input.formData,
    input.fileData,
    new Map(input.fileDataFileNames),
  );
  const headers = Object.fromEntries(input.headers);
  if (
    body.rawBody !== undefined &&
    !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")
  ) {
    headers["Content-Type"] = "text/plain; charset=utf-8";
  }
  const response = await ctx.client.request({
    api: "site",
    method: input.method as HttpMethod,
    path,
    query: Object.fromEntries(input.queryParams),
    headers,
    ...body,
    responseType: input.responseType,
    timeoutMs: input.timeout,
    // The spec's retry inputs map onto the core's retry policy; 0 retries by default.
    retry: {
      maxRetries: input.maxRetries,
      exponentialBackoff: input.useExponentialBackoff,
      baseDelayMs: input.useExponentialBackoff
        ? undefined
        : Math.max(MIN_RETRY_DELAY_MS, input.retryDelayMS),
      retryOnAllErrors: input.retryAllErrors,
    },
    debug: ctx.debug,
  });
  return toOutput(response.data, input.responseType, response.headers);
}

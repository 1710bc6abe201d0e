// Turns the body options of a request into bytes that can be sent again on a retry.
import type { LoggedBody } from "./debug-log.js";
import { ConfluenceValidationError } from "./errors.js";
import type { RequestOptions } from "./types.js";

export interface PreparedBody {
  payload: string | Uint8Array | undefined;
  /** Headers implied by the body (content-type, XSRF opt-out for multipart). */
  headers: Record<string, string>;
  logged: LoggedBody;
}

const NO_BODY: PreparedBody = Object.freeze({
  payload: undefined,
  headers: Object.freeze({}) as Record<string, string>,
  logged: Object.freeze({ kind: "none" }) as LoggedBody,
});

/**
 * Synchronous for JSON, raw and absent bodies (the hot path awaits nothing here); only a
 * multipart form needs a promise. The result is shared and must not be mutated.
 */
export function prepareBody(options: RequestOptions): PreparedBody | Promise<PreparedBody> {
  const { body, form, rawBody } = options;
  if (body === undefined && form === undefined && rawBody === undefined) return NO_BODY;
  if (Number(body !== undefined) + Number(form !== undefined) + Number(rawBody !== undefined) > 1) {
    throw new ConfluenceValidationError("Pass only one of body, form and rawBody");
  }
  if (form !== undefined) return encodeForm(form);
  if (rawBody !== undefined) {
    const isText = typeof rawBody === "string";
    return {
      payload: rawBody,
      headers: {
        "content-type": isText ? "text/plain; charset=utf-8" : "application/octet-stream",
      },
      logged: { kind: "raw", value: rawBody },
    };
  }
  let payload: string | undefined;
  try {
    payload = JSON.stringify(body);
  } catch (error) {
    // A cycle (TypeError) or nesting deep enough to exhaust the stack (RangeError).
    throw new ConfluenceValidationError(
      `The JSON body cannot be serialised: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (payload === undefined) {
    throw new ConfluenceValidationError("The JSON body cannot be serialised");
  }
  return {
    payload,
    headers: { "content-type": "application/json" },
    logged: { kind: "json", value: body },
  };
}

async function encodeForm(form: FormData): Promise<PreparedBody> {
  // Serialising through Response gives a correct multipart encoding and boundary; the bytes
  // are kept so a retry can resend them.
  const encoded = new Response(form);
  const payload = new Uint8Array(await encoded.arrayBuffer());
  return {
    payload,
    headers: {
      "content-type": encoded.headers.get("content-type") ?? "multipart/form-data",
      // Multipart endpoints (e.g. v1 createAttachment) reject requests without this XSRF
      // opt-out: "X-Atlassian-Token: no-check" (confluence-v1.json, createAttachment).
      "x-atlassian-token": "no-check",
    },
    logged: { kind: "form", form },
  };
}

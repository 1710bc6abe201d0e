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

export async function prepareBody(options: RequestOptions): Promise<PreparedBody> {
  const given = [options.body, options.form, options.rawBody].filter((b) => b !== undefined);
  if (given.length > 1) {
    throw new ConfluenceValidationError("Pass only one of body, form and rawBody");
  }
  if (options.form !== undefined) {
    // Serialising through Response gives a correct multipart encoding and boundary; the bytes
    // are kept so a retry can resend them.
    const encoded = new Response(options.form);
    const payload = new Uint8Array(await encoded.arrayBuffer());
    return {
      payload,
      headers: {
        "content-type": encoded.headers.get("content-type") ?? "multipart/form-data",
        // Multipart endpoints (e.g. v1 createAttachment) reject requests without this XSRF
        // opt-out: "X-Atlassian-Token: no-check" (confluence-v1.json, createAttachment).
        "x-atlassian-token": "no-check",
      },
      logged: { kind: "form", form: options.form },
    };
  }
  if (options.rawBody !== undefined) {
    const isText = typeof options.rawBody === "string";
    return {
      payload: options.rawBody,
      headers: {
        "content-type": isText ? "text/plain; charset=utf-8" : "application/octet-stream",
      },
      logged: { kind: "raw", value: options.rawBody },
    };
  }
  if (options.body !== undefined) {
    const payload = JSON.stringify(options.body);
    if (payload === undefined) {
      throw new ConfluenceValidationError("The JSON body cannot be serialised");
    }
    return {
      payload,
      headers: { "content-type": "application/json" },
      logged: { kind: "json", value: options.body },
    };
  }
  return { payload: undefined, headers: {}, logged: { kind: "none" } };
}

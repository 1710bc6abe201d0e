// Debug logging of requests and responses ("Debug Request" inputs). Everything passes through
// the redactor; bodies larger than 4 KB are truncated so a big attachment never floods logs.
import type { Redactor } from "./redact.js";
import type { Logger } from "./types.js";

const MAX_LOGGED_BODY = 4096;

export type LoggedBody =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "form"; form: FormData }
  | { kind: "raw"; value: string | Uint8Array };

/** Redacted (by value) before it is cut, so a secret straddling the cut cannot survive it. */
function truncateText(text: string, redactor: Redactor): string {
  const { text: kept, cut } = redactor.redactAndCut(text, MAX_LOGGED_BODY);
  return cut ? `${kept}… [truncated, ${text.length} characters in total]` : kept;
}

function describeForm(form: FormData): string {
  const parts: string[] = [];
  for (const [name, value] of form.entries()) {
    parts.push(
      typeof value === "string"
        ? `${name} (field)`
        : `${name} (file ${value.name}, ${value.size} bytes)`,
    );
  }
  return `[multipart form: ${parts.join(", ")}]`;
}

function describeRequestBody(body: LoggedBody, redactor: Redactor): string | undefined {
  switch (body.kind) {
    case "none":
      return undefined;
    case "json":
      return truncateText(JSON.stringify(redactor.redactValue(body.value)) ?? "", redactor);
    case "form":
      return redactor.redactString(describeForm(body.form));
    case "raw":
      return typeof body.value === "string"
        ? truncateText(body.value, redactor)
        : `[${body.value.byteLength} bytes]`;
  }
}

function isTextual(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  return /json|text|xml|html|javascript|x-www-form-urlencoded/i.test(contentType);
}

function describeResponseBody(
  bytes: Uint8Array,
  contentType: string | undefined,
  redactor: Redactor,
): string {
  if (bytes.byteLength === 0) return "";
  if (!isTextual(contentType)) return `[${bytes.byteLength} bytes of ${contentType}]`;
  const text = Buffer.from(bytes).toString("utf8");
  if (/json/i.test(contentType ?? "")) {
    try {
      return truncateText(JSON.stringify(redactor.redactValue(JSON.parse(text))), redactor);
    } catch {
      // Fall through to plain text.
    }
  }
  return truncateText(text, redactor);
}

export function logRequest(
  logger: Logger,
  redactor: Redactor,
  entry: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: LoggedBody;
    attempt: number;
  },
): void {
  logger.debug(`Confluence request: ${entry.method} ${redactor.redactUrl(entry.url)}`, {
    method: entry.method,
    url: redactor.redactUrl(entry.url),
    attempt: entry.attempt,
    headers: redactor.redactHeaders(entry.headers),
    body: describeRequestBody(entry.body, redactor),
  });
}

export function logResponse(
  logger: Logger,
  redactor: Redactor,
  entry: {
    method: string;
    url: string;
    status: number;
    headers: Record<string, string>;
    bytes: Uint8Array;
    durationMs: number;
  },
): void {
  logger.debug(
    `Confluence response: ${entry.status} for ${entry.method} ${redactor.redactUrl(entry.url)}`,
    {
      status: entry.status,
      durationMs: entry.durationMs,
      headers: redactor.redactHeaders(entry.headers),
      body: describeResponseBody(entry.bytes, entry.headers["content-type"], redactor),
    },
  );
}

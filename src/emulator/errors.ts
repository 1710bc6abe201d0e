// Error responses in the shapes Confluence Cloud sends them.
//
// v2 (/wiki/api/v2): `{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}`
//   — the envelope Confluence's v2 API returns for every 4xx (observed on Atlassian Cloud; the
//   OpenAPI document leaves error bodies unspecified). Parameter errors use the code
//   INVALID_REQUEST_PARAMETER, as Confluence does.
// v1 (/wiki/rest/api): `{"statusCode":404,"message":"...","data":{...}}` — the v1 ServiceException
//   body (Atlassian REST v1 error responses).
import type { V1ErrorBody, V2ErrorBody } from "../types/confluence.js";

const STATUS_TITLES: Record<number, { code: string; title: string }> = {
  400: { code: "INVALID_REQUEST_PARAMETER", title: "Bad Request" },
  401: { code: "UNAUTHORIZED", title: "Unauthorized" },
  403: { code: "FORBIDDEN", title: "Forbidden" },
  404: { code: "NOT_FOUND", title: "Not Found" },
  405: { code: "METHOD_NOT_ALLOWED", title: "Method Not Allowed" },
  409: { code: "CONFLICT", title: "Conflict" },
  413: { code: "REQUEST_ENTITY_TOO_LARGE", title: "Request Entity Too Large" },
  415: { code: "UNSUPPORTED_MEDIA_TYPE", title: "Unsupported Media Type" },
  500: { code: "INTERNAL_SERVER_ERROR", title: "Internal Server Error" },
};

/** Thrown by route handlers; turned into the API family's error body by the error handler. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;

  constructor(status: number, title?: string, code?: string) {
    const known = STATUS_TITLES[status] ?? STATUS_TITLES[500]!;
    super(title ?? known.title);
    this.status = status;
    this.code = code ?? known.code;
    this.title = title ?? known.title;
  }
}

export const notFound = (): ApiError => new ApiError(404);

export const badParameter = (name: string, value: string, expected: string): ApiError =>
  new ApiError(
    400,
    `Provided value {${value.slice(0, 100)}} for '${name}' is not the correct type. Expected type is ${expected}`,
  );

/**
 * Body validation and business-rule 400s. Confluence's v2 API uses the code BAD_REQUEST for these
 * (e.g. the duplicate-title create, as public clients matching `errors[0].title` show);
 * INVALID_REQUEST_PARAMETER is kept for query/path parameter type errors (badParameter).
 */
export const badRequest = (title: string): ApiError => new ApiError(400, title, "BAD_REQUEST");

function v2ErrorBody(status: number, title?: string, code?: string): V2ErrorBody {
  const known = STATUS_TITLES[status] ?? { code: "ERROR", title: "Error" };
  return {
    errors: [{ status, code: code ?? known.code, title: title ?? known.title, detail: null }],
  };
}

function v1ErrorBody(status: number, message: string): V1ErrorBody {
  return {
    statusCode: status,
    data: { authorized: status !== 401, valid: true, errors: [], successful: false },
    message,
  };
}

/** Which error body to send depends on the API family the path belongs to. */
export type ApiFamily = "v2" | "v1" | "graphql" | "other";

export function apiFamilyOf(path: string): ApiFamily {
  if (path.includes("/wiki/rest/api/")) return "v1";
  if (path.includes("/graphql")) return "graphql";
  if (path.includes("/wiki/api/v2/")) return "v2";
  return "other";
}

export function errorBodyFor(family: ApiFamily, status: number, title?: string, code?: string) {
  switch (family) {
    case "v1":
      return v1ErrorBody(status, title ?? STATUS_TITLES[status]?.title ?? "Error");
    case "graphql":
      return {
        errors: [
          {
            message: title ?? STATUS_TITLES[status]?.title ?? "Error",
            extensions: { statusCode: status, errorType: code ?? STATUS_TITLES[status]?.code },
          },
        ],
      };
    default:
      return v2ErrorBody(status, title, code);
  }
}

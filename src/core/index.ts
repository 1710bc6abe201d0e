// Public API of the core client. Everything the catalog, component and CLI need comes from here.

export { type AddressClass, classifyHost, isAtlassianHost } from "./address-class.js";
export type {
  AuthEndpoints,
  AuthFailure,
  AuthProvider,
  BasicCredentials,
  BearerOptions,
} from "./auth.js";
export {
  ATLASSIAN_BASE_URL_ENV,
  atlassianApiBase,
  atlassianBaseOverride,
  basicAuth,
  bearerAuth,
  DEFAULT_ATLASSIAN_API_URL,
} from "./auth.js";
export {
  createConfluenceClient,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
} from "./client.js";
export type { ApiErrorDetails, ConfluenceErrorBody, RequestTarget } from "./errors.js";
export {
  ConfluenceAbortError,
  ConfluenceApiError,
  ConfluenceError,
  ConfluenceGraphQLError,
  ConfluenceNetworkError,
  ConfluenceOutcomeUnknownError,
  ConfluencePaginationError,
  ConfluenceResponseError,
  ConfluenceResponseTooLargeError,
  ConfluenceTimeoutError,
  ConfluenceValidationError,
} from "./errors.js";
export type { HeaderInput, HeaderProblem } from "./headers.js";
export { headerProblem, validateHeaders } from "./headers.js";
export type { HostPolicy, NormalisedHost } from "./host.js";
export { ALLOW_LOOPBACK_HTTP_ENV, isLoopbackHostname, normaliseHost } from "./host.js";
export { parseLinkHeader } from "./link-header.js";
export * from "./oauth/index.js";
export type { PathParamsOf, PathParamValue } from "./path.js";
export { buildPath, encodePathSegment } from "./path.js";
export type { QueryParams, QueryScalar, QueryValue } from "./query.js";
export { serialiseQuery, toQueryString } from "./query.js";
export { isSecretField, isSecretHeader, REDACTED, Redactor } from "./redact.js";
export type { RetryOptions } from "./retry.js";
export { DEFAULT_RETRY, isIdempotentMethod, serverRetryDelayMs } from "./retry.js";
export type { SiteUrl } from "./site-url.js";
export { ConfluenceUrlError, parseSitePath, parseSiteUrl } from "./site-url.js";
export type {
  ApiKind,
  CallOptions,
  ClientEvent,
  ClientOptions,
  Clock,
  ConfluenceClient,
  ConfluenceResponse,
  GraphQLRequest,
  HttpMethod,
  ListOptions,
  ListPage,
  Logger,
  RequestOptions,
  ResponseType,
} from "./types.js";
export { CONNECTOR_VERSION, USER_AGENT } from "./version.js";
export type {
  RestoredVersion,
  SafeCreateBlogPost,
  SafeCreateComment,
  SafeCreatePage,
  SafeCreateProperty,
  SafeCreateSpace,
  SafeRestoreVersion,
  SafeUpdatePage,
  SafeUpdateProperty,
  SafeUpdateTitle,
  SafeUpload,
  SafeWriteOptions,
  UploadResult,
  Verdict,
  WritePlan,
  WriteResolution,
} from "./writes/index.js";
export {
  createBlogPostSafely,
  createCommentSafely,
  createPageSafely,
  createPropertySafely,
  createSpaceSafely,
  fateUnknown,
  resolveWrite,
  restoreVersionSafely,
  updatePageSafely,
  updatePageTitleSafely,
  updatePropertySafely,
  uploadAttachmentSafely,
} from "./writes/index.js";

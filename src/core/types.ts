// Public option and result types of the client.
import type { AuthEndpoints, AuthProvider } from "./auth.js";
import type { HeaderInput } from "./headers.js";
import type { PathParamValue } from "./path.js";
import type { QueryParams } from "./query.js";
import type { RetryOptions } from "./retry.js";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/** v2: `/wiki/api/v2`, v1: `/wiki/rest/api`, site: paths relative to the site (Raw Request). */
export type ApiKind = "v2" | "v1" | "site";

export type ResponseType = "json" | "text" | "binary";

export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Metrics hook payload. `path` is redacted and has no origin. */
export interface ClientEvent {
  type: "request" | "response" | "retry" | "error" | "throttle";
  method?: string;
  path?: string;
  /** 1 for the first attempt of a request. */
  attempt: number;
  status?: number;
  /** Wait before the next attempt (retry events). */
  delayMs?: number;
  durationMs?: number;
  reason?: string;
  /** Error class name (error events). */
  errorName?: string;
  /** New concurrency limit (throttle events). */
  limit?: number;
}

/** Injected time sources so tests can run retries on a fake clock. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Per-request overrides shared by every call. */
export interface CallOptions {
  headers?: HeaderInput;
  /** Per-attempt timeout, covering connect, headers and the whole body. */
  timeoutMs?: number;
  retry?: RetryOptions;
  signal?: AbortSignal;
  /** Log this request and its response (redacted) even if the client's `debug` is off. */
  debug?: boolean;
  /**
   * Where this request's debug entries go, instead of the client's `logger`: lets one
   * long-lived client serve invocations that each have their own log (e.g. an action's).
   */
  logger?: Logger;
  /**
   * Largest response body accepted, in bytes (default: the client's, 50 MB). A bigger answer
   * stops the attempt with a ConfluenceResponseTooLargeError instead of filling memory.
   */
  maxResponseBytes?: number;
}

export interface RequestOptions extends CallOptions {
  method?: HttpMethod;
  /** Default "v2". */
  api?: ApiKind;
  /**
   * A template such as `/pages/{id}`, filled from `pathParams`. For `api: "site"` without
   * `pathParams`, an already-encoded site path (optionally with a query) or an absolute URL on
   * the site's own origin.
   */
  path: string;
  pathParams?: Readonly<Record<string, PathParamValue>>;
  query?: QueryParams;
  /** JSON body. */
  body?: unknown;
  /** multipart/form-data body (files are Blobs/Files with names). */
  form?: FormData;
  /** Body sent as is; set Content-Type in `headers`. */
  rawBody?: string | Uint8Array;
  /** Default "json". */
  responseType?: ResponseType;
  /** Overrides the method's idempotency (e.g. a read-only POST may be retried like a GET). */
  idempotent?: boolean;
}

export interface ConfluenceResponse<T> {
  status: number;
  headers: Record<string, string>;
  data: T;
  /** The URL requested (last attempt). */
  url: string;
}

export interface ListOptions extends CallOptions {
  /** Default "v2". */
  api?: "v2" | "v1" | "site";
  pathParams?: Readonly<Record<string, PathParamValue>>;
  query?: QueryParams;
  limit?: number;
  cursor?: string;
}

export interface ListPage<T> {
  results: T[];
  /** The `cursor` query parameter of the next page's URL. */
  nextCursor?: string;
  /** The next page as Confluence sent it (site-relative, e.g. `/wiki/api/v2/pages?cursor=...`). */
  nextUrl?: string;
  raw: unknown;
}

export interface GraphQLRequest extends CallOptions {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface ClientOptions {
  /** The site (`example.atlassian.net`); required for Basic auth. */
  host?: string;
  auth: AuthProvider;
  /**
   * Accept a host on this machine (localhost, 127.x, [::1]), over plain http too: for a local
   * emulator. Default false; link-local and cloud metadata addresses are refused regardless.
   * Whoever runs the process decides this (the connector's adapters read
   * CONFLUENCE_ALLOW_LOOPBACK_HTTP=1), never a connection's settings.
   */
  allowLoopbackHttp?: boolean;
  /**
   * Told once per client about a setting worth a look (a host outside atlassian.net); default:
   * the logger's `warn`, else `process.emitWarning`.
   */
  onWarning?: (message: string) => void;
  /** Default 30 000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Requests in flight at once (a whole number ≥ 1); default 10. */
  maxInFlight?: number;
  /** Largest response body accepted, in bytes; default 52 428 800 (50 MB). */
  maxResponseBytes?: number;
  logger?: Logger;
  debug?: boolean;
  onEvent?: (event: ClientEvent) => void;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  clock?: Partial<Clock>;
  /** Random source in [0, 1) for backoff jitter. */
  random?: () => number;
}

export interface ConfluenceClient {
  request<T = unknown>(options: RequestOptions): Promise<ConfluenceResponse<T>>;
  listPage<T = unknown>(path: string, options?: ListOptions): Promise<ListPage<T>>;
  /** Every item from the first page (or from `cursor`, when given) to the last. */
  paginate<T = unknown>(path: string, options?: ListOptions): AsyncGenerator<T>;
  graphql<T = unknown>(request: GraphQLRequest): Promise<T>;
  /** Where this client sends requests (resolved once through the auth provider). */
  endpoints(signal?: AbortSignal): Promise<AuthEndpoints>;
  close(): Promise<void>;
}

// createConfluenceClient: wires auth, host, dispatcher, limiter, redactor and the attempt loop
// into the small public surface (request, listPage, paginate, graphql).
import { Agent } from "undici";
import type { AuthEndpoints } from "./auth.js";
import { ConfluenceError, ConfluenceValidationError } from "./errors.js";
import { type ExecutorContext, execute } from "./execute.js";
import { graphqlRequest } from "./graphql.js";
import { guardedLookup } from "./guarded-lookup.js";
import { type HeaderInput, validateHeaders } from "./headers.js";
import { hostWarning, type NormalisedHost, normaliseHost } from "./host.js";
import { ConcurrencyLimiter } from "./limiter.js";
import { listPageAt, paginateFrom } from "./pagination.js";
import { Redactor } from "./redact.js";
import { prepareBody } from "./request-body.js";
import { isIdempotentMethod, resolveRetry } from "./retry.js";
import {
  abortError,
  combineSignals,
  NEVER_ABORTED,
  raceAbort,
  shareableSignal,
  sleep,
} from "./signals.js";
import { resolveTarget } from "./target.js";
import type {
  ClientEvent,
  ClientOptions,
  ConfluenceClient,
  ConfluenceResponse,
  Logger,
  RequestOptions,
  ResponseType,
} from "./types.js";
import { USER_AGENT } from "./version.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_IN_FLIGHT = 10;
/** Responses larger than this are refused rather than buffered whole in memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

const ACCEPT = {
  json: "application/json",
  text: "application/json, text/plain;q=0.9, */*;q=0.8",
  binary: "*/*",
} as const;

/** user-agent, accept, the body's headers, then the caller's (which win, as before). */
function requestHeaders(
  responseType: ResponseType,
  bodyHeaders: Readonly<Record<string, string>>,
  callerHeaders: HeaderInput | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: ACCEPT[responseType],
  };
  for (const name in bodyHeaders) headers[name] = bodyHeaders[name]!;
  if (callerHeaders !== undefined) Object.assign(headers, validateHeaders(callerHeaders));
  return headers;
}

const consoleLogger: Logger = {
  debug: (message, meta) => console.debug(message, meta ?? ""),
  info: (message, meta) => console.info(message, meta ?? ""),
  warn: (message, meta) => console.warn(message, meta ?? ""),
  error: (message, meta) => console.error(message, meta ?? ""),
};

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfluenceValidationError(`${name} must be a positive number, got ${value}`);
  }
  return value;
}

// A fraction would floor to 0 slots (every request waiting forever) or to a cap that is not the
// one asked for: counts must be whole numbers.
function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfluenceValidationError(
      `${name} must be a whole number of at least 1, got ${value}`,
    );
  }
  return value;
}

export function createConfluenceClient(options: ClientOptions): ConfluenceClient {
  const allowLoopbackHttp = options.allowLoopbackHttp === true;
  const host: NormalisedHost | undefined =
    options.host === undefined ? undefined : normaliseHost(options.host, { allowLoopbackHttp });
  const warning = hostWarning(host);
  if (warning !== undefined) {
    const warn =
      options.onWarning ??
      (options.logger === undefined
        ? (message: string) => process.emitWarning(message)
        : (message: string) => options.logger?.warn(message));
    warn(warning);
  }
  const { auth } = options;
  const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs");
  const maxInFlight = positiveInteger(options.maxInFlight, DEFAULT_MAX_IN_FLIGHT, "maxInFlight");
  const maxResponseBytes = positiveInteger(
    options.maxResponseBytes,
    DEFAULT_MAX_RESPONSE_BYTES,
    "maxResponseBytes",
  );
  const redactor = new Redactor(() => auth.secrets());
  const { onEvent } = options;
  const emit =
    onEvent === undefined
      ? undefined
      : (event: ClientEvent) => {
          try {
            onEvent(event);
          } catch {
            // A metrics hook must never break a request.
          }
        };
  // Names are checked again once resolved (guarded-lookup.ts), so DNS cannot bring back an
  // address the host rules refuse.
  const dispatcher = new Agent({
    connections: maxInFlight,
    connect: { lookup: guardedLookup(allowLoopbackHttp) },
  });
  const clientLogger = options.logger ?? (options.debug ? consoleLogger : undefined);
  const ctx: ExecutorContext = {
    dispatcher,
    auth,
    limiter: new ConcurrencyLimiter(maxInFlight, (limit) =>
      emit?.({ type: "throttle", attempt: 0, limit }),
    ),
    redactor,
    clock: { now: options.clock?.now ?? Date.now, sleep: options.clock?.sleep ?? sleep },
    random: options.random ?? Math.random,
    emit,
  };
  // Every request of the client runs under this copy of the caller's signal (signals.ts).
  const clientLink = options.signal === undefined ? undefined : shareableSignal(options.signal);
  const clientSignal = clientLink?.signal;
  // Resolved once per client; requests made without a per-request retry share this object.
  const clientRetry = resolveRetry(options.retry);
  let closed = false;
  let endpointsPromise: Promise<AuthEndpoints> | undefined;
  // Set once resolved, so later requests skip the await (each await costs a microtask turn).
  let resolvedEndpoints: AuthEndpoints | undefined;

  // One resolution shared by every concurrent caller, so it runs under the client's own signal
  // only: a caller that gives up must not fail the others waiting on the same promise.
  const sharedEndpoints = (): Promise<AuthEndpoints> => {
    if (endpointsPromise === undefined) {
      const pending = auth.resolveEndpoints({
        host,
        signal: clientSignal ?? NEVER_ABORTED,
        hostPolicy: { allowLoopbackHttp },
      });
      endpointsPromise = pending;
      pending.then(
        (resolved) => {
          resolvedEndpoints = resolved;
        },
        // A failed resolution (network, bad token) is retried on the next call, not cached.
        () => {
          if (endpointsPromise === pending) endpointsPromise = undefined;
        },
      );
    }
    return endpointsPromise;
  };

  /** The shared resolution, raced against this caller's own signal. */
  const endpoints = (signal?: AbortSignal): Promise<AuthEndpoints> =>
    signal === undefined
      ? sharedEndpoints()
      : raceAbort(sharedEndpoints(), signal, () => abortError(signal));

  async function send<T>(
    request: RequestOptions,
    url: string | undefined,
  ): Promise<ConfluenceResponse<T>> {
    if (closed) throw new ConfluenceError("The Confluence client is closed");
    const method = (request.method ?? "GET").toUpperCase();
    const signals = combineSignals(clientSignal, request.signal);
    try {
      const site = resolvedEndpoints ?? (await endpoints(signals.signal));
      const target =
        url ??
        resolveTarget(
          {
            api: request.api ?? "v2",
            path: request.path,
            pathParams: request.pathParams,
            query: request.query,
          },
          site,
        );
      const prepared = prepareBody(request);
      const body = prepared instanceof Promise ? await prepared : prepared;
      const responseType = request.responseType ?? "json";
      const debug = request.debug ?? options.debug ?? false;
      const result = await execute(ctx, {
        method,
        url: target,
        headers: requestHeaders(responseType, body.headers, request.headers),
        payload: body.payload,
        logged: body.logged,
        idempotent: request.idempotent ?? isIdempotentMethod(method),
        retry:
          request.retry === undefined ? clientRetry : resolveRetry(options.retry, request.retry),
        timeoutMs:
          request.timeoutMs === undefined
            ? timeoutMs
            : positive(request.timeoutMs, timeoutMs, "timeoutMs"),
        signal: signals.signal,
        logger: debug ? (request.logger ?? clientLogger) : undefined,
        responseType,
        maxResponseBytes:
          request.maxResponseBytes === undefined
            ? maxResponseBytes
            : positiveInteger(request.maxResponseBytes, maxResponseBytes, "maxResponseBytes"),
      });
      return {
        status: result.status,
        headers: result.headers,
        data: result.data as T,
        url: target,
      };
    } catch (error) {
      // Inputs are quoted in validation errors (a path template, a header name); a caller may
      // have pasted a credential into one.
      if (error instanceof ConfluenceValidationError) redactor.redactError(error);
      throw error;
    } finally {
      signals.dispose();
    }
  }

  const client: ConfluenceClient = {
    request: (request) => send(request, undefined),
    listPage: (path, listOptions = {}) => listPageAt(send, path, listOptions),
    paginate: (path, listOptions = {}) => paginateFrom(send, endpoints, path, listOptions),
    graphql: async (request) =>
      graphqlRequest(send, (await endpoints(request.signal)).graphqlUrl, request, redactor),
    endpoints,
    close: async () => {
      if (closed) return;
      closed = true;
      clientLink?.dispose();
      await dispatcher.close();
    },
  };
  return client;
}

// How actions talk to the core client: one JSON call, or one list page / every page. Keeps the
// action files declarative (endpoint, params, query) and gives every action the same outputs.
// Direct core modules, not the core's index: the action definitions are loaded by the CLI for
// its help, which must not pay for undici and graphql (see src/catalog/actions/index.ts).
import { ConfluenceApiError, ConfluenceError } from "../core/errors.js";
import type { ConfluenceResponse, HttpMethod, QueryParams, QueryValue } from "../core/index.js";
import { InputError } from "./input-error.js";
import { FETCH_ALL_MAX_ITEMS } from "./inputs.js";
import type { KeyValues } from "./parse.js";
import type { ActionDef, ActionOutput, RunContext } from "./types.js";
import { placeholders } from "./wire.js";

/** The parameters of one call to the action's own endpoint (`ActionDef.endpoint`). */
export interface ApiCall {
  params?: Readonly<Record<string, string>>;
  query?: QueryParams;
  /** "Query Parameters" input: merged into the query string; its entries win over `query`. */
  extraQuery?: KeyValues;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /** For DELETE (204, no body): the id reported back as `{ id, deleted: true }`. */
  deleted?: string;
  /**
   * A write whose repeat changes nothing (e.g. adding labels): the client may send it again
   * after a lost answer instead of reporting an unknown outcome. Default: by method.
   */
  idempotent?: boolean;
}

/** A list call: the endpoint's path parameters and the action's own filters. */
export type ListCall = Pick<ApiCall, "params" | "query">;

/** The parsed paging inputs (`listInputs`); List Pages has no "Query Parameters". */
export interface Paging {
  limit: number | undefined;
  cursor: string | undefined;
  fetchAll: boolean;
  /** "Max Items": Fetch All's cap (default and ceiling FETCH_ALL_MAX_ITEMS). */
  maxItems?: number | undefined;
  queryParameters?: KeyValues;
}

/** Fetch All met a list longer than its cap: nothing is returned rather than a silent cut. */
export class FetchAllLimitError extends ConfluenceError {
  override name = "FetchAllLimitError";
  constructor(readonly maxItems: number) {
    super(
      `Fetch All stopped: the list has more than ${maxItems} items ("Max Items"). Turn Fetch All off and page through the list with "Limit" and "Cursor" (each result carries the "nextCursor" of the next page), or narrow it with filters.`,
    );
  }
}

/**
 * Output of every list action: Confluence's page of `results`, the `nextCursor` to pass as
 * "Cursor" for the next page (absent on the last page) and Confluence's `_links`. With
 * "Fetch All" `results` holds every item and `nextCursor` is absent.
 */
export interface ListOutput {
  results: unknown[];
  nextCursor?: string;
  _links?: unknown;
}

export function mergeQuery(
  query: QueryParams | undefined,
  extra: readonly (readonly [string, string])[] = [],
): QueryParams {
  const merged: Record<string, QueryValue> = { ...query };
  for (const [name, value] of extra) merged[name] = value;
  return merged;
}

const V1_ROOT = "/wiki/rest/api";

/**
 * The method, API and path template of the action's declared endpoint, so that what an action
 * calls and what it declares (docs, conformance coverage) cannot drift apart. Templates are v2
 * (relative to /wiki/api/v2) unless they name the v1 root.
 */
function endpointOf(ctx: RunContext): { method: HttpMethod; path: string; api: "v1" | "v2" } {
  const [method, path = ""] = ctx.endpoint.split(" ");
  return path.startsWith(`${V1_ROOT}/`)
    ? { method: method as HttpMethod, path: path.slice(V1_ROOT.length), api: "v1" }
    : { method: method as HttpMethod, path, api: "v2" };
}

export async function callApi(ctx: RunContext, call: ApiCall = {}): Promise<ActionOutput> {
  const { method, path, api } = endpointOf(ctx);
  let response: ConfluenceResponse<unknown>;
  try {
    response = await ctx.client.request({
      method,
      api,
      path,
      pathParams: call.params,
      query: mergeQuery(call.query, call.extraQuery),
      body: call.body,
      ...(call.headers === undefined ? {} : { headers: { ...call.headers } }),
      ...(call.idempotent === undefined ? {} : { idempotent: call.idempotent }),
      debug: ctx.debug,
    });
  } catch (error) {
    if (call.deleted !== undefined && deletedByEarlierAttempt(error)) {
      // The object is gone, which is what Delete asked for; say how we know.
      return { data: { id: call.deleted, deleted: true, status: 404, alreadyDeleted: true } };
    }
    throw error;
  }
  if (call.deleted !== undefined && (response.data === undefined || response.data === "")) {
    return { data: { id: call.deleted, deleted: true, status: response.status } };
  }
  return { data: response.data };
}

/**
 * A DELETE whose first attempt was cut off after it may have reached Confluence, then retried
 * and answered 404: the first attempt deleted it (the id was validated and existed, or the
 * first attempt would not have been ambiguous in the first place).
 */
function deletedByEarlierAttempt(error: unknown): boolean {
  return error instanceof ConfluenceApiError && error.status === 404 && error.afterUncertainAttempt;
}

export async function listApi(
  ctx: RunContext,
  paging: Paging,
  call: ListCall = {},
): Promise<ActionOutput> {
  const { path, api } = endpointOf(ctx);
  const query = mergeQuery(call.query, paging.queryParameters);
  // `limit`/`cursor` given as Query Parameters would fight the dedicated inputs.
  for (const name of ["limit", "cursor"]) {
    if (paging.queryParameters?.some(([key]) => key === name)) {
      const input = name === "limit" ? "Limit" : "Cursor";
      throw new InputError("Query Parameters", `use the "${input}" input instead of "${name}"`);
    }
  }
  const options = {
    api,
    pathParams: call.params,
    query,
    limit: paging.limit,
    cursor: paging.cursor,
    debug: ctx.debug,
  };
  if (paging.fetchAll) {
    const max = Math.min(paging.maxItems ?? FETCH_ALL_MAX_ITEMS, FETCH_ALL_MAX_ITEMS);
    const results: unknown[] = [];
    // The core's iterator starts at "Cursor" (if given) and follows `_links.next` / the Link
    // header to the last page, one page in memory at a time; the cap bounds what we collect.
    for await (const item of ctx.client.paginate(path, options)) {
      if (results.length === max) throw new FetchAllLimitError(max);
      results.push(item);
    }
    const data: ListOutput = { results };
    return { data };
  }
  const page = await ctx.client.listPage(path, options);
  const links = (page.raw as { _links?: unknown } | undefined)?._links;
  const data: ListOutput = { results: page.results, nextCursor: page.nextCursor, _links: links };
  return { data };
}

/**
 * The run of an action without one: its endpoint called with the request its inputs declare. An
 * action with the paging inputs (`listInputs`: Fetch All) is a list; a DELETE reports the id of
 * its endpoint's last path parameter as deleted.
 */
export function runDeclared(
  def: ActionDef,
  input: Readonly<Record<string, unknown>>,
  ctx: RunContext,
): Promise<ActionOutput> {
  const { params, query, extraQuery, body, headers } = ctx.request;
  const declared = {
    params: Object.keys(params).length === 0 ? undefined : params,
    query,
  };
  const queryParameters = extraQuery as KeyValues;
  if ("fetchAll" in def.inputs) {
    return listApi(ctx, { ...(input as unknown as Paging), queryParameters }, declared);
  }
  const { method } = endpointOf(ctx);
  const last = placeholders(ctx.endpoint).at(-1);
  return callApi(ctx, {
    ...declared,
    extraQuery: queryParameters,
    body,
    headers: Object.keys(headers).length === 0 ? undefined : headers,
    deleted: method === "DELETE" && last !== undefined ? params[last] : undefined,
  });
}

/** Output of an ambiguity-safe write (src/core/writes): the object Confluence holds. */
export async function writeOutput(
  write: Promise<ConfluenceResponse<unknown>>,
): Promise<ActionOutput> {
  return { data: (await write).data };
}

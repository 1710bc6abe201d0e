// GraphQL over the Atlassian gateway (`{site}/gateway/api/graphql` with Basic auth,
// `https://api.atlassian.com/graphql` with OAuth). A 200 response may still carry `errors`
// (GraphQL over HTTP): those become a ConfluenceGraphQLError.
import { Kind, parse } from "graphql";
import type { GraphQLResponse } from "../types/confluence.js";
import { ConfluenceError, ConfluenceGraphQLError } from "./errors.js";
import type { Send } from "./pagination.js";
import type { Redactor } from "./redact.js";
import type { GraphQLRequest } from "./types.js";

/**
 * True only when the operation that will run is a query: the server runs the operation named by
 * `operationName`, or the document's only operation (GraphQL over HTTP, "operationName"). A
 * document that does not parse, or whose executed operation is unclear, counts as a write, so a
 * mutation is never repeated on a 5xx, a dropped connection or a timeout.
 */
function isReadOnly(query: string, operationName: string | undefined): boolean {
  let operations: { operation: string; name?: string }[];
  try {
    operations = parse(query, { noLocation: true })
      .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((definition) => ({ operation: definition.operation, name: definition.name?.value }));
  } catch {
    return false;
  }
  const selected =
    operationName === undefined || operationName === ""
      ? operations
      : operations.filter((operation) => operation.name === operationName);
  // Unknown name: the server rejects it, but only the whole document tells us it is harmless.
  const deciding = selected.length === 0 ? operations : selected;
  return deciding.length > 0 && deciding.every((operation) => operation.operation === "query");
}

export async function graphqlRequest<T>(
  send: Send,
  url: string,
  request: GraphQLRequest,
  redactor: Redactor,
): Promise<T> {
  const response = await send<GraphQLResponse<T> | undefined>(
    {
      method: "POST",
      api: "site",
      path: url,
      body: {
        query: request.query,
        variables: request.variables,
        operationName: request.operationName,
      },
      headers: request.headers,
      timeoutMs: request.timeoutMs,
      retry: request.retry,
      signal: request.signal,
      debug: request.debug,
      logger: request.logger,
      // Queries are reads even though they travel in a POST, so they may be retried.
      idempotent: isReadOnly(request.query, request.operationName),
    },
    url,
  );
  const envelope = response.data;
  if (typeof envelope !== "object" || envelope === null) {
    throw new ConfluenceError("Confluence GraphQL returned an empty or non-JSON response");
  }
  const errors = Array.isArray(envelope.errors) ? envelope.errors : [];
  if (errors.length > 0) {
    const messages = errors.map((error) =>
      redactor.redactString(String(error?.message ?? "Unknown GraphQL error")),
    );
    // Every field of the error is redacted: partial `data` beside the errors may echo a
    // credential as well as a message can.
    const traceId = response.headers["atl-traceid"];
    throw new ConfluenceGraphQLError(
      `Confluence GraphQL returned ${messages.length} error(s): ${messages.join("; ")}`,
      {
        messages,
        data: redactor.redactValue(envelope.data),
        traceId: traceId === undefined ? undefined : redactor.redactString(traceId),
      },
    );
  }
  return envelope.data as T;
}

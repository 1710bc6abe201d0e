// GraphQL over the Atlassian gateway (`{site}/gateway/api/graphql` with Basic auth,
// `https://api.atlassian.com/graphql` with OAuth). A 200 response may still carry `errors`
// (GraphQL over HTTP): those become a ConfluenceGraphQLError.
import type { GraphQLResponse } from "../types/confluence.js";
import { ConfluenceError, ConfluenceGraphQLError } from "./errors.js";
import type { Send } from "./pagination.js";
import type { GraphQLRequest } from "./types.js";

/** True when the document's first operation is a mutation (comments and whitespace skipped). */
export function isMutation(query: string): boolean {
  const withoutComments = query.replace(/#[^\n\r]*/g, "");
  return /^\s*mutation\b/.test(withoutComments);
}

export async function graphqlRequest<T>(
  send: Send,
  url: string,
  request: GraphQLRequest,
  redact: (text: string) => string,
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
      idempotent: !isMutation(request.query),
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
      redact(String(error?.message ?? "Unknown GraphQL error")),
    );
    throw new ConfluenceGraphQLError(
      `Confluence GraphQL returned ${messages.length} error(s): ${messages.join("; ")}`,
      messages,
      envelope.data,
      response.headers["atl-traceid"],
    );
  }
  return envelope.data as T;
}

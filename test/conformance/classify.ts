// Sorts an exchange by the document that describes it. The emulator also plays Atlassian's
// identity service, API gateway and GraphQL endpoint, which the REST specs do not describe:
// those are classified explicitly (with the reason) rather than silently passed.
import type { SpecName } from "./spec-location.js";

export type Classification =
  | {
      kind: "rest";
      spec: SpecName;
      /** Path on the Confluence site (`/wiki/...`), after any gateway prefix is removed. */
      sitePath: string;
      /** The request went through the OAuth API gateway (`/ex/confluence/{cloudId}`). */
      viaGateway: boolean;
    }
  | {
      kind: "skipped";
      category: "emulator-admin" | "identity" | "graphql" | "download";
      reason: string;
    }
  | { kind: "unknown"; reason: string };

// OAuth 2.0 (3LO) apps call https://api.atlassian.com/ex/confluence/{cloudId}/wiki/... instead of
// https://{site}/wiki/...: https://developer.atlassian.com/cloud/confluence/oauth-2-3lo-apps/
const GATEWAY_PREFIX = /^\/ex\/confluence\/[^/]+(?=\/)/;

export function classifyPath(pathname: string): Classification {
  if (pathname.startsWith("/__emulator/")) {
    return {
      kind: "skipped",
      category: "emulator-admin",
      reason: "emulator control endpoint, not part of Confluence",
    };
  }
  if (pathname === "/authorize" || pathname.startsWith("/oauth/")) {
    return {
      kind: "skipped",
      category: "identity",
      reason:
        "Atlassian identity service (auth.atlassian.com, api.atlassian.com/oauth), not described by the Confluence REST specs",
    };
  }
  const gateway = GATEWAY_PREFIX.exec(pathname);
  const sitePath = gateway ? pathname.slice(gateway[0].length) : pathname;
  if (sitePath === "/graphql" || sitePath === "/gateway/api/graphql") {
    return {
      kind: "skipped",
      category: "graphql",
      reason: "GraphQL (AGG) is not described by the Confluence REST OpenAPI specs",
    };
  }
  if (sitePath.startsWith("/wiki/download/")) {
    return {
      kind: "skipped",
      category: "download",
      reason:
        "attachment download servlet (an attachment's downloadLink): file bytes, not a REST operation",
    };
  }
  if (sitePath.startsWith("/wiki/api/v2/")) {
    return { kind: "rest", spec: "v2", sitePath, viaGateway: gateway !== null };
  }
  if (sitePath.startsWith("/wiki/rest/api/")) {
    return { kind: "rest", spec: "v1", sitePath, viaGateway: gateway !== null };
  }
  return {
    kind: "unknown",
    reason: `${pathname} is neither /wiki/api/v2 (v2 spec) nor /wiki/rest/api (v1 spec), nor an identity, gateway, GraphQL or emulator endpoint`,
  };
}

// Material that sits beside the repository in CI, never in it: the specification page and
// Atlassian's official OpenAPI documents (a `shared/` folder next to the clone). Named in this
// one place; tests that compare with it skip, one by one and saying why, where it is absent.
// CONFLUENCE_SPEC_PAGE and CONFLUENCE_OFFICIAL_OPENAPI_DIR point elsewhere.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const beside = resolve(repoRoot, "..", "shared", "spec");

export const SPEC_PAGE = resolve(
  process.env.CONFLUENCE_SPEC_PAGE ?? resolve(beside, "confluence-connector.md"),
);
export const OFFICIAL_OPENAPI_DIR = resolve(
  process.env.CONFLUENCE_OFFICIAL_OPENAPI_DIR ?? resolve(beside, "openapi"),
);

// The connector's version, kept as a constant so the library needs no JSON import of
// package.json at run time (dist/lib is compiled with rootDir=src). A test checks that it
// matches package.json, so a release bump that forgets it fails CI.
export const CONNECTOR_VERSION = "0.1.0";

/** Sent on every request so Atlassian can attribute traffic to this connector. */
export const USER_AGENT = `confluence-connector/${CONNECTOR_VERSION} (node ${process.versions.node})`;

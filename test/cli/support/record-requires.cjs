// `node -r ./record-requires.cjs <bundle>`: appends every file the process `require`s to the file
// named by RECORD_REQUIRES_TO, so a test can check what an invocation of the built command line
// loads. The CLI bundle keeps the connector's dependencies (undici, fastify, graphql, ...) and the
// MCP transports' bundles as `require`s: what it loads eagerly shows up here.
const { appendFileSync } = require("node:fs");
const Module = require("node:module");

const target = process.env.RECORD_REQUIRES_TO;
const resolve = Module._resolveFilename;
Module._resolveFilename = function recordResolved(...args) {
  const file = resolve.apply(this, args);
  if (target) appendFileSync(target, `${file}\n`);
  return file;
};

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // OpenAPI conformance (test/conformance): the global setup collects and prints coverage;
    // the setup file fails a test whose exchanges broke Atlassian's spec.
    globalSetup: ["test/conformance/global-setup.ts"],
    setupFiles: ["test/support/conformance-hooks.ts", "test/support/property-seed.ts"],
    // Tests start real HTTP servers on loopback; keep parallelism modest on 2-core machines.
    pool: "forks",
    // One module graph per worker (not per file): the OpenAPI validators are compiled once per
    // worker instead of once per test file. Nothing in src/ keeps module-level state.
    isolate: false,
    poolOptions: { forks: { maxForks: 2 } },
    // The emulator and the fake sites listen on loopback over plain http: the runner's consent
    // (src/core/host.ts), as `npm start` and the emulator's instructions give it.
    env: { CONFLUENCE_ALLOW_LOOPBACK_HTTP: "1" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

// vitest setupFiles entry: a test that made the connector or the emulator break Atlassian's
// OpenAPI contract fails, with the operation and field named (see conformance-monitor.ts).
import { afterEach } from "vitest";
import { assertNoViolations } from "./conformance-monitor.js";

afterEach(async () => {
  await assertNoViolations();
});

// The CLI from its sources, as bin/confluence.cjs runs the built one: spawned by the CLI tests
// (`node --import tsx test/cli/support/entry.ts <args>`) so they see real exit codes, stdout
// pipes and files.
import { main } from "../../../src/cli/index.js";

await main(process.argv);

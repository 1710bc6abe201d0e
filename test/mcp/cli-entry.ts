// The `confluence` command from the sources, for tests that need it as a child process (MCP over
// stdio): `node --import tsx test/mcp/cli-entry.ts mcp`.
import { main } from "../../src/cli/index.js";

await main(process.argv);

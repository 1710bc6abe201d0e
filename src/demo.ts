// `npm start`: runs every action of the built component (dist/index.js) once against the local
// emulator, in the order a person would (src/demo/scenario.ts), printing one line per action.
// Exits 1 if any failed.
import { createRequire } from "node:module";
import type * as Spectral from "@prismatic-io/spectral";
import { runScenario, type ScenarioData } from "./demo/scenario.js";
import { DEFAULT_USER, startEmulator } from "./emulator/index.js";

interface BuiltComponent {
  actions: Record<string, { display: { label: string } }>;
}

const require = createRequire(import.meta.url);
// spectral is CommonJS without static named exports Node's ESM loader can see.
const { testing } = require("@prismatic-io/spectral") as typeof Spectral;
// dist/lib/demo.js → dist/index.js (the CommonJS bundle `prism components:publish` uploads).
const component = (require("../index.js") as { default: BuiltComponent }).default;

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };

async function main(): Promise<number> {
  // The emulator listens on loopback over plain http, which the component refuses unless the
  // process running it allows it: `npm start` is that process (src/core/host.ts).
  process.env.CONFLUENCE_ALLOW_LOOPBACK_HTTP = "1";
  const emulator = await startEmulator({ port: 0, seed: "demo" });
  const harness = testing.createHarness(component as never);
  const connection = {
    key: "basic",
    configVarKey: "",
    fields: { email: DEFAULT_USER.email, apiToken: DEFAULT_USER.apiToken, host: emulator.url },
  };
  const used = new Set<string>();
  console.log(`Confluence emulator at ${emulator.url}\n`);
  let failures = 0;
  try {
    const perform = async (key: string, params: Record<string, unknown>) => {
      const result = (await harness.action(key, { connection, ...params }, {
        logger: quietLogger,
      } as never)) as { data: ScenarioData };
      return result.data;
    };
    ({ failures } = await runScenario(perform, (outcome) => {
      used.add(outcome.step.key);
      const label = component.actions[outcome.step.key]?.display.label ?? outcome.step.key;
      const detail = outcome.ok
        ? outcome.fact
        : outcome.error instanceof Error
          ? outcome.error.message
          : String(outcome.error);
      console.log(`${outcome.ok ? "✓" : "✗"} ${label} — ${detail}`);
    }));
  } finally {
    await emulator.close();
  }
  const missing = Object.keys(component.actions).filter((key) => !used.has(key));
  if (missing.length > 0) {
    failures += missing.length;
    console.log(`✗ actions not exercised: ${missing.join(", ")}`);
  }
  console.log(`\n${used.size} actions, ${failures === 0 ? "all succeeded" : `${failures} failed`}`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();

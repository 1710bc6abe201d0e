// The component (from source and as built into dist/index.js) carries the specification's
// connections, actions, labels, comments and defaults.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import source from "../../src/component/index.js";
import { specDefaultValue, specSections } from "../catalog/spec-tables.js";

interface ServerInput {
  key: string;
  label: string;
  comments?: string;
  default?: unknown;
  type: string;
}
interface ServerComponent {
  key: string;
  public?: boolean;
  display: { label: string; description: string; iconPath: string };
  actions: Record<
    string,
    { display: { label: string; description: string }; inputs: ServerInput[] }
  >;
  connections: {
    key: string;
    label: string;
    comments?: string;
    inputs: ServerInput[];
    oauth2Type?: string;
  }[];
}

function newestMtime(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((max, entry) => Math.max(max, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

function loadBuilt(): ServerComponent {
  const stale =
    !existsSync("dist/index.js") ||
    statSync("dist/index.js").mtimeMs <
      Math.max(newestMtime("src/catalog"), newestMtime("src/component"));
  if (stale) execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "pipe" });
  const require = createRequire(import.meta.url);
  const loaded = require(join(process.cwd(), "dist/index.js")) as { default: ServerComponent };
  return loaded.default;
}

const spec = specSections();
let built: ServerComponent;

beforeAll(() => {
  built = loadBuilt();
}, 120_000);

const variants = () =>
  [
    ["source", source as unknown as ServerComponent],
    ["dist/index.js", built],
  ] as const;

describe.each(["source", "dist/index.js"])("component (%s)", (which) => {
  const get = () => variants().find(([name]) => name === which)?.[1] as ServerComponent;

  it("is the public Confluence component with the icon beside it", () => {
    const component = get();
    expect(component.key).toBe("confluence");
    expect(component.public).toBe(true);
    expect(component.display).toMatchObject({ label: "Confluence", iconPath: "icon.png" });
    expect(component.display.description).toMatch(/^Confluence is an open and shared workspace/);
    if (which === "dist/index.js") expect(existsSync("dist/icon.png")).toBe(true);
  });

  it("has every specification action with its inputs' labels, comments and defaults", () => {
    const component = get();
    const byLabel = new Map(Object.values(component.actions).map((a) => [a.display.label, a]));
    const specActions = spec.filter((s) => s.kind === "action");
    expect(Object.keys(component.actions)).toHaveLength(specActions.length);
    for (const section of specActions) {
      const action = byLabel.get(section.label);
      expect(action, section.label).toBeDefined();
      expect(action?.display.description).toBe(section.description);
      for (const row of section.rows) {
        const input = action?.inputs.find((i) => i.label === row.input);
        expect(input, `${section.label} / ${row.input}`).toBeDefined();
        expect(input?.comments ?? "").toBe(row.comments);
        expect(String(input?.default ?? "")).toBe(specDefaultValue(row.default));
      }
    }
  });

  it("has both connections with the specification's inputs", () => {
    const component = get();
    const specConnections = spec.filter((s) => s.kind === "connection");
    expect(component.connections.map((c) => c.label)).toEqual(specConnections.map((s) => s.label));
    for (const section of specConnections) {
      const connection = component.connections.find((c) => c.label === section.label);
      expect(connection?.inputs.map((i) => i.label)).toEqual(section.rows.map((r) => r.input));
      for (const row of section.rows) {
        const input = connection?.inputs.find((i) => i.label === row.input);
        expect(input?.comments ?? "").toBe(row.comments);
        expect(String(input?.default ?? "")).toBe(row.default);
      }
    }
    expect(component.connections.map((c) => c.key)).toEqual(["basic", "oauth2"]);
    expect(component.connections[1]?.oauth2Type).toBe("authorization_code");
  });
});

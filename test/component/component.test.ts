// The component (from source and as bundled by scripts/build.mjs) carries the specification's
// connections, actions, labels, comments and defaults.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions as catalogActions } from "../../src/catalog/index.js";
import source from "../../src/component/index.js";
import { specDefaultValue, specOrReferenceSections } from "../catalog/spec-tables.js";
import { type BuiltBundle, buildBundle } from "./built-bundle.js";

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

const spec = specOrReferenceSections();
let built: ServerComponent;
let bundle: BuiltBundle;

// Built fresh from the current sources (all of src/, core included) for every run.
beforeAll(() => {
  bundle = buildBundle();
  built = bundle.load<{ default: ServerComponent }>().default;
}, 60_000);
afterAll(() => bundle?.remove());

const variants = () =>
  [
    ["source", source as unknown as ServerComponent],
    ["built bundle", built],
  ] as const;

describe.each(["source", "built bundle"])("component (%s)", (which) => {
  const get = () => variants().find(([name]) => name === which)?.[1] as ServerComponent;

  it("is a private (organisation) Confluence component with the icon beside it", () => {
    const component = get();
    expect(component.key).toBe("confluence");
    // `public` is for Prismatic's own components; a customer-published one is private.
    expect(component.public).toBe(false);
    expect(component.display).toMatchObject({ label: "Confluence", iconPath: "icon.png" });
    expect(component.display.description).toMatch(/^Confluence is an open and shared workspace/);
    if (which === "built bundle") expect(existsSync(join(bundle.dir, "icon.png"))).toBe(true);
  });

  it("has every specification action with its inputs' labels, comments and defaults", () => {
    const component = get();
    const byLabel = new Map(Object.values(component.actions).map((a) => [a.display.label, a]));
    const specActions = spec.filter((s) => s.kind === "action");
    // The specification's actions, plus the catalog's own beyond it.
    expect(Object.keys(component.actions).sort()).toEqual(Object.keys(catalogActions).sort());
    expect(
      Object.values(catalogActions).filter((action) => !action.beyondSpecification),
    ).toHaveLength(specActions.length);
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

// No module-level mutable state in src/core and src/catalog (everything an invocation shares
// lives in the runtime object the adapter builds: src/catalog/runtime.ts), and no environment
// reads there (only adapters read process.env). Parsed with the TypeScript compiler, so comments
// and strings do not count.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LAYERS = ["src/core", "src/catalog"];

/**
 * Top-level state that is allowed, each with its reason. Lookup tables built once from literal
 * data and never changed need no entry (see `mutated` below).
 */
const ALLOWED: Record<string, string> = {
  // A memo of a pure function of code constants (path templates such as "/pages/{id}"),
  // bounded at 512 entries: no result depends on what it holds, only the regex work saved.
  "src/core/path.ts:compiledTemplates": "memo of a pure function",
};

const COLLECTIONS = new Set(["Map", "Set", "WeakMap", "WeakSet"]);
const MUTATORS = ["add", "set", "delete", "clear"];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const parse = (file: string, text = read(file)) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

/** Every top-level variable of `file` that holds state: `let`/`var`, or a changed collection. */
function topLevelState(file: string, everySource: string, text = read(file)): string[] {
  const found: string[] = [];
  for (const statement of parse(file, text).statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
      const name = declaration.name.getText();
      const init = declaration.initializer;
      if (!isConst) {
        found.push(`${file}:${name} (let/var)`);
      } else if (
        init !== undefined &&
        ts.isNewExpression(init) &&
        COLLECTIONS.has(init.expression.getText()) &&
        mutated(name, everySource)
      ) {
        found.push(`${file}:${name} (a ${init.expression.getText()} that is changed)`);
      }
    }
  }
  return found.filter((entry) => ALLOWED[entry.split(" ")[0] ?? ""] === undefined);
}

/** Whether `name.add(`/`.set(`/`.delete(`/`.clear(` appears anywhere in the sources. */
function mutated(name: string, everySource: string): boolean {
  return MUTATORS.some((method) => everySource.includes(`${name}.${method}(`));
}

/** Every `process.env` in `file` (a property access on the identifier `process`). */
function environmentReads(file: string, text = read(file)): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      node.expression.getText() === "process" &&
      node.name.text === "env"
    ) {
      const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
      found.push(`${file}:${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
  return found;
}

const files = LAYERS.flatMap(sourceFiles);
const everySource = sourceFiles("src").map(read).join("\n");

describe("src/core and src/catalog", () => {
  it("are the files this test reads", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files).toContain("src/catalog/runtime.ts");
  });

  it("keep no module-level mutable state (the runtime object holds it)", () => {
    expect(files.flatMap((file) => topLevelState(file, everySource))).toEqual([]);
  });

  it("never read process.env (adapters read the environment)", () => {
    expect(files.flatMap((file) => environmentReads(file))).toEqual([]);
  });

  it("every allow-list entry still names a real top-level variable", () => {
    for (const entry of Object.keys(ALLOWED)) {
      const [file, name] = entry.split(":") as [string, string];
      const names = parse(file).statements.flatMap((statement) =>
        ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((d) => d.name.getText())
          : [],
      );
      expect(names, entry).toContain(name);
    }
  });
});

describe("the checks themselves", () => {
  it("find a top-level let, a changed Map and a process.env read (the old client cache)", () => {
    const file = "src/catalog/fixture.ts";
    const source = [
      "let maxCachedClients = 32;",
      "const cachedClients = new Map<string, number>();",
      "const FIXED = new Set([1, 2]);",
      "export function f() { cachedClients.set('a', 1); return process.env.X; }",
    ].join("\n");
    expect(topLevelState(file, source, source)).toEqual([
      `${file}:maxCachedClients (let/var)`,
      `${file}:cachedClients (a Map that is changed)`,
    ]);
    expect(environmentReads(file, source)).toEqual([`${file}:4`]);
  });
});

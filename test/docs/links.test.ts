// Every relative link in README.md and docs/*.md points at a file of the repository (a clone
// alone, nothing beside it). External links (http, mailto) are not fetched.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const documents = [
  resolve(repoRoot, "README.md"),
  ...readdirSync(resolve(repoRoot, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => resolve(repoRoot, "docs", name)),
];

/** Link targets of Markdown links and images, outside code spans and fenced blocks. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const targets: string[] = [];
  for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    targets.push(match[1] ?? "");
  }
  for (const match of prose.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)) targets.push(match[1] ?? "");
  return targets;
}

const isExternal = (target: string) =>
  /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");

describe("relative links in the docs", () => {
  it("finds links, images and reference definitions, not code", () => {
    expect(
      linkTargets(
        '[a](./x.md#h) ![i](../i.png "t") `[c](no.md)`\n```\n[d](no.md)\n```\n[r]: ./r.md',
      ),
    ).toEqual(["./x.md#h", "../i.png", "./r.md"]);
  });

  it.each(documents.map((file) => [relative(repoRoot, file), file] as const))(
    "%s: every relative link resolves",
    (_name, file) => {
      const broken = linkTargets(readFileSync(file, "utf8"))
        .filter((target) => !isExternal(target) && !target.startsWith("#"))
        .map((target) => decodeURI(target.split("#")[0]?.split("?")[0] ?? ""))
        .filter((path) => !existsSync(resolve(dirname(file), path)));
      expect(broken).toEqual([]);
    },
  );
});

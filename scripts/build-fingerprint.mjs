// A fingerprint of everything `npm run build` reads, stored in dist/ after a full build, so that
// `prepare` can tell whether dist/ is already the build of these sources (scripts/prepare.mjs).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const INPUTS = [
  "src",
  "assets",
  "scripts/build.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "package-lock.json",
];

export const FINGERPRINT_FILE = "dist/.build-fingerprint";

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** SHA-256 over the paths and contents of the build's inputs (under the current directory). */
export function buildFingerprint() {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap(files)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

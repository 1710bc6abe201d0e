// `prepare` (run by `npm install` / `npm ci` in a clone, and by `npx confluence` run in a clone:
// npm links the clone into its npx folder and runs its `prepare`, with the output hidden). It
// builds dist/ only when dist/ is not already the build of these sources, so the first
// `npx confluence` after `npm install` does not silently rebuild for 10–20 s.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { buildFingerprint, FINGERPRINT_FILE } from "./build-fingerprint.mjs";

const built =
  existsSync(FINGERPRINT_FILE) &&
  readFileSync(FINGERPRINT_FILE, "utf8").trim() === buildFingerprint();
if (built) {
  console.error("dist/ is already built from these sources (npm run build rebuilds it anyway)");
} else {
  console.error("building dist/ (npm run build)...");
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}

// OAuth 2.0 workload: HTTP requests per action after warm-up, counted from the emulator's
// request log (GET /__emulator/requests). Target: exactly 1 for our client (peers: 2).
//
// SLOT: the core's OAuth module (src/core/oauth) is being written concurrently; until it exports
// a provider this workload reports "not measured" instead of guessing its API.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Site } from "./contenders.js";

export async function oauthWorkload(_site: Site): Promise<string> {
  const entry = fileURLToPath(new URL("../src/core/oauth/index.ts", import.meta.url));
  if (!existsSync(entry)) {
    return "Not measured: src/core/oauth is not in the tree yet (the OAuth workload is a marked slot in bench/oauth-requests.ts).";
  }
  return "Not measured yet: src/core/oauth exists but the bench does not drive it yet (slot in bench/oauth-requests.ts).";
}

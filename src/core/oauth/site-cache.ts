// Module-level cache of resolved sites, keyed by a hash of (access token, site override,
// gateway origin): the token itself is never kept as a key. A component may build a new client
// for every action invocation; with this cache only the first one pays the accessible-resources
// round trip. Bounded in size (oldest evicted) and time (a grant can change).
import { createHash } from "node:crypto";

export const SITE_CACHE_MAX_ENTRIES = 500;
export const SITE_CACHE_TTL_MS = 15 * 60_000;

interface Entry {
  cloudId: string;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

export function siteCacheKey(accessToken: string, override: string, apiUrl: string): string {
  return createHash("sha256").update(`${accessToken}\0${override}\0${apiUrl}`).digest("base64url");
}

export function cachedCloudId(key: string, now = Date.now()): string | undefined {
  const entry = entries.get(key);
  if (entry === undefined) return undefined;
  if (entry.expiresAt <= now) {
    entries.delete(key);
    return undefined;
  }
  return entry.cloudId;
}

export function rememberCloudId(key: string, cloudId: string, now = Date.now()): void {
  entries.delete(key);
  entries.set(key, { cloudId, expiresAt: now + SITE_CACHE_TTL_MS });
  while (entries.size > SITE_CACHE_MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** For tests. */
export function clearSiteCache(): void {
  entries.clear();
}

// Resolved sites, keyed by a hash of (access token, site override, gateway origin): the token
// itself is never kept as a key. A component may build a new client for every action
// invocation; when those clients share one cache (the catalog's runtime owns one), only the
// first pays the accessible-resources round trip. Bounded in size (oldest evicted) and time (a
// grant can change). The cache also holds the lookups in flight, so concurrent clients of one
// token share a single lookup. An object, not module state: whoever builds the providers
// decides how far a cache is shared (tests get a fresh one each).
import { createHash } from "node:crypto";

export const SITE_CACHE_MAX_ENTRIES = 500;
export const SITE_CACHE_TTL_MS = 15 * 60_000;

export interface SiteCache {
  /** The cached cloud id, unless absent or expired. */
  get(key: string): string | undefined;
  remember(key: string, cloudId: string): void;
  /** Runs `lookup` unless one for `key` is in flight; concurrent callers share its result. */
  shared(key: string, lookup: () => Promise<string>): Promise<string>;
  /** How many sites are cached (expired ones included until read). */
  readonly size: number;
  clear(): void;
}

export interface SiteCacheOptions {
  /** Clock for the entries' expiry (default Date.now). */
  now?: () => number;
  maxEntries?: number;
  ttlMs?: number;
}

interface Entry {
  cloudId: string;
  expiresAt: number;
}

export function siteCacheKey(accessToken: string, override: string, apiUrl: string): string {
  return createHash("sha256").update(`${accessToken}\0${override}\0${apiUrl}`).digest("base64url");
}

export function createSiteCache(options: SiteCacheOptions = {}): SiteCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? SITE_CACHE_MAX_ENTRIES;
  const ttlMs = options.ttlMs ?? SITE_CACHE_TTL_MS;
  const entries = new Map<string, Entry>();
  const lookups = new Map<string, Promise<string>>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.cloudId;
    },
    remember(key, cloudId) {
      entries.delete(key);
      entries.set(key, { cloudId, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    shared(key, lookup) {
      let running = lookups.get(key);
      if (running === undefined) {
        running = lookup().finally(() => lookups.delete(key));
        lookups.set(key, running);
      }
      return running;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

// The runtime's cache of core clients, with leases. Clients are kept between action invocations
// so that actions of one connection reuse its keep-alive sockets (a new client costs a new
// Agent, a TCP and, on Atlassian, a TLS handshake). Entries are found by an identity the caller
// computes (client-factory.ts: a hash of everything that decides where a client sends requests
// and with which credential). Idle sockets do not keep the process alive: undici unrefs them.
//
// Each invocation holds a lease on its client until it closes its view of it. The cache is an
// LRU of at most `maxClients` entries; an evicted client is closed only once no invocation holds
// it any more — an invocation may send many requests over time (Fetch All between pages, a safe
// write between its probe and its re-send) and must not find its client closed under it because
// other connections came and went meanwhile.
import type { ConfluenceClient } from "../core/types.js";

export const DEFAULT_MAX_CACHED_CLIENTS = 32;

export interface LeasedClient {
  client: ConfluenceClient;
  /** Gives the lease back (idempotent); an evicted client closes on its last release. */
  release: () => void;
}

export interface ClientCache {
  /** Takes a lease on the client of `identity`, created with `create` if not cached. */
  lease(identity: string, create: () => ConfluenceClient): LeasedClient;
  /** How many clients are cached (evicted ones still leased are not counted). */
  readonly size: number;
  /** Closes every client, cached or still draining (a host process shutting down, tests). */
  close(): Promise<void>;
}

interface CacheEntry {
  client: ConfluenceClient;
  /** Invocations currently using the client. */
  leases: number;
  /** Dropped from the cache: close when the last lease goes. */
  evicted: boolean;
}

export function createClientCache(maxClients = DEFAULT_MAX_CACHED_CLIENTS): ClientCache {
  const capacity = Math.max(1, Math.floor(maxClients));
  const cached = new Map<string, CacheEntry>();
  /** Evicted clients still leased by an invocation (closed on their last release). */
  const draining = new Set<CacheEntry>();

  const closeQuietly = (entry: CacheEntry): void => {
    draining.delete(entry);
    // close() lets requests still in flight finish before the sockets go.
    void entry.client.close().catch(() => {});
  };

  const evictOldest = (): void => {
    const [oldest, entry] = cached.entries().next().value as [string, CacheEntry];
    cached.delete(oldest);
    entry.evicted = true;
    if (entry.leases === 0) closeQuietly(entry);
    else draining.add(entry);
  };

  return {
    lease(identity, create) {
      let entry = cached.get(identity);
      if (entry !== undefined) {
        // Map order doubles as recency: move the entry to the end.
        cached.delete(identity);
      } else {
        while (cached.size >= capacity) evictOldest();
        entry = { client: create(), leases: 0, evicted: false };
      }
      cached.set(identity, entry);
      entry.leases += 1;
      const leased = entry;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        leased.leases -= 1;
        if (leased.evicted && leased.leases === 0) closeQuietly(leased);
      };
      return { client: leased.client, release };
    },
    get size() {
      return cached.size;
    },
    async close() {
      const entries = [...cached.values(), ...draining];
      cached.clear();
      draining.clear();
      await Promise.all(entries.map((entry) => entry.client.close()));
    },
  };
}
